"""Static pictures of the charts (SVG through vl-convert, light and dark, wide and narrow) and the Vega bundle the
live charts load from the site itself."""

from __future__ import annotations

import re
from contextlib import suppress

import vl_convert

from ..cache import user_cache_folder, write_atomic

# Dark mode: text, axes and legends light on the page's own dark background (no box of another grey). The
# interactive charts read it from each spec's usermeta, the static pictures are drawn with it.
DARK_CONFIG = {
    "background": "transparent",
    "axis": {"labelColor": "#d5d8e2", "titleColor": "#d5d8e2", "gridColor": "#3b4050", "domainColor": "#8a90a3",
             "tickColor": "#8a90a3"},
    "legend": {"labelColor": "#d5d8e2", "titleColor": "#d5d8e2", "symbolStrokeColor": "#d5d8e2"},
    "title": {"color": "#e8eaf0", "subtitleColor": "#c0c4d0"},
    "view": {"stroke": "#3b4050"},
    "text": {"color": "#d5d8e2"},
}
LIGHT_CONFIG = {"background": "#ffffff"}


STATIC_WIDTH, NARROW_WIDTH = 640, 330  # px: a page's text column on a laptop; on a 375 px phone
NARROW_BELOW = 599  # px of screen: the narrow picture is shown up to this width


def render_svg(spec: dict, dark: bool, width: int = STATIC_WIDTH) -> str:
    """Static SVG (the CLI fixes TZ=UTC: vl-convert reads dates in the local time zone)."""
    themed = {**spec, "config": {**spec.get("config", {}), **(DARK_CONFIG if dark else LIGHT_CONFIG)}}
    if themed.get("width") == "container":
        themed["width"] = width
    return _renumber_ids(vl_convert.vegalite_to_svg(printable(themed)))


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # and the two that end a line in JavaScript


def printable(value):
    """Vega aborts on a control or line-separator character in a label (a file name, an editor's rename): every
    string a chart draws, as a static picture or live, is stripped of them first."""
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    if isinstance(value, dict):
        return {printable(k): printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [printable(v) for v in value]
    return value


def _renumber_ids(svg: str) -> str:
    """vl-convert numbers gradients and clip paths with a process-wide counter; number them per picture."""
    numbers: dict[str, str] = {}

    def replace(match: re.Match) -> str:
        key = match.group(0)
        if key not in numbers:
            numbers[key] = f"{match.group(1)}{len([k for k in numbers if k.startswith(match.group(1))])}"
        return numbers[key]

    return re.sub(r"\b(gradient_|clip|pattern_)(\d+)\b", replace, svg)


def vl_convert_version() -> str:
    from importlib.metadata import version
    return version("vl-convert-python")


def javascript_bundle() -> str:
    """Vega, Vega-Lite and Vega-Embed as one script the site serves itself (900 KB): making it takes 1.8 s, so it is
    kept per user and vl-convert version."""
    folder = user_cache_folder("vega")
    kept = folder / f"vega-bundle-{vl_convert_version()}.js" if folder else None
    if kept and kept.is_file():
        with suppress(OSError, UnicodeError):
            return kept.read_text("utf-8")
    bundle = vl_convert.javascript_bundle()  # type: ignore[call-arg]  # its stub wants a snippet; none means all of Vega
    if kept:
        with suppress(OSError):
            write_atomic(kept, bundle.encode("utf-8"))
    return bundle
