"""One figure per value, measure and period across articles, and which figures are worth the overview: key
numbers, and running counts (a toll) whose reports over the days are revisions, not disagreements."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ..extract import content_words
from ..extract.actors import fold
from ..extract.dates import years_mentioned
from ..extract.events import is_question
from ..model import Article, Conflict, ConflictValue, Extraction, Figure, Provenance, Report, Revision, Standing
from .common import add_provenance, sources_count, topicality

MAX_REVISION_CHARTS = 4  # running counts charted on the figures page, and so linked from the overview
CONTEXT_YEARS = 2  # a year this many years or more before the story's first article is its past, not its news


def story_start(articles: list[Article]) -> int | None:
    """The year of the story's first dated article."""
    years = [int(a.published[:4]) for a in articles if a.published[:4].isdigit()]
    return min(years) if years else None


def of_the_past(figure: Figure, start: int | None) -> bool:
    """A figure its sentences place years before the story ("the 1918 earthquake killed 3,000", "10,000 died in
    1982") is context: it stays on the figures page with its sentence, but is no part of the story's running
    counts, key numbers or disagreements. A count "since" a year runs to now, so it is the story's."""
    if start is None or figure.period.startswith("since "):
        return False
    if figure.period[:4].isdigit():
        return int(figure.period[:4]) <= start - CONTEXT_YEARS
    return all(any(year <= start - CONTEXT_YEARS for year in years_mentioned(p.quote.replace(figure.text, " ")))
               for p in figure.provenance)


def figure_key(figure: Figure) -> tuple[str, str, str]:
    return fold(figure.label), fold(figure.unit), figure.period


SHARED_WORDS = 2  # words two tellings of one figure share besides its number and measure ("Misrata", "hospital")


def telling_words(figure: Figure, story_wide: frozenset[str]) -> set[str]:
    """What a sentence says around its figure: its content words but the number's, the measure's and the story's
    own (see story_wide_words), which every telling of any such figure shares."""
    measure = content_words(f"{figure.text} {figure.label} {figure.unit}")
    return set().union(*(content_words(p.quote) for p in figure.provenance)) - measure - story_wide


@dataclass
class _Telling:
    """A figure being merged, with the words and sentences of its tellings so far."""

    figure: Figure
    words: list[set[str]]
    quotes: set[str]


def merge_figures(extractions: list[Extraction], start: int | None = None,
                  story_wide: frozenset[str] = frozenset()) -> tuple[list[Figure], list[Conflict]]:
    """Equal figures merge when they tell one fact: the same value, measure and period; without a period, only
    when their sentences also share words besides them ("two people were killed" in Misrata and in Zawiya are
    two figures, each with its own source). The same measure and period with different values is a conflict (unless the period is years before
    the story, `start`)."""
    merged: dict[tuple, list[_Telling]] = defaultdict(list)
    for figure in attribute_shared_figures([f for x in extractions for f in x.figures]):
        words = telling_words(figure, story_wide)
        quotes = {p.quote for p in figure.provenance}
        kin = merged[(*figure_key(figure), figure.value, figure.upper)]
        home = next((t for t in kin if figure.period  # the same value of one measure for one period is one fact
                     or quotes & t.quotes  # a sentence reprinted
                     or any(len(words & seen) >= SHARED_WORDS for seen in t.words)), None)
        if home:
            add_provenance(home.figure.provenance, figure.provenance)
            home.figure.approximate = home.figure.approximate and figure.approximate
            home.words.append(words)
            home.quotes |= quotes
        else:
            kin.append(_Telling(Figure("", figure.value, figure.unit, figure.label, figure.period, figure.approximate,
                                       figure.text, list(figure.provenance), figure.signal, figure.upper,
                                       figure.vague), [words], quotes))
    figures = sorted((t.figure for kin in merged.values() for t in kin),
                     key=lambda f: (fold(f.label), f.period, f.value, f.provenance[0].source, f.provenance[0].sentence))
    for number, figure in enumerate(figures, 1):
        figure.id = f"figure-{number}"
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        # without a period two values may measure different times; a count "since" a date grows with each report,
        # so it is compared day by day (running counts), not across days
        if figure.period and not figure.period.startswith("since ") and is_comparable(figure) \
                and not of_the_past(figure, start):
            groups[figure_key(figure)].append(figure)
    conflicts = []
    for (_, _, period), group in groups.items():
        sources = [{p.source for p in f.provenance} for f in group]
        if len(set().union(*sources)) < 2:
            continue
        values = [f.value for f in group]
        if len(set(values)) < 2 or not could_be_one_count(values):
            continue
        minor = close_values(max(values), min(values))
        conflicts.append(Conflict(
            id="", kind="figure", about=f"{measure_name(group[0])}, {period}", minor=bool(minor),
            values=values_told(group, format_value), items=[f.id for f in group],
        ))
    return figures, conflicts


def values_told(group: list[Figure], text: Callable[[Figure], str]) -> list[ConflictValue]:
    """Each value of a disagreement once, with every sentence that gives it (two tellings of 2,000 are one side)."""
    sides: dict[str, list[Provenance]] = {}
    for figure in group:
        add_provenance(sides.setdefault(text(figure), []), figure.provenance)
    return [ConflictValue(value, provenance) for value, provenance in sides.items()]


def measure_name(figure: Figure) -> str:
    """"infection rate (cases per 100,000 people)"; a count named by its unit is named once ("people killed")."""
    named = figure.unit == "" or set(fold(figure.unit).split()) <= set(fold(figure.label).split())
    return figure.label if named else f"{figure.label} ({figure.unit})"


_DURATIONS = {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
              "months", "year", "years", "decade", "decades", "year-old", "years-old"}


def is_duration(figure: Figure) -> bool:
    """"4 years", "two days", an age: lengths of many different things, never one measure to compare."""
    words = fold(figure.unit).split()
    return (bool(words) and words[-1] in _DURATIONS and "per" not in words) or fold(figure.label) == "age"


_PLACE_OR_CLOCK = {"mile", "miles", "km", "kilometre", "kilometres", "kilometer", "kilometers", "metre", "metres",
                   "meter", "meters", "feet", "yards", "am", "pm", "a.m", "p.m", "gmt", "utc", "edt", "est"}


def _time_or_distance(figure: Figure) -> bool:
    """A duration, a distance or a time of day: lengths of different things, never one measure."""
    words = fold(figure.unit).split()
    return is_duration(figure) or (bool(words) and words[-1].rstrip(".") in _PLACE_OR_CLOCK)


_GENERIC_COUNTS = {"people", "persons", "men", "women", "children", "others", "times", "usd", "eur", "gbp"}


def is_comparable(figure: Figure) -> bool:
    """Two values of it on one date disagree: not a duration, a distance, a vague word ("thousands") or a bare
    count of people or money ("398 people" killed and "1,000 people" fled; "$2 billion" frozen and "$30 million"
    pledged)."""
    if _time_or_distance(figure) or figure.vague:
        return False
    return fold(figure.label) != fold(figure.unit) or fold(figure.unit) not in _GENERIC_COUNTS


def is_key_figure(figure: Figure) -> bool:
    """Worth a place among a story's key numbers: a named measure or share, a rate, money or a count of ten
    or more; not a duration, a distance, a time of day or a bare percentage ("two countries", "30 miles")."""
    if _time_or_distance(figure):
        return False
    if fold(figure.label) != fold(figure.unit):
        return True  # a named measure: "unemployment rate", "share of vote: X", "population"
    if figure.unit == "%" or fold(figure.unit) in _GENERIC_COUNTS:
        return False  # "100 percent" or "2,000 people" of nothing named
    return figure.unit in ("USD", "EUR", "GBP") or " per " in f" {fold(figure.unit)} " or figure.value >= 10


# Words that name one outcome however a sentence puts it: "19 people killed", "the dead", "the death toll" and
# "200 died" count the same thing. General English news vocabulary, not any story's.
MEASURE_FAMILIES = {
    "deaths": {"killed", "died", "dead", "death", "deaths", "toll", "fatalities", "slain"},
    "injured": {"injured", "wounded", "hurt", "injuries"},
    "displaced": {"displaced", "fled", "evacuated", "refugees", "homeless"},
    "arrested": {"arrested", "detained"},
    "missing": {"missing"},
}


def measure_key(figure: Figure) -> str:
    """What a figure counts, for comparing it with other articles' figures: its family of outcome words and who
    it counts ("42 Americans evacuated" and "2,000 tourists evacuated" are two counts; "people", "others" and
    an unnamed count are anyone), or its label and unit."""
    words = set(fold(figure.label).split())
    family = next((name for name, members in MEASURE_FAMILIES.items() if words & members), "")
    who = fold(figure.unit)
    if family:
        return family if who in _GENERIC_COUNTS or who == "" or set(who.split()) & MEASURE_FAMILIES[family] \
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
    for key, reports in running_counts(figures, articles).items():
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


def _corroborated(reports: list[Report], by_id: dict[str, Figure]) -> list[Report]:
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
    recent = _corroborated([r for r in reports if r.day >= latest_from], by_id)
    if not recent:
        return None
    best = max(recent, key=lambda r: (r.top, r.day))
    if best.top <= 0:
        return None
    earlier = _corroborated([r for r in reports if r.day < latest_from], by_id)
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


def format_number(value: float, upper: float | None = None) -> str:
    """"1,200", "44.2", "100,000–200,000"."""
    def one(number: float) -> str:
        return f"{number:,.2f}".rstrip("0").rstrip(".")
    return one(value) if upper is None else f"{one(value)}–{one(upper)}"


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


def tellings(figure: Figure) -> int:
    """How many different sentences give it: a sentence reprinted verbatim by many articles (a live blog's old
    entries, a wire story) is one telling, however many sources carry it."""
    return len({p.quote for p in figure.provenance})


def key_figures(figures: list[Figure], document_frequency: Counter, start: int | None = None,
                limit: int = 6) -> list[Figure]:
    """The key numbers of the overview: those most sources give in sentences of their own (a sentence reprinted
    verbatim counts once), among the figures worth it and of the story's time (`start`); between equals, those
    most sources give, then the one told in the words most articles use (the story's own numbers, not a
    sidebar's)."""
    worth = [f for f in figures if is_key_figure(f) and not all(is_question(p.quote) for p in f.provenance)
             and not of_the_past(f, start)]
    return sorted(worth, key=lambda f: (-min(tellings(f), sources_count(f.provenance)), -sources_count(f.provenance),
                                        -topicality(content_words(f.provenance[0].quote), document_frequency),
                                        f.id))[:limit]


SAME_COUNT_RATIO = 3  # two sources' readings of one count rarely differ more; past it they count different things


def could_be_one_count(values: list[float]) -> bool:
    """Values near enough to be sources disagreeing on one count: "10 killed" in one town and "1,000 killed" in the
    country, or an incident's toll and the running total, are two counts, and shown as no disagreement."""
    magnitudes = [abs(v) for v in values]
    return min(magnitudes) > 0 and max(magnitudes) / min(magnitudes) <= SAME_COUNT_RATIO


def close_values(a: float, b: float) -> bool:
    """Equal, or apart by no more than rounding would explain."""
    return abs(a - b) <= 0.5 or (max(abs(a), abs(b)) > 0 and abs(a - b) / max(abs(a), abs(b)) < 0.02)


def attribute_shared_figures(figures: list[Figure]) -> list[Figure]:
    """A value given for a whole measure ("both won 38% of the vote") also speaks for each named part of it
    ("share of vote: X") in the same or a more precise period, when the values are within rounding; it is
    then compared with each part, so agreement merges and a rounding difference is shown."""
    parts: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for figure in figures:
        if ": " in figure.label:
            parts[(fold(figure.label.split(": ")[0]), fold(figure.unit))].append(figure)
    result = []
    for figure in figures:
        named = [p for p in parts.get((fold(figure.label), fold(figure.unit)), [])
                 if figure.period and p.period.startswith(figure.period) and close_values(p.value, figure.value)
                 and {x.source for x in p.provenance} != {x.source for x in figure.provenance}]
        labels = sorted({(p.label, p.period) for p in named})
        if ": " in figure.label or not labels:
            result.append(figure)
            continue
        signal = f"{figure.signal}; given for the whole measure, so compared with each named part"
        result += [Figure("", figure.value, figure.unit, label, period, figure.approximate, figure.text,
                          list(figure.provenance), signal, figure.upper, figure.vague) for label, period in labels]
    return result


def format_value(figure: Figure) -> str:
    value = figure.text if figure.vague else format_number(figure.value)
    return f"{value}%" if figure.unit == "%" else f"{value} {figure.unit}".strip()
