"""Command line: `news-explainer new|generate|build` (or `python -m generators …`). `--help` is the reference.

Folders default to the current one's `seeds/`, `content/`, `site/`, `mkdocs.yml` and `.cache/`: run it in a
story project (`news-explainer new DIR` makes one) or in this repository."""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
from pathlib import Path

from mkdocs.exceptions import MkDocsException, PluginError

from . import __version__, corrections, language
from .ingest import DEFAULT_MAX_BYTES
from .pipeline import (
    WouldShrink,
    analyse,
    build_site,
    generation_inputs,
    generation_options,
    notes,
    publish,
    record_generation,
    record_site,
    site_is_current,
    summary_of,
    unchanged_generation,
)
from .project import SITE_SRC, BuildRunning, content_lock, positive
from .reconcile import latest_date
from .terminal import describe, for_terminal

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3


def count(text: str) -> int:
    """An option that counts something (bytes, dates, jobs): refused by argparse with its rule, not later."""
    try:
        return positive(int(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc) if "whole number" in str(exc) else
                                         f"must be a whole number of 1 or more, not {text!r}") from None


class _TerminalFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return for_terminal(super().format(record))


def show_mkdocs_problems() -> None:
    """MkDocs' warnings on stderr: under its API (no `mkdocs` command), strict mode counts them without a word."""
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h.formatter, _TerminalFormatter) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
        handler.setFormatter(_TerminalFormatter("mkdocs %(levelname)s: %(message)s"))
        logger.addHandler(handler)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="news-explainer", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    new = sub.add_parser("new", help="start a story project: DIR/seeds/, DIR/content/, DIR/mkdocs.yml, a README",
                         description="start a story project, as `mkdocs new` does")
    new.add_argument("folder", type=Path, help="the project folder (created; must be empty if it exists)")
    new.add_argument("--title", help="the site's title (default: the folder's name)")
    stance = sub.add_parser("stance", help="read stances: one line of for|against|mixed|unclear per pair",
                            description="read the stance of each statement on its question, as the views page "
                                        "does: PAIRS holds one JSON object per line, {\"question\": …, "
                                        "\"statement\": …}; one word is printed per line, in order")
    stance.add_argument("pairs", type=Path, help="JSON lines file of question and statement pairs")
    for name, text in (("generate", "read the articles and write Markdown pages into the content folder"),
                       ("build", "generate, then build the static site with MkDocs (strict)")):
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of articles (.txt, .md, .html)")
        cmd.add_argument("--content", type=Path, default=Path("content"), help="folder the pages are written to")
        cmd.add_argument("--max-bytes", type=count, default=DEFAULT_MAX_BYTES,
                         help=f"skip articles larger than this (default {DEFAULT_MAX_BYTES:,})")
        cmd.add_argument("--strict", action="store_true", help="fail, building nothing, if any article is skipped")
        cmd.add_argument("--allow-empty", action="store_true",
                         help="publish even when no article is read or fewer than half of those the last build "
                              "published (otherwise the last site is kept and the build fails)")
        cmd.add_argument("--quiet", action="store_true", help="print only problems")
        cmd.add_argument("--jobs", type=count, default=None, help="extraction processes (default: all cores)")
        cmd.add_argument("--cache", type=Path, default=Path(".cache"),
                         help="folder of cached read and extracted articles, keyed by content and code")
        cmd.add_argument("--timeline-dates", type=count, default=None,
                         help="dates on the timeline page (default: all for short stories, else 40)")
        cmd.add_argument("--sentences-per-date", type=count, default=None, help="events per date on a cut timeline (default 2)")
        cmd.add_argument("--no-cache", action="store_true", help="read and extract every article afresh")
        cmd.add_argument("--model", default=language.AUTO,
                         help="spaCy pipeline to read the articles with, e.g. en_core_web_md (default: the first "
                              f"installed of {', '.join(language.CANDIDATES)})")
        if name == "build":
            cmd.add_argument("--site", type=Path, default=Path("site"), help="folder the site is built into")
            cmd.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "new":
            return new_project(args.folder, args.title)
        if args.command == "stance":
            return read_stances(args.pairs)
        return run(args)
    except (OSError, UnicodeError) as exc:  # a file we cannot read or write: one line that names it
        print(for_terminal(f"error: {describe(exc)}"), file=sys.stderr)
        return EXIT_FAILED
    except (MkDocsException, PluginError) as exc:
        print(for_terminal(f"error: site not built: {exc}; the last site is left as it was"), file=sys.stderr)
        return EXIT_FAILED


def run(args: argparse.Namespace) -> int:
    if not args.seeds.is_dir():
        print(for_terminal(f"error: seeds folder not found: {args.seeds}"), file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()
    cache = None if args.no_cache else args.cache
    try:
        options = generation_options(args.max_bytes, args.timeline_dates, args.sentences_per_date, args.allow_empty,
                                     args.model)
        inputs = generation_inputs(args.seeds, args.content, options) if cache else ""
        if cache and args.content.is_dir():
            with content_lock(args.content):
                last = unchanged_generation(cache, args.content, inputs)
                if last is not None:  # the same articles, corrections, code and options: the same pages
                    return repeat(args, last, started)
        story, skipped = analyse(args.seeds, args.max_bytes, args.jobs, cache,
                                 progress=not args.quiet and sys.stderr.isatty(), model=args.model)
    except language.ModelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except BuildRunning as exc:
        print(for_terminal(f"error: {exc}"), file=sys.stderr)
        return EXIT_FAILED
    for item in skipped:
        print(for_terminal(f"skipped {item.source}: {item.reason}"), file=sys.stderr)
    if args.strict and skipped:
        print(f"error: {len(skipped)} file(s) skipped and --strict is set; nothing written", file=sys.stderr)
        return EXIT_FAILED
    try:
        with content_lock(args.content):  # held until the site is swapped in: one build at a time, whole
            result = publish(story, skipped, args.content, args.timeline_dates, args.sentences_per_date,
                             args.allow_empty)
            told = notes(result)
            generation = record_generation(cache, args.seeds, args.content, options, inputs, result, told) \
                if cache else None
            tell(args, told)
            if not args.quiet:
                print(for_terminal(f"read {summary_of(result.story)} -> {args.content} "
                                   f"({time.perf_counter() - started:.1f} s)"))
            if args.command == "build":
                show_mkdocs_problems()
                build_site(args.config, args.content, args.site, latest_date(result.story.articles))
                if cache:
                    record_site(cache, generation, args.config, args.site)
                if not args.quiet:
                    print(for_terminal(f"built {args.site}"))
    except (corrections.CorrectionsError, BuildRunning, WouldShrink) as exc:
        print(for_terminal(f"error: {exc}"), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_SKIPPED if skipped else EXIT_OK


def repeat(args: argparse.Namespace, last, started: float) -> int:
    """Nothing read changed since the last generation into this content folder: say what it said, build the site
    from the pages as they are. The caller holds the content folder's lock."""
    for source, reason in last.skipped:
        print(for_terminal(f"skipped {source}: {reason}"), file=sys.stderr)
    if args.strict and last.skipped:
        print(f"error: {len(last.skipped)} file(s) skipped and --strict is set; nothing written", file=sys.stderr)
        return EXIT_FAILED
    tell(args, last.notes)
    if not args.quiet:
        print(for_terminal(f"nothing changed since the last generation: {last.summary} -> {args.content} "
                           f"({time.perf_counter() - started:.1f} s)"))
    if args.command == "build" and site_is_current(args.cache, last, args.config, args.site):
        if not args.quiet:
            print(for_terminal(f"{args.site} was built from these pages and {args.config}: left as it is"))
    elif args.command == "build":
        show_mkdocs_problems()
        build_site(args.config, args.content, args.site, last.build_date)
        record_site(args.cache, last, args.config, args.site)
        if not args.quiet:
            print(for_terminal(f"built {args.site}"))
    return EXIT_SKIPPED if last.skipped else EXIT_OK


def tell(args: argparse.Namespace, told: list[list[str]]) -> None:
    """Problems always (on stderr), the rest unless --quiet; every line made safe for the terminal."""
    for stream, text in told:
        if stream == "err":
            print("\n".join(for_terminal(line) for line in text.splitlines()), file=sys.stderr)
        elif not args.quiet:
            print(for_terminal(text))


def read_stances(pairs: Path) -> int:
    """One stance per line of `pairs`; a line that is not a question and a statement is "unclear", and said."""
    import json

    from .extract.stance import stance_of

    failed = 0
    with pairs.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue  # a blank line is no pair
            try:
                pair = json.loads(line)
                question, statement = pair["question"], pair["statement"]
                if not isinstance(question, str) or not isinstance(statement, str):
                    raise TypeError("question and statement must be text")
            except (ValueError, KeyError, TypeError) as exc:
                failed += 1
                print(for_terminal(f"{pairs}, line {number}: not a question and a statement ({exc}); unclear"),
                      file=sys.stderr)
                print("unclear")
                continue
            print(stance_of([statement], question).stance)
    return EXIT_FAILED if failed else EXIT_OK


def new_project(folder: Path, title: str | None = None) -> int:
    """A story project that `mkdocs serve` and `mkdocs build` work in: the starter files of site_src/project."""
    import json


    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        print(for_terminal(f"error: {folder} exists and is not an empty folder; nothing written"), file=sys.stderr)
        return EXIT_USAGE
    starter = SITE_SRC / "project"
    name = title or folder.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize() or "News explainer"
    config = (starter / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"(?m)^site_name: .*$", lambda _: f"site_name: {json.dumps(name)}", config, count=1)
    if title:  # a name given on purpose stays in the header; else the header names the story once there is one
        config = re.sub(r"(?m)^(\s+)seeds: seeds$", r"\g<0>\n\1site_name_from_story: false", config, count=1)
    for sub in ("seeds", "content"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(config, "utf-8")
    (folder / "README.md").write_text((starter / "README.md").read_text("utf-8"), "utf-8")
    (folder / ".gitignore").write_text("site/\n.cache/\n", "utf-8")
    print(for_terminal(f"new story in {folder}: put articles in {folder / 'seeds'}, then run `mkdocs serve` there"))
    return EXIT_OK
