"""generators/plugin.py: converted and themed pages are reused only while what made them is unchanged; a story
project made by `news-explainer new` builds with the installed package alone."""

from __future__ import annotations

import functools
import pickle
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from generators.evaluate.bench import workspace
from generators.pipeline import build_site, generate

from .conftest import ROOT, SEEDS


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


def test_a_cached_page_whose_link_target_is_gone_fails_the_build_every_time(tmp_path):
    """The page cache skips MkDocs' link check, so a cached page is reused only while every file it links to is
    still in the site: a retry must not publish the dead link the first attempt refused."""
    from mkdocs.exceptions import Abort

    work = workspace(tmp_path / "work")
    content = work / "content"
    generate(SEEDS, content)
    cited = sorted((content / "sources").glob("0*.md"))[0]
    (content / "notes.md").write_text(f"See [the first article](sources/{cited.name}).\n", "utf-8")
    build_site(work / "mkdocs.yml", content, work / "site")
    cited.unlink()
    for _ in range(2):
        with pytest.raises(Abort):
            build_site(work / "mkdocs.yml", content, work / "site")
    assert (work / "site" / "sources" / cited.with_suffix(".html").name).exists(), "the last good site stays"


@pytest.mark.parametrize("option", ["max_bytes: -1", "max_bytes: true", "timeline_dates: 0",
                                    "sentences_per_date: -3", "cache_days: x"])
def test_plugin_options_follow_the_command_lines_rules(tmp_path, option):
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    work = workspace(tmp_path / "work")
    config = (work / "mkdocs.yml").read_text("utf-8").replace("      seeds: seeds\n", f"      seeds: seeds\n      {option}\n")
    (work / "mkdocs.yml").write_text(config, "utf-8")
    with pytest.raises(Abort):
        load_config(config_file=str(work / "mkdocs.yml"))


def test_mkdocs_build_reports_a_corrections_typo_in_one_line(tmp_path):
    """Through MkDocs (the plugin generates): a PluginError, no traceback, and the content folder untouched."""
    work = workspace(tmp_path / "work")
    shutil.copytree(SEEDS, work / "seeds", dirs_exist_ok=True)
    (work / "content").mkdir()
    (work / "content" / "corrections.yml").write_text('reject: "Name"\n', "utf-8")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=work, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "corrections.yml, line 1: reject" in done.stderr
    assert [p.name for p in (work / "content").iterdir() if p.suffix == ".md"] == []


def installed_tool(tmp_path) -> Path:
    """The wheel installed, not editable, into a fresh environment that borrows only the dependencies of this
    one (a `.pth` line: no download, and the repository is not importable from it)."""
    wheels, fresh = tmp_path / "wheels", tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels),
                    str(ROOT)], check=True, capture_output=True, cwd=tmp_path)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(fresh)], check=True)
    python = fresh / "bin" / "python"
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    Path(purelib, "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", "utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    *map(str, wheels.glob("*.whl"))], check=True, capture_output=True)
    return fresh / "bin"


def test_a_new_story_project_builds_and_keeps_edits_with_the_installed_wheel(tmp_path):
    tool = installed_tool(tmp_path)
    story = tmp_path / "my-story"
    run = functools.partial(subprocess.run, check=True, capture_output=True, text=True, cwd=tmp_path)
    where = run([tool / "python", "-c", "import generators; print(generators.__file__)"]).stdout
    assert where.startswith(str(tmp_path / "fresh"))
    run([tool / "news-explainer", "new", str(story)])
    assert yaml.safe_load((story / "mkdocs.yml").read_text("utf-8"))["site_name"] == "My story"
    for article in SEEDS.iterdir():
        shutil.copy(article, story / "seeds")
    run([tool / "python", "-m", "mkdocs", "build"], cwd=story)
    assert "Timeline" in (story / "site" / "timeline.html").read_text("utf-8")
    assert (story / "site" / "assets" / "stylesheets" / "story.css").is_file()

    page = story / "content" / "timeline.md"
    page.write_text(page.read_text("utf-8") + "\nAn editor's note on the timeline.\n", "utf-8")
    done = run([tool / "python", "-m", "mkdocs", "build"], cwd=story)
    assert "kept your edit of timeline.md" in done.stdout + done.stderr
    assert "An editor's note on the timeline." in (story / "site" / "timeline.html").read_text("utf-8")
    assert run([tool / "news-explainer", "new", str(story)], check=False).returncode == 2  # never over a story
    assert "An editor's note on the timeline." in served(tool, story, "timeline.html")


def served(tool: Path, story: Path, page: str) -> str:
    """A page as `mkdocs serve` shows it in the story's folder."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([tool / "python", "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=story, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/{page}", timeout=5) as response:
                    return response.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        raise AssertionError("mkdocs serve did not answer within a minute")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_starter_project_has_this_repositorys_configuration():
    """One configuration, two copies: the repository's mkdocs.yml and the one `news-explainer new` writes."""
    starter = yaml.safe_load((ROOT / "site_src" / "project" / "mkdocs.yml").read_text("utf-8"))
    assert starter == yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))


def test_a_change_to_the_plugin_rethemes_every_page(tmp_path, monkeypatch):
    from generators import plugin
    work = workspace(tmp_path / "work")
    content = work / "content"
    generate(SEEDS, content)
    build_site(work / "mkdocs.yml", content, work / "site")
    mark_entries(work / ".cache" / "themed", "<!-- THEMED-FROM-CACHE -->")
    build_site(work / "mkdocs.yml", content, work / "site")
    assert "THEMED-FROM-CACHE" in (work / "site" / "timeline.html").read_text("utf-8")
    monkeypatch.setattr(plugin, "_plugin_code", lambda: "another version of the plugin")
    build_site(work / "mkdocs.yml", content, work / "site")
    assert "THEMED-FROM-CACHE" not in (work / "site" / "timeline.html").read_text("utf-8")


def test_the_page_state_the_cache_restores_is_still_where_mkdocs_keeps_it():
    """The page caches write MkDocs' own (unpublished) page state back; on the MkDocs we test it must be there."""
    import inspect

    from mkdocs.structure.pages import Page

    from generators.plugin import PAGE_CACHE_SUPPORTED, PAGE_STATE

    source = inspect.getsource(Page)
    assert PAGE_CACHE_SUPPORTED, "a new MkDocs: check PAGE_STATE against mkdocs.structure.pages.Page, then the range"
    assert [name for name in PAGE_STATE if f"self.{name}" not in source] == []


def test_on_a_mkdocs_the_page_caches_do_not_know_the_site_builds_without_them(seeds_build, tmp_path, monkeypatch):
    """The guard for another MkDocs: every page converted and themed by MkDocs itself, the same pages."""
    import generators.plugin
    from generators.pipeline import build_site

    _, content, site = seeds_build
    monkeypatch.setattr(generators.plugin, "PAGE_CACHE_SUPPORTED", False)
    build_site(ROOT / "mkdocs.yml", content, tmp_path / "site")
    assert (tmp_path / "site" / "views.html").read_bytes() == (site / "views.html").read_bytes()
