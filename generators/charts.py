"""Altair charts built from the story, each with a caption, a text alternative and static SVGs.

A chart is a Vega-Lite spec (for the interactive version and the export) plus a
light and a dark SVG rendered at build time, so readers without JavaScript see it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import altair as alt
import vl_convert

from .extract.actors import fold
from .model import Event, Story

DARK_CONFIG = {
    "background": "#1e2129",
    "axis": {"labelColor": "#d5d8e2", "titleColor": "#d5d8e2", "gridColor": "#3b4050", "domainColor": "#8a90a3",
             "tickColor": "#8a90a3"},
    "legend": {"labelColor": "#d5d8e2", "titleColor": "#d5d8e2"},
    "title": {"color": "#e8eaf0", "subtitleColor": "#c0c4d0"},
    "view": {"stroke": "#3b4050"},
}
LIGHT_CONFIG = {"background": "#ffffff"}
MAX_SERIES_CHARTS = 6
COVERAGE_BY_MONTH_FROM = 30  # articles; beyond this, coverage columns are months, not single articles


@dataclass
class Chart:
    name: str
    title: str
    caption: str
    spec: dict
    table_header: list[str]
    table_rows: list[list[str]] = field(default_factory=list)


def _plot_date(value: str) -> str:
    """Year and month dates sit in the middle of their period on a time axis."""
    if len(value) == 4:
        return f"{value}-07-01"
    if len(value) == 7:
        return f"{value}-15"
    return value


def timeline_chart(events: list[Event]) -> Chart | None:
    if not events:
        return None
    rows = [{
        "date": _plot_date(e.date.value), "when": e.date.value, "precision": e.date.precision,
        "status": "scheduled" if e.scheduled else "reported", "sources": len({p.source for p in e.provenance}),
        "event": e.text if len(e.text) <= 140 else e.text[:137] + "…",
    } for e in events]
    chart = alt.Chart(alt.Data(values=rows)).mark_circle(opacity=0.8).encode(
        x=alt.X("date:T", title="Date"),
        y=alt.Y("precision:N", title="Date precision", sort=["day", "month", "year"]),
        size=alt.Size("sources:Q", title="Sources", scale=alt.Scale(range=[60, 400], domainMin=1),
                      legend=alt.Legend(format="d", tickMinStep=1)),
        color=alt.Color("status:N", title="Status", scale=alt.Scale(domain=["reported", "scheduled"],
                                                                     range=["#3f6fb5", "#d9822b"])),
        tooltip=[alt.Tooltip("when:N", title="Date"), alt.Tooltip("event:N", title="Event"),
                 alt.Tooltip("sources:Q", title="Sources"), alt.Tooltip("status:N", title="Status")],
    ).properties(width="container", height=180, title="Events over time")
    return Chart("timeline", "Events over time",
                 "Each dot is an event from the articles, placed at its date; bigger dots are reported by more sources, "
                 "orange ones are scheduled.",
                 chart.to_dict(validate=False), ["Date", "Event", "Sources"],
                 [[r["when"], r["event"], str(r["sources"])] for r in rows])


def figure_series_charts(story: Story) -> list[Chart]:
    """The same measure over several periods becomes a line chart."""
    series: dict[tuple[str, str], list] = {}
    for figure in story.figures:
        period = figure.period
        if not period or not period[:4].isdigit():
            continue
        series.setdefault((fold(figure.label), figure.unit), []).append(figure)
    charts = []
    candidates = [(key, figures) for key, figures in series.items() if len({f.period for f in figures}) >= 2]
    # the best-attested series first; a page of charts stays readable as the story grows
    candidates.sort(key=lambda kv: (-len({p.source for f in kv[1] for p in f.provenance}), kv[0]))
    for (label, unit), figures in sorted(candidates[:MAX_SERIES_CHARTS]):
        rows = [{"period": _plot_date(f.period), "when": f.period, "value": f.value,
                 "source": ", ".join(sorted({p.source for p in f.provenance}))} for f in figures]
        rows.sort(key=lambda r: r["period"])
        name = f"series-{len(charts) + 1}"
        title = f"{figures[0].label} ({unit})" if unit and unit != figures[0].label else figures[0].label
        base = alt.Chart(alt.Data(values=rows)).encode(
            x=alt.X("period:T", title="Period"),
            y=alt.Y("value:Q", title=unit or label),
            tooltip=[alt.Tooltip("when:N", title="Period"), alt.Tooltip("value:Q", title="Value"),
                     alt.Tooltip("source:N", title="Source")],
        )
        chart = (base.mark_line(point=True) + base.mark_text(dy=-10).encode(text="value:Q")).properties(
            width="container", height=220, title=alt.TitleParams(title, subtitle="Source: " + ", ".join(
                sorted({r["source"] for r in rows}))))
        charts.append(Chart(name, title.capitalize(), f"How {figures[0].label} changes across the periods the "
                            "articles report.", chart.to_dict(validate=False), ["Period", "Value", "Source"],
                            [[r["when"], f"{r['value']:g}", r["source"]] for r in rows]))
    return charts


def coverage_chart(story: Story, limit: int = 20) -> Chart | None:
    """Which source mentions which actor: who reports what, at a glance."""
    actors = [a for a in story.actors if a.kind in ("person", "organisation")][:limit]
    if not actors or not story.articles:
        return None
    by_month = len(story.articles) > COVERAGE_BY_MONTH_FROM
    column = {a.source: (a.published[:7] or "undated") if by_month else a.source for a in story.articles}
    columns = sorted(set(column.values()))
    rows = []
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


def build_charts(story: Story, timeline_events: list[Event]) -> dict[str, list[Chart]]:
    """Charts per page name; the timeline chart shows the events the timeline page shows."""
    pages: dict[str, list[Chart]] = {"timeline": [], "figures": [], "sources": []}
    timeline = timeline_chart(timeline_events)
    if timeline:
        pages["timeline"].append(timeline)
    pages["figures"].extend(figure_series_charts(story))
    coverage = coverage_chart(story)
    if coverage:
        pages["sources"].append(coverage)
    return pages


def render_svg(spec: dict, dark: bool) -> str:
    """Static SVG (the CLI fixes TZ=UTC: vl-convert reads dates in the local time zone)."""
    themed = {**spec, "config": {**spec.get("config", {}), **(DARK_CONFIG if dark else LIGHT_CONFIG)}}
    if themed.get("width") == "container":
        themed["width"] = 640
    return _renumber_ids(vl_convert.vegalite_to_svg(themed))


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
    return vl_convert.javascript_bundle()
