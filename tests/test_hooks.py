"""site_src/hooks.py: converted pages are reused only while their Markdown is unchanged."""

from __future__ import annotations

import pickle

from generators.bench import workspace
from generators.pipeline import build_site, generate

from .conftest import SEEDS


def html_files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def test_cached_pages_equal_fresh_ones_and_follow_edits(tmp_path):
    work = workspace(tmp_path / "work")
    content = work / "content"
    generate(SEEDS, content)
    build_site(work / "mkdocs.yml", content, work / "fresh")
    cache = work / ".cache" / "pages"
    entries = sorted(cache.glob("*.pickle"))
    assert len(entries) == len(list(content.rglob("*.md")))

    build_site(work / "mkdocs.yml", content, work / "cached")
    assert html_files(work / "cached") == html_files(work / "fresh")

    for entry in entries:  # mark every cached page: a build that reuses them shows the mark
        html, *rest = pickle.loads(entry.read_bytes())
        entry.write_bytes(pickle.dumps((html + "<p>FROM-CACHE</p>", *rest)))
    page = content / "actors.md"
    page.write_text(page.read_text("utf-8") + "\nAn editor's line.\n", "utf-8")
    build_site(work / "mkdocs.yml", content, work / "edited")
    assert "FROM-CACHE" in (work / "edited" / "timeline.html").read_text("utf-8")
    actors = (work / "edited" / "actors.html").read_text("utf-8")
    assert "An editor's line." in actors and "FROM-CACHE" not in actors
