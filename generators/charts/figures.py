"""Charts of the story's numbers: how a running count changed, a measure over periods, the parts of one measure
side by side."""

from __future__ import annotations

from typing import Any

import altair as alt

from ..extract.actors import fold
from ..model import Revision, Story
from ..reconcile import MAX_REVISION_CHARTS, UNSETTLED, format_number
from .common import (
    LABELLED_POINTS_UP_TO,
    MAX_COMPARISON_CHARTS,
    MAX_SERIES_CHARTS,
    Chart,
    chart_title,
    plot_date,
    several,
    source_labels,
    sources_line,
)

LOG_SCALE_FROM = 100  # the largest value this many times the smallest: on a linear axis the others lie flat at zero


def revision_chart(revision: Revision, labels: dict[str, str], number: int) -> Chart:
    """How a running count changed as the story was reported: each source's value by the date of its article,
    a range drawn from its low to its high value; the count as it stands named in words, when there is one."""
    sources: dict[tuple, list[str]] = {}  # sources giving the same value the same day: one mark, one row
    for r in revision.reports:
        sources.setdefault((r.day, r.value, r.upper), []).append(labels.get(r.source, r.source))
    rows: list[dict[str, Any]] = [
        {"day": day, "value": value, "upper": value if upper is None else upper,
         "said": format_number(value, upper), "source": several(names)} for (day, value, upper), names in sources.items()]
    tops = [r["upper"] for r in rows]
    lows = [r["value"] for r in rows]
    logarithmic = min(lows) > 0 and max(tops) / min(lows) >= LOG_SCALE_FROM
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X("day:T", title="Reported on", axis=alt.Axis(format="%d %b %Y", labelOverlap=True)),
        y=alt.Y("value:Q", title=None, scale=alt.Scale(type="log") if logarithmic else alt.Undefined),
        tooltip=[alt.Tooltip("day:T", title="Reported on", format="%d %b %Y"), alt.Tooltip("said:N", title="Value"),
                 alt.Tooltip("source:N", title="Source")])
    chart = (base.mark_rule(strokeWidth=3).encode(y2="upper:Q") + base.mark_point(filled=True, size=70)).properties(
        width="container", height=220,
        title=chart_title(revision.measure.capitalize(), sources_line({r["source"] for r in rows})))
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
    scale = (f" The scale is logarithmic (each step up multiplies by ten), so that values from "
             f"{format_number(min(lows))} to {format_number(max(tops))} all stay readable." if logarithmic else "")
    caption = (f"Each mark is one source's figure on the day its article was published; a count far below the total "
               f"two sources gave on an earlier day (one incident's, or a part) is left out.{scale} {stands} A later "
               "figure revises an earlier one; sources that differ on the same day are listed under Where sources "
               "disagree.")
    return Chart(f"revision-{number}", f"How the count of {revision.measure} changed", caption,
                 chart.to_dict(validate=False), ["Reported on", "Value", "Source"],
                 [[r["day"], r["said"], r["source"]] for r in rows])


def revision_charts(story: Story, found: list[Revision]) -> list[Chart]:
    """The first MAX_REVISION_CHARTS of the story's running counts (`found`: reconcile's `revisions`)."""
    labels = source_labels(story.articles)
    return [revision_chart(revision, labels, number) for number, revision in enumerate(found[:MAX_REVISION_CHARTS], 1)]


def figure_series_charts(story: Story) -> list[Chart]:
    """The same measure over several periods becomes a line chart."""
    series: dict[tuple[str, str], list] = {}
    for figure in story.figures:
        period = figure.period
        if not period or not period[:4].isdigit() or " to " in period or figure.vague:  # "thousands", or two
            # days ("on Saturday and Sunday"), is no point on a line
            continue
        series.setdefault((fold(figure.label), figure.unit), []).append(figure)
    charts: list[Chart] = []
    candidates = [(key, figures) for key, figures in series.items() if len({f.period for f in figures}) >= 2
                  and (fold(figures[0].label) != fold(figures[0].unit) or _stated_as_trend(figures))]
    # the best-attested series first; a page of charts stays readable as the story grows
    candidates.sort(key=lambda kv: (-len({p.source for f in kv[1] for p in f.provenance}), kv[0]))
    labels = source_labels(story.articles)
    for (label, unit), figures in sorted(candidates[:MAX_SERIES_CHARTS]):
        rows: list[dict[str, Any]] = [{"period": plot_date(f.period), "when": f.period, "value": f.value,
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
            width="container", height=220, title=chart_title(title, sources_line({r["source"] for r in rows})))
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
                              title=chart_title(title, period or "period not given"))
        charts.append(Chart(f"compare-{len(charts) + 1}", title[:1].upper() + title[1:],
                            f"The {measure} of each {'one named' if len(rows) > 1 else 'part'} side by side"
                            f"{' (' + period + ')' if period else ''}; a bar per source where sources differ.",
                            chart.to_dict(validate=False), ["Who or what", "Value", "Source"],
                            [[r["part"], f"{r['value']:g}", r["source"]] for r in rows]))
    return charts
