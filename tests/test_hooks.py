"""site_src/hooks.py: converted and themed pages are reused only while what made them is unchanged."""

from __future__ import annotations

import pickle
import shutil

from generators.bench import workspace
from generators.pipeline import build_site, generate

from .conftest import SEEDS


def html_files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def mark_entries(folder, mark):
    """Append a mark to every cached page: a build that reuses one shows it."""
    for entry in folder.glob("*.pickle"):
        value = pickle.loads(entry.read_bytes())
        value = (value[0] + mark, *value[1:]) if isinstance(value, tuple) else value + mark
        entry.write_bytes(pickle.dumps(value))


def test_cached_pages_equal_fresh_ones_and_follow_edits(tmp_path):
    work = workspace(tmp_path / "work")
    content = work / "content"
    generate(SEEDS, content)
    build_site(work / "mkdocs.yml", content, work / "fresh")
    converted, themed = work / ".cache" / "pages", work / ".cache" / "themed"
    pages = len(list(content.rglob("*.md")))
    assert len(list(converted.glob("*.pickle"))) == pages == len(list(themed.glob("*.pickle")))

    build_site(work / "mkdocs.yml", content, work / "cached")
    assert html_files(work / "cached") == html_files(work / "fresh")

    mark_entries(themed, "<!-- THEMED-FROM-CACHE -->")
    page = content / "actors.md"
    page.write_text(page.read_text("utf-8") + "\nAn editor's line.\n", "utf-8")
    build_site(work / "mkdocs.yml", content, work / "edited")
    assert "THEMED-FROM-CACHE" in (work / "edited" / "timeline.html").read_text("utf-8")
    actors = (work / "edited" / "actors.html").read_text("utf-8")
    assert "An editor's line." in actors and "THEMED-FROM-CACHE" not in actors

    shutil.rmtree(themed)  # the converted Markdown alone is reused too
    mark_entries(converted, "<p>CONVERTED-FROM-CACHE</p>")
    build_site(work / "mkdocs.yml", content, work / "converted")
    assert "CONVERTED-FROM-CACHE" in (work / "converted" / "timeline.html").read_text("utf-8")


def test_a_new_page_in_the_navigation_rethemes_every_page(tmp_path):
    work = workspace(tmp_path / "work")
    content = work / "content"
    generate(SEEDS, content)
    build_site(work / "mkdocs.yml", content, work / "site")
    mark_entries(work / ".cache" / "themed", "<!-- THEMED-FROM-CACHE -->")
    (content / "background.md").write_text("# Background\n\nAn editor's page.\n", "utf-8")
    build_site(work / "mkdocs.yml", content, work / "site")
    timeline = (work / "site" / "timeline.html").read_text("utf-8")
    assert "THEMED-FROM-CACHE" not in timeline and "background.html" in timeline
