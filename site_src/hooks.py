"""MkDocs hooks: editors' own pages join the navigation; `mkdocs serve` regenerates when articles change.

`mkdocs serve` watches seeds/ (see `watch:` in mkdocs.yml). Before each rebuild it regenerates
content/ only if an article or corrections.yml changed since the last generation, so that editing
a page in content/ rebuilds at once and never waits for extraction.
"""

from __future__ import annotations

from pathlib import Path

from generators.corrections import FILE as CORRECTIONS
from generators.pipeline import generate

_state: dict = {"command": None, "snapshot": None}  # MkDocs hooks are plain functions: this is their memory


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
            print(f"skipped {item.source}: {item.reason}")
        for path, _ in result.render.kept:
            print(f"kept your edit of {path}")
        _state["snapshot"] = _snapshot(seeds, content)


def on_nav(nav, config, files):
    """Pages an editor added (anything not in `nav:` and not an article page) are listed at the end."""
    listed = set(map(id, nav.pages))
    extra = [f.page for f in files.documentation_pages()
             if f.page is not None and id(f.page) not in listed and not f.src_uri.startswith("sources/")]
    for page in sorted(extra, key=lambda p: p.file.src_uri):
        nav.items.append(page)
        nav.pages.append(page)
    return nav
