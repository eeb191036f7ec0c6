"""Article text made safe for where it lands: literal Markdown, an HTML attribute, YAML front matter, a CSV cell
(no formula), JSON. Only Markdown the generator builds itself is `Trusted` and left as it is."""

from __future__ import annotations

import csv
import html
import io
import json
import re

from ..controls import CONTROLS


class Trusted(str):
    """Markdown or HTML the generator wrote itself; the template leaves it as it is."""


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#+!|])")


def md_text(value) -> str:
    """Article text as literal Markdown: no markup, HTML, template or extension syntax survives."""
    if isinstance(value, Trusted):
        return value
    if value is None:
        return ""
    text = re.sub(r"\s+", " ", CONTROLS.sub("", str(value)))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^(\d+)\.|^-", lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)


def attr(value) -> Trusted:
    """For raw HTML (an attribute or a paragraph's text), where Markdown escapes would show literally."""
    return Trusted(html.escape(" ".join(CONTROLS.sub("", str(value)).split()), quote=True))


def _short(title: str, limit: int = 48) -> str:
    """A link's text in a list of many: the headline's first words."""
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0] + "…"


def signed(figure) -> str:
    """A percentage change as a reader compares it: "fell 16%" is −16%, "rose 40%" is +40%."""
    if figure.unit == "%" and figure.label.startswith(("fall", "rise")):
        sign = "−" if figure.label.startswith("fall") else "+"
        return re.sub(r"[+\-−]?(?=\d)", sign, figure.text, count=1)  # "around 16%" is "around −16%"
    return figure.text


def front_matter_str(value) -> Trusted:
    """A front-matter string: MkDocs and Material place a page's title unescaped into <title>, the header and meta
    tags (in double quotes), so it is HTML-escaped first (an apostrophe stays readable), then quoted as YAML (JSON
    is YAML) so nothing can end the value."""
    escaped = html.escape(" ".join(str(value).split()), quote=False).replace('"', "&quot;")
    return Trusted(json.dumps(escaped, ensure_ascii=True))


def table(header: list[str], rows: list[list[str]], indent: str = "") -> Trusted:
    """A Markdown table with every cell escaped."""
    lines = ["| " + " | ".join(md_text(h) for h in header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(md_text(cell) for cell in row) + " |" for row in rows]
    return Trusted("\n".join(indent + line for line in lines))


def json_lines(data: dict) -> str:
    """JSON with one line per item of each list: diffable, and written by the fast C encoder (indent= is not)."""
    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            parts.append(f" {dump(key)}: [\n  " + ",\n  ".join(dump(v) for v in value) + "\n ]")
        else:
            parts.append(f" {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A spreadsheet runs a cell that starts like a formula: text gets a leading apostrophe (OWASP's advice)."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def csv_text(header: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()
