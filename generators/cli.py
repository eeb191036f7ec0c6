"""Command line: `python -m generators build|generate`. `--help` is the reference."""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

from . import corrections, language
from .ingest import DEFAULT_MAX_BYTES
from .pipeline import BuildRunning, analyse, build_site, publish
from .reconcile import latest_date

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3
ROOT = Path(__file__).resolve().parent.parent


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def for_terminal(text: str) -> str:
    """A file name or article text printed on a terminal: control characters (escape sequences) shown, not run."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generators", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    for name, text in (("generate", "read the articles and write Markdown pages into the content folder"),
                       ("build", "generate, then build the static site with MkDocs (strict)")):
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="folder of articles (.txt, .md, .html)")
        cmd.add_argument("--content", type=Path, default=ROOT / "content", help="folder the pages are written to")
        cmd.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                         help=f"skip articles larger than this (default {DEFAULT_MAX_BYTES:,})")
        cmd.add_argument("--strict", action="store_true", help="fail, building nothing, if any article is skipped")
        cmd.add_argument("--quiet", action="store_true", help="print only problems")
        cmd.add_argument("--jobs", type=int, default=None, help="extraction processes (default: all cores)")
        cmd.add_argument("--cache", type=Path, default=ROOT / ".cache",
                         help="folder of cached read and extracted articles, keyed by content and code")
        cmd.add_argument("--timeline-dates", type=int, default=None,
                         help="dates on the timeline page (default: all for short stories, else 40)")
        cmd.add_argument("--sentences-per-date", type=int, default=None, help="events per date on a cut timeline (default 2)")
        cmd.add_argument("--no-cache", action="store_true", help="read and extract every article afresh")
        cmd.add_argument("--model", default=language.AUTO,
                         help="spaCy pipeline to read the articles with, e.g. en_core_web_md (default: the first "
                              f"installed of {', '.join(language.CANDIDATES)})")
        if name == "build":
            cmd.add_argument("--site", type=Path, default=ROOT / "site", help="folder the site is built into")
            cmd.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="MkDocs configuration")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    os.environ["TZ"] = "UTC"  # chart rendering reads dates in the local time zone
    time.tzset()
    if not args.seeds.is_dir():
        print(f"error: seeds folder not found: {args.seeds}", file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()
    try:
        story, skipped = analyse(args.seeds, args.max_bytes, args.jobs, None if args.no_cache else args.cache,
                                 progress=not args.quiet and sys.stderr.isatty(), model=args.model)
    except language.ModelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    for item in skipped:
        print(for_terminal(f"skipped {item.source}: {item.reason}"), file=sys.stderr)
    if args.strict and skipped:
        print(f"error: {len(skipped)} file(s) skipped and --strict is set; nothing written", file=sys.stderr)
        return EXIT_FAILED
    try:
        result = publish(story, skipped, args.content, args.timeline_dates, args.sentences_per_date)
    except (corrections.CorrectionsError, BuildRunning) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    story = result.story
    for line in result.unmatched:
        print(for_terminal(f"correction matches nothing: {line}"), file=sys.stderr)
    for line in result.broad:
        print(for_terminal(f"warning: correction changed more than half the items: {line}; check its words"),
              file=sys.stderr)
    if not args.quiet:
        for line in result.corrected:
            print(for_terminal(f"correction {line}"))
    for path, diff in result.render.kept:
        print(for_terminal(f"kept your edit of {path}; the generator would now write:\n") + "\n".join(
            for_terminal(line) for line in diff.splitlines()), file=sys.stderr)
    if not args.quiet:
        print(f"read {len(story.articles)} articles: {len(story.events)} events, {len(story.figures)} figures, "
              f"{len(story.actors)} actors, {len(story.quotes)} quotes, {len(story.conflicts)} disagreements "
              f"-> {args.content} ({time.perf_counter() - started:.1f} s)")
    if args.command == "build":
        build_site(args.config, args.content, args.site, latest_date(story.articles))
        if not args.quiet:
            print(f"built {args.site}")
    return EXIT_SKIPPED if skipped else EXIT_OK
