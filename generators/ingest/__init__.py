"""Ingest: a folder of article files, saved however newsrooms and browsers save them, into clean `Article`s.

Every later step cites an article's sentences by file and index, so this is the one place that deals with
encodings, formats and page furniture; a file it cannot read is skipped by name, never the whole build.
Layers: `decoding` (bytes to text), `readers` (one per format), `cleaning` (furniture, bylines, headlines),
`metadata` (front matter and dates), `sentences`; across the folder, `repetition` sets aside what many articles
print verbatim (an outlet's boxes and footers).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..cache import MISS, code_digest, digest, load, store
from ..model import Article
from .cleaning import clean
from .decoding import decode
from .errors import IngestError
from .metadata import apply_metadata, is_calendar_date
from .readers import compose_yaml, load_yaml, read_file
from .repetition import set_aside_in, set_aside_repeated

# The step's public face; corrections also reads its YAML and checks its dates with these.
__all__ = ["DEFAULT_MAX_BYTES", "IngestError", "Skipped", "article_files", "compose_yaml", "is_calendar_date",
           "load_sources_yml", "load_yaml", "read_article", "read_articles", "set_aside_in"]

DEFAULT_MAX_BYTES = 5_000_000
EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str


def load_sources_yml(seeds: Path) -> tuple[dict, list[Skipped]]:
    path = seeds / "sources.yml"
    if not path.exists():
        return {}, []
    try:
        data = load_yaml(decode(path.read_bytes())) or {}
    except (OSError, yaml.YAMLError, IngestError) as exc:
        return {}, [Skipped("sources.yml", f"unreadable ({exc.__class__.__name__}); metadata corrections ignored")]
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        return {}, [Skipped("sources.yml", "must map file names to metadata; metadata corrections ignored")]
    return {str(k): v for k, v in data.items()}, []


def article_files(seeds: Path) -> list[Path]:
    return sorted(p for p in seeds.iterdir() if p.suffix.lower() in EXTENSIONS and not p.name.startswith("."))


def reader_code_digest() -> str:
    """The whole package's source, as the cache key's code part: changing any rule invalidates read articles."""
    return code_digest(*sorted(Path(__file__).resolve().parent.glob("*.py")))


def source_name(path: Path) -> str:
    """The article's id: its file name, with bytes that are not UTF-8 (a Latin-1 name) shown as \\xe9."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_article(path: Path, max_bytes: int, cache: Path | None = None) -> Article:
    """One file, cleaned; with a cache, a file read before (same name, bytes and reader code) is not read again."""
    if cache is None:
        return clean(source_name(path), *read_file(path, max_bytes))
    if path.stat().st_size > max_bytes:
        read_file(path, max_bytes)  # raises the size error before the whole file is read for its key
    key = digest(reader_code_digest(), source_name(path), path.read_bytes())
    article = load(cache, key)
    if article is MISS:
        article = clean(source_name(path), *read_file(path, max_bytes))
        store(cache, key, article)
    return article


def read_articles(seeds: Path, max_bytes: int = DEFAULT_MAX_BYTES,
                  cache: Path | None = None) -> tuple[list[Article], list[Skipped]]:
    """Every readable article, sorted by file name, and one reason for each file skipped."""
    overrides, skipped = load_sources_yml(seeds)
    articles: list[Article] = []
    first_with_text: dict[str, str] = {}
    root = seeds.resolve()
    for path in article_files(seeds):
        name = source_name(path)
        try:
            try:
                target = path.resolve(strict=path.is_symlink())
            except RuntimeError:  # Python 3.11 raises this for a loop; later versions an OSError
                raise IngestError("symbolic link loop") from None
            if path.is_symlink() and root not in target.parents:
                raise IngestError("symbolic link pointing outside the seeds folder")
            if not path.is_file():
                raise IngestError("not a regular file")
            article = read_article(path, max_bytes, cache)
            if name in overrides:
                try:
                    apply_metadata(article, overrides[name], known_keys_only=True)
                    article.about_story = overrides[name].get("about_story")
                except IngestError as exc:
                    skipped.append(Skipped("sources.yml", f"entry for {name} ignored: {exc}"))
        except IngestError as exc:
            skipped.append(Skipped(name, str(exc)))
            continue
        except OSError as exc:
            skipped.append(Skipped(name, f"unreadable ({exc.strerror or exc.__class__.__name__})"))
            continue
        text = digest("\n".join(article.paragraphs))
        if text in first_with_text:
            skipped.append(Skipped(name, f"same text as {first_with_text[text]}"))
            continue
        first_with_text[text] = name
        articles.append(article)
    keep = {name for name, entry in overrides.items() if entry.get("keep_repeated") is True}
    set_aside_repeated(articles, keep)
    for article in [a for a in articles if not a.paragraphs]:
        articles.remove(article)
        skipped.append(Skipped(article.source, "nothing but sentences repeated across the folder (page furniture); "
                                               f"sources.yml `{article.source}: {{keep_repeated: true}}` keeps them"))
    return articles, skipped
