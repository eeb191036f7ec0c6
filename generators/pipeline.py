"""The whole pipeline in one readable function per command: read, extract, reconcile, render, build."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import corrections
from .extract import extract_article
from .extract.dates import Reference, years_mentioned
from .ingest import DEFAULT_MAX_BYTES, Skipped, read_articles
from .model import Article, Story
from .reconcile import reconcile
from .render import RenderReport, render_site


@dataclass
class Result:
    story: Story
    skipped: list[Skipped]
    render: RenderReport
    unmatched: list[str]  # corrections that matched nothing


def story_reference(articles: list[Article]) -> Reference | None:
    """Undated articles read year-less dates against the latest dated article, else the latest year any mentions."""
    dated = sorted(a.published for a in articles if len(a.published) == 10)
    if dated:
        return Reference.from_iso(dated[-1])
    years = [y for a in articles for s in a.sentences for y in years_mentioned(s.text)]
    return Reference(max(years)) if years else None


def analyse(seeds: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Story, list[Skipped]]:
    articles, skipped = read_articles(seeds, max_bytes)
    reference = story_reference(articles)
    extractions = [extract_article(article, reference) for article in articles]
    return reconcile(articles, extractions), skipped


def generate(seeds: Path, content: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Result:
    """Read, extract, reconcile, apply the editors' corrections, render. Raises CorrectionsError."""
    story, skipped = analyse(seeds, max_bytes)
    story, unmatched = corrections.apply(story, corrections.load(content))
    return Result(story, skipped, render_site(story, content, skipped), unmatched)


def build_site(config: Path, content: Path, site: Path, site_name: str | None = None) -> None:
    """MkDocs in strict mode, pointed at any content and site folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    overrides = {"docs_dir": str(content.resolve()), "site_dir": str(site.resolve()), "strict": True}
    if site_name:
        overrides["site_name"] = site_name
    build(load_config(config_file=str(config), **overrides))
