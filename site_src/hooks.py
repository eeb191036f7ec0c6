"""MkDocs hooks: editors' own pages join the navigation; `mkdocs serve` regenerates when articles change;
pages whose Markdown did not change since an earlier build reuse its HTML.

Two caches in .cache/pages: a page's converted Markdown (keyed by its Markdown and the Markdown
settings), and its whole themed page (keyed also by everything every page shares: configuration,
theme, navigation). A new article changes a few pages; the other 700 are copied, not rendered.

`mkdocs serve` watches seeds/ (see `watch:` in mkdocs.yml). Before each rebuild it regenerates
content/ only if an article or corrections.yml changed since the last generation, so that editing
a page in content/ rebuilds at once and never waits for extraction.
"""

from __future__ import annotations

import os
import time
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

from generators.cli import for_terminal
from generators.cache import MISS, digest, load, store
from generators.corrections import FILE as CORRECTIONS
from generators.pipeline import generate

_state: dict = {"command": None, "snapshot": None, "nav": None}  # MkDocs hooks are plain functions: this is their memory


def on_startup(command, dirty):
    _state["command"] = command


def _snapshot(seeds: Path, content: Path) -> tuple:
    files = [p for p in sorted(seeds.iterdir()) if p.is_file()] + [content / CORRECTIONS]
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.exists())


def on_pre_build(config):
    if _state["command"] != "serve":
        return  # `python -m generators build` has generated already
    seeds = Path(config.config_file_path).parent / "seeds"
    content = Path(config.docs_dir)
    snapshot = _snapshot(seeds, content)
    if snapshot != _state["snapshot"]:
        result = generate(seeds, content)
        for item in result.skipped:
            print(for_terminal(f"skipped {item.source}: {item.reason}"))
        for path, _ in result.render.kept:
            print(for_terminal(f"kept your edit of {path}"))
        for line in result.broad:
            print(for_terminal(f"warning: correction changed more than half the items: {line}"))
        _state["snapshot"] = _snapshot(seeds, content)


def on_nav(nav, config, files):
    """Pages an editor added (anything not in `nav:` and not an article page) are listed at the end."""
    listed = set(map(id, nav.pages))
    extra = [f.page for f in files.documentation_pages()
             if f.page is not None and id(f.page) not in listed and not f.src_uri.startswith("sources/")]
    for page in sorted(extra, key=lambda p: p.file.src_uri):
        nav.items.append(page)
        nav.pages.append(page)
    _state["nav"] = nav
    return nav


# ---- converted pages, cached by their Markdown: a story of 700 articles rebuilds in seconds, not minutes
CACHE_DAYS = 7  # entries no build used for this long are removed


def _cache_dir(config, kind: str = "pages") -> Path:
    """.cache/pages holds converted Markdown, .cache/themed whole pages, .cache/templates compiled templates."""
    return Path(config.config_file_path).parent / ".cache" / kind


@lru_cache(maxsize=1)
def _converter_versions() -> str:
    return " ".join(version(name) for name in ("mkdocs", "markdown", "pymdown-extensions"))


def _page_key(markdown: str, page, config) -> str:
    """The HTML of a page depends on its Markdown, its place in the site and the Markdown settings."""
    settings = repr((config["markdown_extensions"], config["mdx_configs"], config["use_directory_urls"],
                     _converter_versions()))
    return digest(settings, page.file.src_uri, markdown)


def on_page_markdown(markdown, page, config, files):
    key = _page_key(markdown, page, config)
    page.cache_key = key
    cached = load(_cache_dir(config), key)
    if cached is MISS:
        return markdown
    page.cached_render = cached
    os.utime(_cache_dir(config) / f"{key}.pickle")  # in use: kept by on_post_build
    return ""  # nothing left to convert: on_page_content puts the cached HTML back


def on_page_content(html, page, config, files):
    cached = getattr(page, "cached_render", None)
    if cached is not None:
        html, page.toc, page._title_from_render, page.present_anchor_ids = cached
        page.links_to_anchors = {}  # checked when the page was first converted
        return html
    store(_cache_dir(config), page.cache_key, (html, page.toc, page._title_from_render, page.present_anchor_ids))
    return html


def _nav_outline(items) -> list:
    return [(item.title, getattr(item, "url", None), _nav_outline(item.children or [])) for item in items]


def _site_signature(config) -> str:
    """What the theme puts on every page besides its own content."""
    custom = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    templates = sorted(custom.rglob("*.html")) if custom else []
    return digest(Path(config.config_file_path).read_bytes(), repr(config["site_url"]),
                  repr(_nav_outline(_state["nav"].items)), version("mkdocs-material"), _converter_versions(),
                  *(f"{t.relative_to(custom)}:{t.read_text('utf-8')}" for t in templates))


def on_env(env, config, files):
    """All pages are converted and titled by now: a page whose output is cached skips the theme.
    The theme's templates are compiled once, not on every build (Jinja checks their source)."""
    compiled = _cache_dir(config, "templates")
    compiled.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(compiled))
    signature = _site_signature(config)
    for file in files.documentation_pages():
        page = file.page
        if page is None or not hasattr(page, "cache_key") or "template" in page.meta:
            continue
        page.output_key = digest(signature, page.cache_key, repr(page.meta))
        output = load(_cache_dir(config, "themed"), page.output_key)
        if output is not MISS:
            page.cached_output = output
            page.meta["template"] = "cached-page.html"
            os.utime(_cache_dir(config, "themed") / f"{page.output_key}.pickle")
    return env


def on_post_page(output, page, config):
    if hasattr(page, "output_key") and not hasattr(page, "cached_output"):
        store(_cache_dir(config, "themed"), page.output_key, output)
    return output


def on_post_build(config):
    stale = time.time() - CACHE_DAYS * 86400
    for kind in ("pages", "themed"):
        for entry in _cache_dir(config, kind).glob("*.pickle"):
            if entry.stat().st_mtime < stale:
                entry.unlink(missing_ok=True)
