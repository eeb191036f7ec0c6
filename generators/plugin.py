"""The MkDocs plugin (`plugins: [news-explainer]`): a story project is a folder with `seeds/`, `content/`
and a `mkdocs.yml` that names this plugin; `mkdocs serve` and `mkdocs build` regenerate `content/` from
`seeds/` (keeping editors' edits), theme the site with the package's overrides and assets, and reuse
the HTML of pages whose Markdown did not change since an earlier build.

Two caches in `.cache/pages` and `.cache/themed` beside `mkdocs.yml`: a page's converted Markdown (keyed by
its Markdown and the Markdown settings), and its whole themed page (keyed also by everything every page
shares: configuration, theme, navigation). A new article changes a few pages; the other 700 are copied.

`python -m generators build` generates first and then runs MkDocs through its API, which announces no
command: the plugin then only themes and caches.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import re
import time
from contextlib import ExitStack
from functools import lru_cache
from html import unescape
from importlib.metadata import version
from pathlib import Path

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import InclusionLevel

from . import language
from .cache import MISS, compiled_templates, digest, load, store, user_cache_folder
from .ingest import DEFAULT_MAX_BYTES
from .project import CORRECTIONS, SITE_SRC, BuildRunning, content_lock, positive
from .terminal import describe, for_terminal

log = logging.getLogger("mkdocs.plugins.news-explainer")  # MkDocs' own logger: -q, -v and strict mode see it


class Count(c.BaseConfigOption[int]):
    """A count (bytes, dates, sentences, days): the same rule as the command line's options."""

    def __init__(self, default: int | None = None) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> int:
        try:
            return positive(value)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


class ExplainerConfig(base.Config):
    seeds = c.Type(str, default="seeds")  # relative to mkdocs.yml
    max_bytes = Count(default=DEFAULT_MAX_BYTES)
    model = c.Type(str, default=language.AUTO)
    timeline_dates = c.Optional(Count())
    sentences_per_date = c.Optional(Count())
    cache_days = Count(default=7)  # cached pages no build used for this long are removed
    site_name_from_story = c.Type(bool, default=True)  # the header names the story, not mkdocs.yml's site_name
    allow_empty = c.Type(bool, default=False)  # publish even when no article, or few, could be read


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str | None = None  # "build", "serve" or "gh-deploy" from the mkdocs command line
        self.snapshot: tuple | None = None  # the seeds and corrections the content was last generated from
        self.nav = None
        self.published: set[str] = set()  # the site's files, by their address: what a cached page may link to
        self.lock = ExitStack()  # the content folder's lock, from generation to the end of MkDocs' build

    def on_startup(self, *, command, dirty) -> None:  # defining it keeps the plugin alive across serve rebuilds
        self.command = command

    # ---- the site: theme overrides, assets, articles to watch

    def _root(self, config) -> Path:
        return Path(config.config_file_path).parent

    def on_config(self, config):
        overrides = str(SITE_SRC / "overrides")
        if overrides not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)  # an editor's own come first
        config.extra_css.insert(0, "assets/stylesheets/story.css")
        config.extra_javascript[:0] = [_script("assets/javascripts/charts.js", "module"),  # it fetches Vega itself
                                       _script("assets/javascripts/a11y.js")]
        return config

    def on_serve(self, server, *, config, builder):
        seeds = self._root(config) / self.config.seeds
        if seeds.is_dir():
            server.watch(str(seeds))
        return server

    def _snapshot(self, seeds: Path, content: Path) -> tuple:
        files = [p for p in sorted(seeds.iterdir()) if p.is_file()] + [content / CORRECTIONS]
        return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.exists())

    def on_pre_build(self, *, config) -> None:
        """Regenerate `content/` when an article or corrections.yml changed since the last generation, so that
        editing a page rebuilds at once and never waits for extraction; name the site after the story."""
        if self.command is not None:  # else run by `python -m generators build`, which holds the lock itself
            try:
                self.lock.enter_context(content_lock(Path(config.docs_dir)))
            except BuildRunning as exc:
                raise PluginError(for_terminal(str(exc))) from None
            except OSError as exc:  # a read-only project folder, say
                raise PluginError(for_terminal(describe(exc))) from None
            self._generate(config)
        title = story_title(Path(config.docs_dir)) if self.config.site_name_from_story else ""
        if title:  # article text: escaped once, and as Markup so that the theme's own `| e` does not escape it twice
            config.site_name = escape(title)

    def _generate(self, config) -> None:
        from . import corrections  # the build's own modules (the language model, the charts) load only to build
        from .pipeline import (
            WouldShrink,
            analyse,
            generation_inputs,
            generation_options,
            notes,
            publish,
            record_generation,
            unchanged_generation,
        )

        seeds, content = self._root(config) / self.config.seeds, Path(config.docs_dir)
        if not seeds.is_dir():
            raise PluginError(for_terminal(f"seeds folder not found: {seeds}"))
        try:
            snapshot = self._snapshot(seeds, content)
            if snapshot == self.snapshot:
                return
            cache = self._root(config) / ".cache"
            options = generation_options(self.config.max_bytes, self.config.timeline_dates,
                                         self.config.sentences_per_date, self.config.allow_empty, self.config.model)
            inputs = generation_inputs(seeds, content, options)
            last = unchanged_generation(cache, content, inputs)
            if last is not None:
                log.info("news-explainer: nothing changed since the last generation into %s", for_terminal(str(content)))
                skipped, told = last.skipped, last.notes
            else:
                log.info("news-explainer: reading the articles in %s", for_terminal(str(seeds)))
                story, unread = analyse(seeds, self.config.max_bytes, cache=cache, model=self.config.model)
                log.info("news-explainer: writing %s", for_terminal(str(content)))
                result = publish(story, unread, content, self.config.timeline_dates, self.config.sentences_per_date,
                                 self.config.allow_empty)
                told = notes(result)
                record_generation(cache, seeds, content, options, inputs, result, told)
                skipped = [[item.source, item.reason] for item in result.skipped]
            self.snapshot = self._snapshot(seeds, content)
        except (corrections.CorrectionsError, WouldShrink, language.ModelError) as exc:
            raise PluginError(for_terminal(str(exc))) from None
        except (OSError, UnicodeError) as exc:
            raise PluginError(for_terminal(describe(exc))) from None
        for source, reason in skipped:
            log.info(for_terminal(f"news-explainer: skipped {source}: {reason}"))
        for _, text in told:
            log.info(for_terminal(f"news-explainer: {text.splitlines()[0]}"))

    def on_files(self, files, *, config):
        """Chart specs are published whatever `exclude_docs` says: a project made before they were files lists only
        the pictures, and its charts would never go live."""
        for file in files:
            if file.src_uri.startswith("assets/charts/") and file.src_uri.endswith(".vl.json"):
                file.inclusion = InclusionLevel.INCLUDED
        self.published = {file.dest_uri for file in files if not file.inclusion.is_excluded()}
        return files

    def on_nav(self, nav, *, config, files):
        """Pages an editor added (anything not in `nav:` and not an article page) are listed at the end."""
        listed = set(map(id, nav.pages))
        extra = [f.page for f in files.documentation_pages()
                 if f.page is not None and id(f.page) not in listed and not f.src_uri.startswith("sources/")]
        for page in sorted(extra, key=lambda p: p.file.src_uri):
            nav.items.append(page)
            nav.pages.append(page)
        self.nav = nav
        return nav

    # ---- converted pages, cached by their Markdown: a story of 700 articles rebuilds in seconds, not minutes

    def _cache_dir(self, config, kind: str = "pages") -> Path:
        """.cache/pages holds converted Markdown, .cache/themed whole pages (compiled templates: the user cache)."""
        return self._root(config) / ".cache" / kind

    def on_page_markdown(self, markdown, *, page, config, files):
        if not PAGE_CACHE_SUPPORTED:
            return markdown  # another MkDocs: every page converted and themed by MkDocs itself, as without us
        key = _page_key(markdown, page, config)
        page.cache_key = key
        cached = load(self._cache_dir(config), key)
        if cached is MISS or not _links_resolve(cached[-1], page.file.dest_uri, self.published):
            return markdown  # converted afresh: MkDocs checks its links (a page it cites may be gone)
        page.cached_render = cached
        os.utime(self._cache_dir(config) / f"{key}.pickle")  # in use: kept by on_post_build
        return ""  # nothing left to convert: on_page_content puts the cached HTML back

    def on_page_content(self, html, *, page, config, files):
        if not hasattr(page, "cache_key"):
            return html  # not cached (another MkDocs: see PAGE_CACHE_SUPPORTED)
        cached = getattr(page, "cached_render", None)
        if cached is not None:
            html, page.toc, page._title_from_render, page.present_anchor_ids, _ = cached
            page.links_to_anchors = {}  # checked when the page was first converted; its targets still exist
            return html
        links = _local_links(html)
        if _links_resolve(links, page.file.dest_uri, self.published):  # else MkDocs has warned: convert it again
            store(self._cache_dir(config), page.cache_key, (html, page.toc, page._title_from_render,
                                                             page.present_anchor_ids, links))
        return html

    def _site_signature(self, config) -> str:
        """What the theme puts on every page besides its own content."""
        templates = [t for folder in config.theme.dirs[:2] if Path(folder).is_dir()
                     for t in sorted(Path(folder).rglob("*.html"))]
        return digest(Path(config.config_file_path).read_bytes(), repr(config["site_url"]), _plugin_code(),
                      repr(_nav_outline(self.nav.items if self.nav else [])), version("mkdocs-material"),
                      _converter_versions(), *(f"{t}:{t.read_text('utf-8')}" for t in templates))

    def on_env(self, env, *, config, files):
        """All pages are converted and titled by now: a page whose output is cached skips the theme.
        The theme's templates are compiled once, not on every build (Jinja checks their source)."""
        env.bytecode_cache = compiled_templates(user_cache_folder(
            f"theme-{version('mkdocs')}-{version('mkdocs-material')}-{version('jinja2')}"))
        signature = self._site_signature(config)
        for file in files.documentation_pages():
            page = file.page
            if page is None or not hasattr(page, "cache_key") or "template" in page.meta:
                continue
            page.output_key = digest(signature, page.cache_key, repr(page.meta))
            output = load(self._cache_dir(config, "themed"), page.output_key)
            if output is not MISS:
                page.cached_output = output
                page.meta["template"] = "cached-page.html"
                os.utime(self._cache_dir(config, "themed") / f"{page.output_key}.pickle")
        return env

    def on_post_page(self, output, *, page, config):
        if 'class="story-chart"' not in output:  # charts.js (and through it Vega's 900 KB) only where a chart is
            output = _CHART_SCRIPTS.sub("", output)
        if hasattr(page, "output_key") and not hasattr(page, "cached_output"):
            store(self._cache_dir(config, "themed"), page.output_key, output)
        return output

    def on_post_build(self, *, config) -> None:
        stale = time.time() - self.config.cache_days * 86400
        for kind in ("pages", "themed"):
            for entry in self._cache_dir(config, kind).glob("*.pickle"):
                if entry.stat().st_mtime < stale:
                    entry.unlink(missing_ok=True)
        self.lock.close()

    def on_build_error(self, *, error) -> None:
        self.lock.close()

    def on_shutdown(self) -> None:
        self.lock.close()


# The two page caches restore what MkDocs keeps on a Page once it has converted it (its title from the first
# heading, the anchors it has and those its links point to): state MkDocs 1.6 does not publish. They buy a warm
# rebuild of a 700-article story in seconds instead of a minute, and run only on the MkDocs minor version we test;
# tests/test_plugin.py fails loudly when these attributes move.
PAGE_STATE = ("_title_from_render", "present_anchor_ids", "links_to_anchors")
PAGE_CACHE_SUPPORTED = version("mkdocs").startswith("1.6.")

_CHART_SCRIPTS = re.compile(r'<script src="[^"]*assets/javascripts/charts\.js"[^>]*></script>\s*')


def story_title(content: Path) -> str:
    """The generated story's name (the overview's title, an editor's `title:` correction included)."""
    try:
        return str(json.loads((content / "data" / "story.json").read_text("utf-8")).get("question") or "")
    except (OSError, ValueError, AttributeError):
        return ""


def _script(path: str, kind: str = "") -> c.ExtraScriptValue:
    script = c.ExtraScriptValue(path)
    script.type = kind
    return script


@lru_cache(maxsize=1)
def _plugin_code() -> str:
    """This module's source: what it adds to every page (scripts it strips, say) changes with it."""
    return digest(Path(__file__).read_bytes())


@lru_cache(maxsize=1)
def _converter_versions() -> str:
    return " ".join(version(name) for name in ("mkdocs", "markdown", "pymdown-extensions"))


def _page_key(markdown: str, page, config) -> str:
    """The HTML of a page depends on its Markdown, its place in the site and the Markdown settings."""
    settings = repr((config["markdown_extensions"], config["mdx_configs"], config["use_directory_urls"],
                     _converter_versions()))
    return digest(CACHE_FORMAT, settings, page.file.src_uri, markdown)


CACHE_FORMAT = "2"  # what a cached page holds: html, toc, title, anchors, the files it links to
_HREF = re.compile(r'(?:href|src)="([^":#?]+)[#?"]')


def _local_links(html: str) -> tuple[str, ...]:
    """The site's own files a page links to (relative URLs, no scheme), to check that they still exist."""
    return tuple(sorted({unescape(target) for target in _HREF.findall(html) if not target.startswith("/")}))


def _links_resolve(links: tuple[str, ...], dest_uri: str, published: set[str]) -> bool:
    """True if every file a page links to is part of the site: a link MkDocs could not resolve (it leaves it as
    `x.md`) or a page since gone fails, and the page is converted afresh so that MkDocs reports it."""
    here = posixpath.dirname(dest_uri)
    return all(posixpath.normpath(posixpath.join(here, link)) in published for link in links)


def _nav_outline(items) -> list:
    return [(item.title, getattr(item, "url", None), _nav_outline(item.children or [])) for item in items]
