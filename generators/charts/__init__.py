"""Altair charts built from the story, each with a caption, a text alternative and static SVGs.

A chart is a Vega-Lite spec (for the interactive version and the export) plus a light and a dark SVG rendered at
build time (`drawing`), so readers without JavaScript see it too. The charts of numbers are in `figures`; those of
the timeline, the sources, the disagreements and the voices here.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from datetime import date, timedelta
from typing import Any

import altair as alt

from ..model import Article, Event, Revision, Story
from ..reconcile import by_reach
from .common import (
    COVERAGE_BY_MONTH_FROM,
    LABEL_LIMIT,
    MAX_DISAGREEMENT_CHARTS,
    MAX_VOICES,
    STANCE_COLOURS,
    STANCE_ORDER,
    Chart,
    chart_title,
    source_labels,
)
from .drawing import (
    DARK_CONFIG,
    NARROW_BELOW,
    NARROW_WIDTH,
    STATIC_WIDTH,
    javascript_bundle,
    printable,
    render_svg,
    vl_convert_version,
)
from .figures import comparison_charts, figure_series_charts, revision_chart, revision_charts

__all__ = ["NARROW_BELOW", "NARROW_WIDTH", "STATIC_WIDTH", "Chart", "build_charts", "comparison_charts",
           "coverage_chart", "disagreement_charts", "figure_series_charts", "javascript_bundle", "printable",
           "render_svg", "revision_chart", "revision_charts", "source_labels", "timeline_chart", "vl_convert_version",
           "voices_chart"]


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
        chart = chart.properties(width="container", height=max(60, 30 * len(rows)), title=chart_title(conflict.about))
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


def build_charts(story: Story, timeline_events: list[Event], found: list[Revision]) -> dict[str, list[Chart]]:
    """Charts per page name; the timeline chart shows the events the timeline page shows, the revision charts
    the running counts `found` (reconcile's `revisions`)."""
    pages: dict[str, list[Chart]] = {"timeline": [], "figures": [], "sources": [], "views": [],
                                     "disagreements": disagreement_charts(story)}
    timeline = timeline_chart(timeline_events, story.articles)
    if timeline:
        pages["timeline"].append(timeline)
    pages["figures"].extend(revision_charts(story, found) + figure_series_charts(story) + comparison_charts(story))
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
