"""Altair charts built from the story, each with a caption, a text alternative and static SVGs.

A chart is a Vega-Lite spec (for the interactive version and the export) plus a
light and a dark SVG rendered at build time, so readers without JavaScript see it too.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import altair as alt
import vl_convert

from .extract.actors import fold
from .model import Article, Event, Revision, Story
from .reconcile import MAX_REVISION_CHARTS, UNSETTLED, by_reach, format_number, revisions

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


def _plot_date(value: str) -> str:
    """Year and month dates sit in the middle of their period on a time axis."""
    if len(value) == 4:
        return f"{value}-07-01"
    if len(value) == 7:
        return f"{value}-15"
    return value


CONTEXT_BEFORE_DAYS = 180  # events older than this before the first article are background, listed not plotted


def _span(value: str) -> tuple[str, str]:
    """The first and last day of a date, a month or a year."""
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        last = calendar.monthrange(int(value[:4]), int(value[5:]))[1]
        return f"{value}-01", f"{value}-{last:02d}"
    return value, value


def timeline_chart(events: list[Event], articles: list[Article] | None = None) -> Chart | None:
    """Events by date on a time axis focused on the story's own weeks: a day is a dot, a month or a year a bar
    across it, higher when more sources report it; older background is listed in the table, not plotted."""
    if not events:
        return None
    published = sorted(a.published for a in articles or [] if a.published)
    focus_from = (date.fromisoformat(published[0]) - timedelta(days=CONTEXT_BEFORE_DAYS)).isoformat() \
        if published else ""
    rows: list[dict[str, Any]] = [{
        "start": start, "end": end, "when": e.date.value,
        "precision": e.date.precision, "status": "scheduled" if e.scheduled else "reported",
        "sources": len({p.source for p in e.provenance}),
        "event": e.text if len(e.text) <= 140 else e.text[:137] + "…",
    } for e in events if e.date.value for start, end in [_span(e.date.value)]]
    if not rows:
        return None
    shown = [r for r in rows if r["start"] >= focus_from] or rows
    earlier = len(rows) - len(shown)
    days = [r["start"] for r in shown if r["precision"] == "day"]
    until = max([*days, (date.fromisoformat(published[-1]) + timedelta(days=60)).isoformat()] if published else days,
                default=max(r["end"] for r in shown))
    base = alt.Chart(alt.Data(values=shown)).encode(
        x=alt.X("start:T", title=None, scale=alt.Scale(domain=[min(r["start"] for r in shown), until])),
        y=alt.Y("sources:Q", title="Sources", axis=alt.Axis(tickMinStep=1, format="d"),
                scale=alt.Scale(domain=[0, max(r["sources"] for r in shown) + 1])),
        color=alt.Color("status:N", title=None, scale=alt.Scale(domain=["reported", "scheduled"],
                                                               range=["#3f6fb5", "#d9822b"]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("when:N", title="Date"), alt.Tooltip("event:N", title="Event"),
                 alt.Tooltip("sources:Q", title="Sources"), alt.Tooltip("status:N", title="Status")])
    spans = base.mark_rule(strokeWidth=6, opacity=0.6, strokeCap="round", clip=True).encode(
        x2="end:T").transform_filter("datum.precision !== 'day'")  # a year runs on past the story's weeks: cut
    dots = base.mark_circle(size=90, opacity=0.85, clip=True).transform_filter("datum.precision === 'day'")
    spanned = any(r["precision"] != "day" for r in shown)
    layers = [layer for layer, drawn in ((spans, spanned), (dots, bool(days))) if drawn]  # an empty layer: an
    chart = alt.layer(*layers).properties(width="container", height=180, title="Events over time")  # unnamed image
    told = (["each dot is an event on its day"] if days else []) + \
        (["a bar is an event known only to its month or year, drawn across it"] if spanned else [])
    caption = f"{'; '.join(told)}, higher when more sources report it; orange ones are scheduled."
    caption = caption[0].upper() + caption[1:]
    if earlier:
        caption += (f" {earlier} earlier event{'s' if earlier > 1 else ''} (background) "
                    f"{'are' if earlier > 1 else 'is'} in the table, not the chart.")
    return Chart("timeline", "Events over time", caption, chart.to_dict(validate=False), ["Date", "Event", "Sources"],
                 [[r["when"], r["event"], str(r["sources"])] for r in rows])


def revision_chart(revision: Revision, labels: dict[str, str], number: int) -> Chart:
    """How a running count changed as the story was reported: each source's value by the date of its article,
    a range drawn from its low to its high value; the count as it stands named in words, when there is one."""
    sources: dict[tuple, list[str]] = {}  # sources giving the same value the same day: one mark, one row
    for r in revision.reports:
        sources.setdefault((r.day, r.value, r.upper), []).append(labels.get(r.source, r.source))
    rows: list[dict[str, Any]] = [
        {"day": day, "value": value, "upper": value if upper is None else upper,
         "said": format_number(value, upper), "source": _several(names)} for (day, value, upper), names in sources.items()]
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X("day:T", title="Reported on", axis=alt.Axis(format="%d %b %Y", labelOverlap=True)),
        y=alt.Y("value:Q", title=None),
        tooltip=[alt.Tooltip("day:T", title="Reported on", format="%d %b %Y"), alt.Tooltip("said:N", title="Value"),
                 alt.Tooltip("source:N", title="Source")])
    chart = (base.mark_rule(strokeWidth=3).encode(y2="upper:Q") + base.mark_point(filled=True, size=70)).properties(
        width="container", height=220,
        title=_title(revision.measure.capitalize(), _sources_line({r["source"] for r in rows})))
    standing = revision.standing
    if standing:
        givers = len({p.source for p in standing.provenance})
        spread = "" if standing.low == standing.high else (
            f"; the latest reports of it span {format_number(standing.low, standing.high)} across {standing.sources} "
            "sources")
        stands = (f"As it stands: {format_number(standing.value, standing.upper)} ({standing.day}, given by {givers} "
                  f"sources among the story's latest reports{spread}).")
    else:
        stands = f"{UNSETTLED.capitalize()}, so no count is stated as it stands; the marks may count different things."
    caption = (f"Each mark is one source's figure on the day its article was published. {stands} A later figure "
               "revises an earlier one; sources that differ on the same day are listed under Where sources disagree.")
    return Chart(f"revision-{number}", f"How the count of {revision.measure} changed", caption,
                 chart.to_dict(validate=False), ["Reported on", "Value", "Source"],
                 [[r["day"], r["said"], r["source"]] for r in rows])


def _several(names: list[str], shown: int = 2) -> str:
    names = list(dict.fromkeys(names))
    return "; ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")


def revision_charts(story: Story) -> list[Chart]:
    labels = source_labels(story.articles)
    return [revision_chart(revision, labels, number)
            for number, revision in enumerate(revisions(story.figures, story.articles)[:MAX_REVISION_CHARTS], 1)]


def figure_series_charts(story: Story) -> list[Chart]:
    """The same measure over several periods becomes a line chart."""
    series: dict[tuple[str, str], list] = {}
    for figure in story.figures:
        period = figure.period
        if not period or not period[:4].isdigit() or figure.vague:  # "thousands" is no point on a line
            continue
        series.setdefault((fold(figure.label), figure.unit), []).append(figure)
    charts: list[Chart] = []
    candidates = [(key, figures) for key, figures in series.items() if len({f.period for f in figures}) >= 2
                  and (fold(figures[0].label) != fold(figures[0].unit) or _stated_as_trend(figures))]
    # the best-attested series first; a page of charts stays readable as the story grows
    candidates.sort(key=lambda kv: (-len({p.source for f in kv[1] for p in f.provenance}), kv[0]))
    labels = source_labels(story.articles)
    for (label, unit), figures in sorted(candidates[:MAX_SERIES_CHARTS]):
        rows: list[dict[str, Any]] = [{"period": _plot_date(f.period), "when": f.period, "value": f.value,
                 "source": "; ".join(sorted({labels.get(p.source, p.source) for p in f.provenance}))} for f in figures]
        rows.sort(key=lambda r: r["period"])
        name = f"series-{len(charts) + 1}"
        title = f"{figures[0].label} ({unit})" if unit and unit != figures[0].label else figures[0].label
        base = alt.Chart(alt.Data(values=rows)).encode(
            x=alt.X("period:T", title="Period"),
            y=alt.Y("value:Q", title=unit or label),
            tooltip=[alt.Tooltip("when:N", title="Period"), alt.Tooltip("value:Q", title="Value"),
                     alt.Tooltip("source:N", title="Source")],
        )
        line = base.mark_line(point=True)
        if len(rows) <= LABELLED_POINTS_UP_TO:  # more labels would sit on each other's points: tooltips and table
            line += base.mark_text(dy=-10).encode(text="value:Q")
        chart = line.properties(
            width="container", height=220, title=_title(title, _sources_line({r["source"] for r in rows})))
        charts.append(Chart(name, title.capitalize(), f"How {figures[0].label} changes across the periods the "
                            "articles report.", chart.to_dict(validate=False), ["Period", "Value", "Source"],
                            [[r["when"], f"{r['value']:g}", r["source"]] for r in rows]))
    return charts


def _stated_as_trend(figures: list) -> bool:
    """One sentence gives two periods of it ("from 410 in June to 460 in July"): a trend an article states,
    not counts of the same noun that unrelated articles happen to give on different days."""
    periods: dict = {}
    for figure in figures:
        for p in figure.provenance:
            periods.setdefault((p.source, p.sentence), set()).add(figure.period)
    return any(len(found) >= 2 for found in periods.values())


LABEL_LIMIT = 140  # px: a long source title is cut with an ellipsis (whole in the tooltip and the table)


def _title(text: str, subtitle: str = "", width: int = 36) -> alt.TitleParams:
    """A title (and subtitle) wrapped into lines that fit a phone (Vega does not wrap titles itself), from the
    chart's left edge rather than the plot's, which long axis labels push to the right."""
    lines = textwrap.wrap(text, width) or [""]
    if subtitle:
        return alt.TitleParams(lines, subtitle=textwrap.wrap(subtitle, width + 12), anchor="start", frame="bounds")
    return alt.TitleParams(lines, anchor="start", frame="bounds")


def _sources_line(names: set[str], shown: int = 3) -> str:
    ordered = sorted(names)
    more = f" and {len(ordered) - shown} more (see the data below)" if len(ordered) > shown else ""
    return ("Sources: " if len(ordered) > 1 else "Source: ") + "; ".join(ordered[:shown]) + more


def coverage_chart(story: Story, limit: int = 20) -> Chart | None:
    """Which source mentions which actor: who reports what, at a glance."""
    actors = [a for a in story.actors if a.kind in ("person", "organisation")][:limit]
    if not actors or not story.articles:
        return None
    by_month = len(story.articles) > COVERAGE_BY_MONTH_FROM
    labels = source_labels(story.articles)  # outlets and dates, never file names
    column = {a.source: (a.published[:7] or "undated") if by_month else labels[a.source] for a in story.articles}
    columns = sorted(set(column.values()))
    rows: list[dict[str, Any]] = []
    for actor in actors:
        counts = {c: 0 for c in columns}
        for provenance in actor.provenance:
            counts[column[provenance.source]] += 1
        rows += [{"actor": actor.name, "column": c, "sentences": n} for c, n in counts.items()]
    axis_title = "Month of publication" if by_month else "Source"
    chart = alt.Chart(alt.Data(values=rows)).mark_rect().encode(
        x=alt.X("column:N", title=axis_title, sort=columns, axis=alt.Axis(labelAngle=-40, labelLimit=160)),
        y=alt.Y("actor:N", title=None, sort=[a.name for a in actors]),
        color=alt.Color("sentences:Q", title="Sentences", scale=alt.Scale(scheme="blues")),
        tooltip=[alt.Tooltip("actor:N", title="Actor"), alt.Tooltip("column:N", title=axis_title),
                 alt.Tooltip("sentences:Q", title="Sentences")],
    ).properties(width="container", height=max(120, 22 * len(actors)), title="Who appears in which source")
    table = {(r["actor"], r["column"]): str(r["sentences"]) for r in rows}
    return Chart("coverage", "Who appears in which source",
                 "Darker cells mean more sentences about that person or organisation"
                 + (" in the articles of that month." if by_month else " in that source."),
                 chart.to_dict(validate=False), ["Actor", *columns],
                 [[a.name, *[table[(a.name, c)] for c in columns]] for a in actors])


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


def comparison_charts(story: Story) -> list[Chart]:
    """Parts of one measure in one period ("share of vote: A", "share of vote: B") side by side as bars."""
    labels = source_labels(story.articles)
    groups: dict[tuple[str, str, str], list] = {}
    for figure in story.figures:
        measure, _, part = figure.label.partition(": ")
        if part and not figure.vague:
            groups.setdefault((measure, figure.unit, figure.period), []).append(figure)
    candidates = [(key, figures) for key, figures in groups.items() if len({f.label for f in figures}) >= 2]
    candidates.sort(key=lambda kv: (-len({p.source for f in kv[1] for p in f.provenance}), kv[0]))
    charts: list[Chart] = []
    for (measure, unit, period), figures in sorted(candidates[:MAX_COMPARISON_CHARTS]):
        rows: list[dict[str, Any]] = sorted(({"part": f.label.partition(": ")[2], "value": f.value, "text": f.text,
                        "source": labels.get(source, source)}
                       for f in figures for source in {p.source for p in f.provenance}),
                      key=lambda r: (-r["value"], r["part"], r["source"]))
        title = f"{measure} ({unit})" if unit and unit != measure else measure
        base = alt.Chart(alt.Data(values=rows)).encode(
            y=alt.Y("part:N", title=None, sort=[r["part"] for r in rows]),
            yOffset=alt.YOffset("source:N"),
            x=alt.X("value:Q", title=unit or measure, scale=alt.Scale(zero=True)),
            tooltip=[alt.Tooltip("part:N", title="Who or what"), alt.Tooltip("value:Q", title="Value"),
                     alt.Tooltip("source:N", title="Source")],
        )
        bars = base.mark_bar().encode(
            color=alt.Color("source:N", title="Source", legend=alt.Legend(orient="bottom", columns=1, labelLimit=360)))
        chart = (bars + base.mark_text(align="left", dx=4).encode(text="value:Q")).properties(width="container", height=max(80, 24 * len(rows)),
                              title=_title(title, period or "period not given"))
        charts.append(Chart(f"compare-{len(charts) + 1}", title[:1].upper() + title[1:],
                            f"The {measure} of each {'one named' if len(rows) > 1 else 'part'} side by side"
                            f"{' (' + period + ')' if period else ''}; a bar per source where sources differ.",
                            chart.to_dict(validate=False), ["Who or what", "Value", "Source"],
                            [[r["part"], f"{r['value']:g}", r["source"]] for r in rows]))
    return charts


def disagreement_charts(story: Story) -> list[Chart]:
    """Where sources give different values for one measure, each source's value side by side."""
    labels = source_labels(story.articles)
    charts: list[Chart] = []
    for conflict in by_reach([c for c in story.conflicts if c.kind == "figure"])[:MAX_DISAGREEMENT_CHARTS]:
        rows: list[dict[str, Any]] = []
        for side in conflict.values:
            number = re.match(r"[\d.,]+", side.value.replace(",", ""))
            for source in sorted({p.source for p in side.provenance}):
                rows.append({"source": labels.get(source, source), "value": float(number.group(0)) if number else 0.0,
                             "said": side.value})
        order = [r["source"] for r in rows]
        base = alt.Chart(alt.Data(values=rows)).encode(
            y=alt.Y("source:N", title=None, sort=order, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
            x=alt.X("value:Q", title=None, scale=alt.Scale(zero=True)),
            tooltip=[alt.Tooltip("source:N", title="Source"), alt.Tooltip("said:N", title="Says")],
        ).transform_joinaggregate(longest="max(value)").transform_calculate(inside="datum.value >= 0.6 * datum.longest")
        # a value is written inside its bar when the bar is long enough, else after it: never past the chart's edge
        chart = base.mark_bar(color="#c0392b") + \
            base.mark_text(align="right", dx=-4, color="white").encode(text="said:N").transform_filter("datum.inside") + \
            base.mark_text(align="left", dx=4).encode(text="said:N").transform_filter("!datum.inside")
        chart = chart.properties(width="container", height=max(60, 30 * len(rows)), title=_title(conflict.about))
        charts.append(Chart(f"disagreement-{conflict.id}", conflict.about,
                            "Each bar is the value one source gives; the bars differ where the sources disagree.",
                            chart.to_dict(validate=False), ["Source", "Says"],
                            [[r["source"], r["said"]] for r in rows]))
    return charts


def voices_chart(story: Story) -> Chart | None:
    """The voices and their stance, in four columns, so the competing positions show at a glance; only for a
    debate with at least two sides."""
    views = story.views[:MAX_VOICES]
    if not story.debate or len({v.stance for v in views} - {"unclear"}) < 2:
        return None
    rank: Counter = Counter()
    rows: list[dict[str, Any]] = []
    for view in sorted(views, key=lambda v: (STANCE_ORDER.index(v.stance), -len(v.quotes), v.speaker)):
        rank[view.stance] += 1
        rows.append({"speaker": view.speaker, "stance": view.stance, "quotes": len(view.quotes),
                     "row": rank[view.stance]})
    points = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X("stance:N", title="Stance", sort=STANCE_ORDER,
                scale=alt.Scale(domain=STANCE_ORDER), axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("row:O", title=None, axis=None),
        tooltip=[alt.Tooltip("speaker:N", title="Voice"), alt.Tooltip("stance:N", title="Stance"),
                 alt.Tooltip("quotes:Q", title="Quotes")],
    )
    chart = (points.mark_circle(size=140, opacity=0.9).encode(
        color=alt.Color("stance:N", scale=alt.Scale(domain=STANCE_ORDER, range=STANCE_COLOURS), legend=None))
        # a name never runs past its column (a quarter of the chart, whatever its width); whole in the tooltip
        + points.mark_text(align="left", dx=10, limit=alt.ExprRef(expr="width / 4 - 14")).encode(
            text="speaker:N")).properties(
        width="container", height=max(80, 26 * max(rank.values())), title="Who stands where")
    return Chart("voices", "Who stands where",
                 f"Each voice in the column of its stance on “{story.debate}”, most quoted first.",
                 chart.to_dict(validate=False), ["Voice", "Stance", "Quotes"],
                 [[r["speaker"], r["stance"], str(r["quotes"])] for r in rows])


def build_charts(story: Story, timeline_events: list[Event]) -> dict[str, list[Chart]]:
    """Charts per page name; the timeline chart shows the events the timeline page shows."""
    pages: dict[str, list[Chart]] = {"timeline": [], "figures": [], "sources": [], "views": [],
                                     "disagreements": disagreement_charts(story)}
    timeline = timeline_chart(timeline_events, story.articles)
    if timeline:
        pages["timeline"].append(timeline)
    pages["figures"].extend(revision_charts(story) + figure_series_charts(story) + comparison_charts(story))
    voices = voices_chart(story)
    if voices:
        pages["views"].append(voices)
    coverage = coverage_chart(story)
    if coverage:
        pages["sources"].append(coverage)
    for chart in (c for charts in pages.values() for c in charts):
        chart.spec["usermeta"] = {"darkConfig": DARK_CONFIG}
        # the first and last dates of a time axis sit inside the chart, not half past its edge (or are left out)
        chart.spec["config"] = {**chart.spec.get("config", {}), "axisX": {"labelFlush": True, "labelBound": True}}
        if chart.spec.get("width") == "container":  # axes, labels and legends inside the container's width
            chart.spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return pages


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
    return vl_convert.javascript_bundle()  # type: ignore[call-arg]  # its stub wants a snippet; none means all of Vega
