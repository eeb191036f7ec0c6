"""The whole pipeline in one readable function per command: read, extract, reconcile, render, build."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from importlib.metadata import distributions
from pathlib import Path

from . import __version__, corrections, language
from .cache import MISS, code_digest, digest, load, store, write_atomic
from .extract import extract_article
from .extract.dates import Reference, date_from_content, years_mentioned
from .ingest import DEFAULT_MAX_BYTES, Skipped, read_articles, set_aside_in
from .model import Article, Extraction, Story
from .project import CORRECTIONS, SITE_SRC, content_lock
from .reconcile import latest_date, reconcile
from .render import RenderReport, render_site
from .render.writer import digest_of

PARALLEL_FROM = 24  # below this many articles a process pool costs more than it saves


@dataclass
class Result:
    story: Story
    skipped: list[Skipped]
    render: RenderReport
    unmatched: list[str]  # corrections that matched nothing
    corrected: list[str]  # how many items each correction changed
    broad: list[str]  # corrections that changed more than half the items of their kind


def story_reference(articles: list[Article]) -> Reference | None:
    """Undated articles read year-less dates against the latest dated article, else the latest year any mentions."""
    dated = sorted(a.published for a in articles if len(a.published) == 10)
    if dated:
        return Reference.from_iso(dated[-1])
    years = [y for a in articles for s in a.sentences for y in years_mentioned(s.text)]
    return Reference(max(years)) if years else None


def extraction_code_digest() -> str:
    """The extractors' own source: changing a rule invalidates the cache without a version bump."""
    package = Path(__file__).resolve().parent
    return code_digest(*sorted((package / "extract").glob("*.py")), package / "model.py")


def cache_key(article: Article, reference: Reference | None, model: str) -> str:
    """An article's extraction depends on its text and title, its date (or the story's, when it has none), our code
    and the language model (`model`: its name and version)."""
    parts = [__version__, extraction_code_digest(), model, article.source, article.published, article.title,
             "\n".join(article.paragraphs)]
    if not article.published:
        parts.append(repr(reference))
    return digest(*parts)


def _extract_one(job: tuple[Article, Reference | None, str]) -> Extraction:
    return extract_article(*job)


def _end_with_parent(parent: int) -> None:
    """A pool worker ends when the build that started it is gone, whatever killed it (SIGKILL included)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def extract_all(articles: list[Article], reference: Reference | None, jobs: int | None = None,
                cache: Path | None = None, progress: bool = False, model: str = language.AUTO) -> list[Extraction]:
    """Extraction is a pure function of each article: cached by content, mapped over a process pool.

    To run on a cluster, map `_extract_one` over the same (article, reference, model) triples with the
    engine's own map (Dask's `client.map`, Ray's `remote`), then call `reconcile` on the results.
    Raises language.ModelError when no spaCy model is installed.
    """
    results: dict[int, Extraction] = {}
    model_id = language.model_id(model)
    keys = [cache_key(a, reference, model_id) for a in articles]
    if cache is not None:
        for i, key in enumerate(keys):
            hit = load(cache, key)
            if hit is not MISS:
                results[i] = hit
    todo = [i for i in range(len(articles)) if i not in results]
    workers = min(jobs or os.cpu_count() or 1, len(todo))
    work = [(articles[i], reference, model) for i in todo]
    if workers > 1 and len(todo) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=workers, initializer=_end_with_parent, initargs=(os.getpid(),)) as pool:
            fresh = pool.map(_extract_one, work, chunksize=max(1, len(work) // (workers * 8)))
            for done, (i, extraction) in enumerate(zip(todo, fresh, strict=True), 1):
                results[i] = extraction
                _progress(progress, done, len(todo))
                if cache is not None:  # kept as it comes: a build stopped halfway has done half the work
                    store(cache, keys[i], extraction)
    else:
        for done, (i, job) in enumerate(zip(todo, work, strict=True), 1):
            results[i] = _extract_one(job)
            _progress(progress, done, len(todo))
            if cache is not None:
                store(cache, keys[i], results[i])
    return [results[i] for i in range(len(articles))]


def _progress(show: bool, done: int, total: int) -> None:
    if show and (done == total or done % 25 == 0):
        print(f"\rextracting {done}/{total} articles", end="\n" if done == total else "", file=sys.stderr, flush=True)


def analyse(seeds: Path, max_bytes: int = DEFAULT_MAX_BYTES, jobs: int | None = None, cache: Path | None = None,
            progress: bool = False, model: str = language.AUTO) -> tuple[Story, list[Skipped]]:
    """Read, extract, reconcile. `cache` is a folder for read articles (ingest/) and extractions (extract/)."""
    articles, skipped = read_articles(seeds, max_bytes, cache / "ingest" if cache else None)
    for article in articles:
        if not article.published:  # dated from its content, and the site says so
            article.published = date_from_content([s.text for s in article.sentences])
            article.published_inferred = bool(article.published)
    reference = story_reference(articles)
    extractions = extract_all(articles, reference, jobs, cache / "extract" if cache else None, progress, model)
    return reconcile(articles, extractions), skipped


class WouldShrink(RuntimeError):
    """The build would publish markedly less than the last one (a wrong or empty seeds folder, say)."""


SHRINK_FROM = 4  # articles the last build published; below this any change in size is plausible


def check_not_shrinking(story: Story, content: Path) -> None:
    """A build that reads no article, or fewer than half of those the last one published, would swap a near-empty
    site over a good one: most likely the folder is wrong (a typo, an unmounted share, a size limit too low)."""
    published = [p for p in (content / "sources").glob("*.md") if p.name != "index.md"]
    if not story.articles:
        raise WouldShrink("no article could be read, so the site would be empty; nothing written "
                          "(--allow-empty publishes it anyway)")
    if len(published) >= SHRINK_FROM and len(story.articles) < len(published) / 2:
        raise WouldShrink(f"{len(story.articles)} article(s) read where the last build published {len(published)}; "
                          "nothing written (--allow-empty publishes the smaller site)")


def publish(story: Story, skipped: list[Skipped], content: Path, timeline_dates: int | None = None,
            sentences_per_date: int | None = None, allow_empty: bool = False) -> Result:
    """Apply the editors' corrections and render; the caller holds `content_lock`. Raises CorrectionsError for an
    unreadable corrections file, WouldShrink for a build that would publish markedly less than the last."""
    if not allow_empty:
        check_not_shrinking(story, content)
    os.environ["TZ"] = "UTC"  # the chart renderer places dates in the process's time zone: the same bytes anywhere
    if hasattr(time, "tzset"):
        time.tzset()
    story, applied = corrections.apply(story, corrections.load(content))
    report = render_site(story, content, skipped, timeline_dates, sentences_per_date)
    return Result(story, skipped, report, applied.unmatched, applied.changed, applied.broad)


LAST_GENERATION = "last-generation.json"  # in the cache folder: what the last generation read and wrote


@dataclass
class Generation:
    """What a generation read (`inputs`, see generation_inputs), left in the content folder and told, kept so that
    the same command on the same inputs skips reading, reconciling and rendering and says what the last one said."""
    inputs: str
    content: str
    summary: str
    build_date: str
    skipped: list[list[str]]  # [source, reason]
    notes: list[list[str]]  # [stream ("out" or "err"), line]: what the build told the editor
    pages: dict[str, str]  # every file the content folder held after it (_pages)


def generation_options(max_bytes: int, timeline_dates: int | None, sentences_per_date: int | None,
                       allow_empty: bool, model: str) -> dict:
    """The options that change what a generation writes (not how fast or how loudly it runs)."""
    return {"max_bytes": max_bytes, "timeline_dates": timeline_dates, "sentences_per_date": sentences_per_date,
            "allow_empty": allow_empty, "model": model}


def _hash_file(hasher, path: Path) -> None:
    """A file's bytes into the digest, read in blocks; one that cannot be read counts as such (the build that
    follows reports it), never as an error here."""
    try:
        with path.open("rb") as file:
            for block in iter(lambda: file.read(1 << 16), b""):
                hasher.update(block)
    except OSError as exc:
        hasher.update(f"unreadable: {exc.__class__.__name__}".encode())
    hasher.update(b"\x00")


def generation_inputs(seeds: Path, content: Path, options: dict) -> str:
    """Everything a generation reads, as one digest: every file in the seeds folder (its name and bytes), the
    editors' corrections.yml, the generator's code and templates (read afresh: `mkdocs serve` outlives edits),
    Python and every installed package's version (the language model among them), and the options. Reading a
    few thousand short files takes a fraction of a second."""
    hasher = hashlib.sha256()
    packages = sorted(f"{d.metadata['Name']} {d.version}" for d in distributions())
    hasher.update(json.dumps([__version__, sys.version, packages, language.model_id(options.get("model", language.AUTO)),
                              options], sort_keys=True, default=str).encode())
    package = Path(__file__).resolve().parent
    for path in [*sorted(package.rglob("*.py")), *sorted(p for p in SITE_SRC.rglob("*") if p.is_file()),
                 *sorted(p for p in seeds.iterdir() if p.is_file())]:  # the reader reads no sub-folder
        hasher.update(os.fsencode(path) + b"\x00")
        _hash_file(hasher, path)
    corrections_file = content / CORRECTIONS
    if corrections_file.is_file():
        _hash_file(hasher, corrections_file)
    else:  # the starter the generation writes, which corrects nothing
        hasher.update(corrections.TEMPLATE.encode() + b"\x00")
    return hasher.hexdigest()


def _pages(content: Path) -> dict[str, str]:
    """Every file of the content folder (but the lock and unfinished writes), with the digest of its bytes as
    they are: an editor's change, a page deleted or one put back all show."""
    return {path.relative_to(content).as_posix(): digest_of(path.read_bytes())
            for path in sorted(content.rglob("*")) if path.is_file() and not path.name.startswith(".")}


def unchanged_generation(cache: Path, content: Path, inputs: str) -> Generation | None:
    """The last generation into `content`, when it read exactly `inputs` and the folder holds what it left there
    (nothing edited, deleted or added since): then generating again would change nothing. None otherwise (or when
    its record cannot be read)."""
    try:
        last = Generation(**json.loads((cache / LAST_GENERATION).read_text("utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    if last.inputs != inputs or last.content != str(content.resolve()):
        return None
    try:
        return last if _pages(content) == last.pages else None
    except OSError:
        return None


def summary_of(story: Story) -> str:
    """What a generation made, in one line for the terminal."""
    return (f"{len(story.articles)} articles: {len(story.events)} events, {len(story.figures)} figures, "
            f"{len(story.actors)} actors, {len(story.quotes)} quotes, {len(story.conflicts)} disagreements")


def record_generation(cache: Path, seeds: Path, content: Path, options: dict, inputs: str, result: Result,
                      notes: list[list[str]]) -> Generation | None:
    """Keep what the generation read and wrote, unless its inputs changed while it ran (then the pages may be of
    neither version: the next build generates again). The caller holds the content folder's lock."""
    record = cache / LAST_GENERATION
    if generation_inputs(seeds, content, options) != inputs:
        record.unlink(missing_ok=True)
        return None
    story = result.story
    generation = Generation(inputs, str(content.resolve()), summary_of(story), latest_date(story.articles),
                            [[item.source, item.reason] for item in result.skipped], notes, _pages(content))
    write_atomic(record, json.dumps(asdict(generation)).encode("utf-8"))
    return generation


LAST_SITE = "last-site.json"  # in the cache folder: which generation and configuration the site was built from


def _site_key(generation: Generation, config: Path, site: Path) -> str:
    return digest(generation.inputs, json.dumps(generation.pages, sort_keys=True), config.read_bytes(),
                  str(site.resolve()))


def site_is_current(cache: Path, generation: Generation, config: Path, site: Path) -> bool:
    """The site folder was built by this generation's pages with this configuration, and is still there."""
    try:
        return (site / "index.html").is_file() and \
            (cache / LAST_SITE).read_text("utf-8") == _site_key(generation, config, site)
    except OSError:
        return False


def record_site(cache: Path, generation: Generation | None, config: Path, site: Path) -> None:
    if generation is None:
        (cache / LAST_SITE).unlink(missing_ok=True)
    else:
        write_atomic(cache / LAST_SITE, _site_key(generation, config, site).encode("utf-8"))


def notes(result: Result) -> list[list[str]]:
    """What the generation tells the editor, as [stream, line]: "err" for problems, "out" for the rest."""
    story, told = result.story, []
    told += [["err", f"correction matches nothing: {line}"] for line in result.unmatched]
    told += [["err", f"warning: correction changed more than half the items: {line}; check its words"]
             for line in result.broad]
    told += [["out", f"correction {line}"] for line in result.corrected]
    told += [["err", f"kept your edit of {path}\nthe generator would now write:\n{diff}"]
             for path, diff in result.render.kept]
    found, touched = set_aside_in(story.articles)
    if found:
        told.append(["out", f"set aside as page furniture (printed verbatim in many articles of the folder): "
                            f"{len(found)} sentence(s) from {touched} article(s), such as "
                            f"{'; '.join(repr(text) for text, _ in found.most_common(3))}; data/story.json lists "
                            "each; `FILE: {keep_repeated: true}` in sources.yml keeps an article whole"])
    told += [["out", f"left out {item.source} ({item.title}): {item.reason}"] for item in story.set_aside]
    told += [["out", line] for line in (result.render.unsettled, result.render.held_back) if line]
    return told


def generate(seeds: Path, content: Path, max_bytes: int = DEFAULT_MAX_BYTES, allow_empty: bool = False) -> Result:
    """Read, extract, reconcile, apply the editors' corrections, render."""
    story, skipped = analyse(seeds, max_bytes)
    with content_lock(content):
        return publish(story, skipped, content, allow_empty=allow_empty)


def build_site(config: Path, content: Path, site: Path, build_date: str = "") -> None:
    """MkDocs in strict mode, pointed at any content and site folder.

    MkDocs stamps the sitemap with the build date; giving it the story's own date (YYYY-MM-DD) through
    SOURCE_DATE_EPOCH keeps two builds of the same articles byte-identical. The site is built beside the
    old one and swapped in only when the build succeeds: a failed or stopped build leaves the last good site.
    The caller holds `content_lock` of `content` from generation to the swap, so two builds never share staging.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    if build_date and "SOURCE_DATE_EPOCH" not in os.environ:
        moment = datetime.fromisoformat(build_date).replace(tzinfo=UTC)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    site = site.resolve()
    staging, old = site.with_name(f".{site.name}.building"), site.with_name(f".{site.name}.old")
    for leftover in (staging, old):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        build(load_config(config_file=str(config), docs_dir=str(content.resolve()), site_dir=str(staging),
                          strict=True))
        if not (staging / "index.html").is_file():
            raise WouldShrink(f"MkDocs built no home page into {staging}; the last site is left as it was")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
