"""Running counts (a toll the story keeps updating): each report dated by its article, revisions over the days
rather than disagreements, and the count as it stands when the latest reports establish one."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..extract.actors import fold
from ..model import Article, Figure, Provenance, Report, Revision, Standing
from .common import add_provenance
from .figures import (
    GENERIC_COUNTS,
    MEASURE_FAMILIES,
    SAME_COUNT_RATIO,
    close_values,
    could_be_one_count,
    format_number,
    is_comparable,
    of_the_past,
    story_start,
)

MAX_REVISION_CHARTS = 4  # running counts charted on the figures page, and so linked from the overview


def measure_key(figure: Figure) -> str:
    """What a figure counts, for comparing it with other articles' figures: its family of outcome words and who
    it counts ("42 Americans evacuated" and "2,000 tourists evacuated" are two counts; "people", "others" and
    an unnamed count are anyone), or its label and unit."""
    words = set(fold(figure.label).split())
    family = next((name for name, members in MEASURE_FAMILIES.items() if words & members), "")
    who = fold(figure.unit)
    if family:
        return family if who in GENERIC_COUNTS or who == "" or set(who.split()) & MEASURE_FAMILIES[family] \
            else f"{family} ({who})"
    return f"{fold(figure.label)} ({who})"


def is_running_count(figure: Figure) -> bool:
    """A named count with no period of its own, or one "since" a date: a toll the story keeps updating."""
    return (not figure.period or figure.period.startswith("since ")) and figure.unit != "%" \
        and fold(figure.label) != fold(figure.unit) and is_comparable(figure)


def running_counts(figures: list[Figure], articles: list[Article]) -> dict[str, list[Report]]:
    """Each running count's values, one per source and figure, dated by the article that reports it."""
    published = {a.source: a.published for a in articles if a.published}
    start = story_start(articles)
    counts: dict[str, set[Report]] = defaultdict(set)
    for figure in figures:
        if is_running_count(figure) and not of_the_past(figure, start):
            for p in figure.provenance:
                if p.source in published:
                    counts[measure_key(figure)].add(Report(published[p.source], figure.value, figure.upper,
                                                           p.source, figure.id))
    return {key: sorted(reports, key=report_order) for key, reports in counts.items()}


def in_step(reports: list[Report], by_id: dict[str, Figure]) -> list[Report]:
    """The reports of a running count that keep step with it: not one that falls past SAME_COUNT_RATIO below the
    highest total two sources gave on an earlier day, which is one incident's toll or a part ("five killed
    overnight in one town" after "1,000 killed"), not a revision of the total. `reports` in report order."""
    confirmed = {id(r) for r in corroborated(reports, by_id)}
    kept: list[Report] = []
    total = 0.0  # the highest confirmed total of the days before
    today: list[Report] = []  # the reports kept of the day being read
    for report in reports:
        if today and report.day != today[0].day:  # one day's reports do not judge each other
            total = max([total, *(r.value for r in today if id(r) in confirmed)])
            today = []
        if report.top * SAME_COUNT_RATIO >= total:
            kept.append(report)
            today.append(report)
    return kept


def report_order(report: Report) -> tuple:
    """A total order: reports of one day, value and source (two figures of one article) never fall back on the
    order of a set, which changes with the process's hash seed."""
    return (report.day, report.value, report.source, report.figure, -1.0 if report.upper is None else report.upper)


def revisions(figures: list[Figure], articles: list[Article]) -> list[Revision]:
    """Running counts reported on two days or more with two values or more, each with its count as it stands
    (see standing_count): tolls of the outcomes news counts (deaths, injured, displaced, …) first, then other
    counts the latest reports establish, the most widely reported first."""
    by_id = {f.id: f for f in figures}
    latest_from = latest_reports_from(articles)
    found = []
    for key, told in running_counts(figures, articles).items():
        reports = in_step(told, by_id)
        if len({r.day for r in reports}) >= 2 and len({(r.value, r.upper) for r in reports}) >= 2:
            labels = Counter(by_id[r.figure].label for r in reports)
            name = min(labels, key=lambda label: (-labels[label], label))
            standing = standing_count(reports, by_id, latest_from)
            outcome = key.split(" (")[0] in MEASURE_FAMILIES
            if outcome or standing:  # else a measure the parse half named ("m", "called"): the figures list it
                found.append((not outcome, Revision(name, reports, standing)))
    found.sort(key=lambda kr: (kr[0], -len({x.source for x in kr[1].reports}), kr[1].measure))
    return [revision for _, revision in found]


UNSETTLED = ("the story's latest reports establish no total (none that two sources share in sentences of their own, "
             "or one far below the totals before)")
LATEST_SHARE = 0.1  # the story's latest reports: those of its last tenth of articles by date (the last day at least)


def latest_reports_from(articles: list[Article]) -> str:
    """The first day of the story's latest reports."""
    days = sorted(a.published for a in articles if a.published)
    return days[int((1 - LATEST_SHARE) * (len(days) - 1))] if days else ""


def _sentences(report: Report, by_id: dict[str, Figure]) -> list[Provenance]:
    return [p for p in by_id[report.figure].provenance if p.source == report.source]


def corroborated(reports: list[Report], by_id: dict[str, Figure]) -> list[Report]:
    """The reports another source gives within rounding in a sentence of its own (a sentence reprinted verbatim,
    as live pages and wire copies are, confirms nothing). Sorted by value, the reports within rounding of one are
    a window that slides along, so this is linear in the reports, not quadratic."""
    ordered = sorted(reports, key=lambda r: (r.top, *report_order(r)))
    quotes = [{p.quote for p in _sentences(r, by_id)} for r in ordered]
    window: dict[str, Counter] = defaultdict(Counter)  # each sentence of the window: the sources that give it

    def enter(k: int, step: int) -> None:
        source = ordered[k].source
        for quote in quotes[k]:
            window[quote][source] += step
            if not window[quote][source]:
                del window[quote][source]
                if not window[quote]:
                    del window[quote]

    found, low, high = [], 0, 0
    for i, report in enumerate(ordered):
        while high < len(ordered) and close_values(report.top, ordered[high].top):
            enter(high, 1)
            high += 1
        while not close_values(report.top, ordered[low].top):
            enter(low, -1)
            low += 1
        if any(quote not in quotes[i] and any(source != report.source for source in sources)
               for quote, sources in window.items()):
            found.append(report)
    return found


def standing_count(reports: list[Report], by_id: dict[str, Figure], latest_from: str) -> Standing | None:
    """The count as it stands, or None when the story's latest reports do not establish one. A running total
    is the highest value of its time (an incident's toll is lower), is told by more than one source, and does
    not fall far below the totals reported before it; a value told once, or a fall past SAME_COUNT_RATIO, is an
    incident or an error, and the overview states no count rather than that one. Its range is what the latest
    reports of it span (those that could be readings of one count), `sources` how many sources give those."""
    recent = corroborated([r for r in reports if r.day >= latest_from], by_id)
    if not recent:
        return None
    best = max(recent, key=lambda r: (r.top, r.day))
    if best.top <= 0:
        return None
    earlier = corroborated([r for r in reports if r.day < latest_from], by_id)
    if earlier and best.top * SAME_COUNT_RATIO < max(r.top for r in earlier):
        return None
    same = [r for r in recent if close_values(r.top, best.top)]
    sides = [r for r in recent if could_be_one_count([r.top, best.top])]
    provenance: list[Provenance] = []
    for report in sorted(same, key=lambda r: (r.day, r.source), reverse=True):
        add_provenance(provenance, _sentences(report, by_id))
    return Standing(best.value, best.upper, max(r.day for r in same), min(r.value for r in sides),
                    max(r.top for r in sides), len({r.source for r in sides}), tuple(provenance))


def unsettled_note(found: list[Revision]) -> str:
    """The build's line naming the charted counts the overview states no standing for ("" when there are none)."""
    unsettled = [r.measure for r in found[:MAX_REVISION_CHARTS] if r.standing is None]
    return (f"no count stated as it stands for {', '.join(unsettled)}: {UNSETTLED} (the figures page charts every "
            "report)") if unsettled else ""


def headline_counts(found: list[Revision], limit: int = 3) -> list[dict]:
    """The story's counts as they stand for the overview (only those the latest reports establish), with the
    range of those reports and their sentences; the n-th revision is charted as `revision-n` on the figures
    page."""
    rows = []
    for number, revision in enumerate(found, 1):
        standing = revision.standing
        if number > MAX_REVISION_CHARTS:
            break
        if standing is None:
            continue
        spread = "" if standing.low == standing.high else format_number(standing.low, standing.high)
        rows.append({"measure": revision.measure, "value": format_number(standing.value, standing.upper),
                     "as_of": standing.day, "range": spread, "chart": f"revision-{number}",
                     "sources": standing.sources, "provenance": standing.provenance})
    return rows[:limit]
