"""What every chart shares: the `Chart` (a Vega-Lite spec with its caption, data table and file names), titles,
and how sources are named (outlet and date, never a file name)."""

from __future__ import annotations

import hashlib
import json
import textwrap
from collections import Counter
from dataclasses import dataclass, field

import altair as alt

from ..model import Article

MAX_SERIES_CHARTS = 4
MAX_COMPARISON_CHARTS = 6
MAX_DISAGREEMENT_CHARTS = 5
LABELLED_POINTS_UP_TO = 8  # a series chart writes each value beside its point up to this many points
MAX_VOICES = 40
STANCE_ORDER = ["for", "mixed", "against", "unclear"]
STANCE_COLOURS = ["#2e7d4f", "#b7791f", "#c0392b", "#7a8194"]
COVERAGE_BY_MONTH_FROM = 30  # articles; beyond this, coverage columns are months, not single articles


@dataclass
class Chart:
    name: str
    title: str
    caption: str
    spec: dict
    table_header: list[str]
    table_rows: list[list[str]] = field(default_factory=list)

    @property
    def drawn(self) -> str:
        """What the chart shows, as a name: a chart that only moves (a new disagreement numbered before it) keeps
        its files instead of being drawn again."""
        return hashlib.sha256(json.dumps(self.spec, sort_keys=True).encode("utf-8")).hexdigest()[:16]

    def picture(self, mode: str, narrow: bool = False) -> str:
        return f"{self.drawn}-{mode}{'-narrow' if narrow else ''}.svg"

    @property
    def spec_file(self) -> str:
        """The spec the live chart is drawn from, a file beside the pictures: the page carries only what a reader
        sees before the chart goes live (on a long story the specs were a third of a page)."""
        return f"{self.drawn}.vl.json"

    @property
    def fits_width(self) -> bool:
        """Drawn to its container's width: a phone gets a picture drawn at its own width, not one scaled down."""
        return self.spec.get("width") == "container"


def plot_date(value: str) -> str:
    """Year and month dates sit in the middle of their period on a time axis."""
    if len(value) == 4:
        return f"{value}-07-01"
    if len(value) == 7:
        return f"{value}-15"
    return value


def several(names: list[str], shown: int = 2) -> str:
    names = list(dict.fromkeys(names))
    return "; ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")


LABEL_LIMIT = 140  # px: a long source title is cut with an ellipsis (whole in the tooltip and the table)


def chart_title(text: str, subtitle: str = "", width: int = 36) -> alt.TitleParams:
    """A title (and subtitle) wrapped into lines that fit a phone (Vega does not wrap titles itself), from the
    chart's left edge rather than the plot's, which long axis labels push to the right."""
    lines = textwrap.wrap(text, width) or [""]
    if subtitle:
        return alt.TitleParams(lines, subtitle=textwrap.wrap(subtitle, width + 12), anchor="start", frame="bounds")
    return alt.TitleParams(lines, anchor="start", frame="bounds")


def sources_line(names: set[str], shown: int = 3) -> str:
    ordered = sorted(names)
    more = f" and {len(ordered) - shown} more (see the data below)" if len(ordered) > shown else ""
    return ("Sources: " if len(ordered) > 1 else "Source: ") + "; ".join(ordered[:shown]) + more


def source_labels(articles: list[Article]) -> dict[str, str]:
    """Short names for sources on a chart axis: outlet and date, else the start of the headline; sources that
    would share a name are told apart by their headline, then by a number (never by file name)."""
    def short(text: str, size: int) -> str:
        return text if len(text) <= size else text[:size - 1].rstrip() + "…"

    def label(article: Article) -> str:
        if article.outlet:
            return ", ".join(x for x in (article.outlet, article.published) if x)
        return short(article.title or article.source, 36)

    labels = {a.source: label(a) for a in articles}
    counts = Counter(labels.values())
    titled = {a.source: labels[a.source] if counts[labels[a.source]] == 1 or not a.outlet or not a.title
              else f"{labels[a.source]}: {short(a.title, 24)}" for a in articles}
    counts = Counter(titled.values())
    seen: Counter = Counter()
    result = {}
    for source in sorted(titled):
        text = titled[source]
        seen[text] += 1
        result[source] = text if counts[text] == 1 else f"{text} ({seen[text]})"
    return result
