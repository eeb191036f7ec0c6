"""One figure per value, measure and period across articles, which of them disagree, and which are worth the
overview's key numbers (running counts, whose reports over the days are revisions, are `counts`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from ..extract import content_words
from ..extract.actors import fold
from ..extract.dates import years_mentioned
from ..extract.events import is_question
from ..model import Article, Conflict, ConflictValue, Extraction, Figure, Provenance
from .common import add_provenance, sources_count, topicality

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


SHARED_WORDS = 2  # words two tellings of one figure share besides its number and measure ("Ladeira", "hospital")


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
    days: set[str]  # the publication dates of its articles


MERGE_WITHIN_DAYS = 2  # one incident's count is told within a news cycle or two; the same count in the same words
# weeks later is another incident's ("at least 10 killed" in four shellings of one town)


def _near(day: str, days: set[str]) -> bool:
    """`day` within MERGE_WITHIN_DAYS of one of `days`; an undated article is near any."""
    if len(day) != 10 or any(len(other) != 10 for other in days):
        return True
    told = date.fromisoformat(day)
    return any(abs((told - date.fromisoformat(other)).days) <= MERGE_WITHIN_DAYS for other in days)


def merge_figures(extractions: list[Extraction], start: int | None = None,
                  story_wide: frozenset[str] = frozenset(),
                  published: dict[str, str] | None = None) -> tuple[list[Figure], list[Conflict]]:
    """Equal figures merge when they tell one fact: the same value, measure and period; without a period, only
    when their sentences also share words besides them and their articles are of days MERGE_WITHIN_DAYS apart at
    most (`published`: each article's date), or one reprints the other's sentence ("two people were killed" in
    Ladeira and in Porto Alto are two figures, each with its own source). The same measure and period with
    different values is a conflict (unless the period is years before the story, `start`)."""
    published = published or {}
    merged: dict[tuple, list[_Telling]] = defaultdict(list)
    for figure in attribute_shared_figures([f for x in extractions for f in x.figures]):
        words = telling_words(figure, story_wide)
        quotes = {p.quote for p in figure.provenance}
        day = published.get(figure.provenance[0].source, "")
        kin = merged[(*figure_key(figure), figure.value, figure.upper)]
        home = next((t for t in kin if figure.period  # the same value of one measure for one period is one fact
                     or quotes & t.quotes  # a sentence reprinted
                     or (_near(day, t.days) and any(len(words & seen) >= SHARED_WORDS for seen in t.words))), None)
        if home:
            add_provenance(home.figure.provenance, figure.provenance)
            home.figure.approximate = home.figure.approximate and figure.approximate
            home.words.append(words)
            home.quotes |= quotes
            home.days.add(day)
        else:
            kin.append(_Telling(replace(figure, id="", provenance=list(figure.provenance)), [words], quotes, {day}))
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


UNNAMED_CHANGES = {"rise", "fall"}  # how extract labels a percentage change whose measure the sentence does not name


def names_its_measure(figure: Figure) -> bool:
    """Not a change of something unnamed ("rose 11% this year": what rose?), which no other figure can be
    compared with, nor be a key number."""
    return fold(figure.label) not in UNNAMED_CHANGES


GENERIC_COUNTS = {"people", "persons", "men", "women", "children", "others", "times", "usd", "eur", "gbp"}


def is_comparable(figure: Figure) -> bool:
    """Two values of it on one date disagree: not a duration, a distance, a vague word ("thousands"), a change of
    something unnamed, or a bare
    count of people or money ("398 people" killed and "1,000 people" fled; "$2 billion" frozen and "$30 million"
    pledged)."""
    if _time_or_distance(figure) or figure.vague or not names_its_measure(figure):
        return False
    return fold(figure.label) != fold(figure.unit) or fold(figure.unit) not in GENERIC_COUNTS


# Words that name one outcome however a sentence puts it: "19 people killed", "the dead", "the death toll" and
# "200 died" count the same thing. General English news vocabulary, not any story's.
MEASURE_FAMILIES = {
    "deaths": {"killed", "died", "dead", "death", "deaths", "toll", "fatalities", "slain"},
    "injured": {"injured", "wounded", "hurt", "injuries"},
    "displaced": {"displaced", "fled", "evacuated", "refugees", "homeless"},
    "arrested": {"arrested", "detained"},
    "missing": {"missing"},
}


OUTCOME_WORDS = frozenset().union(*MEASURE_FAMILIES.values())
_MONEY = ("USD", "EUR", "GBP")


def is_key_figure(figure: Figure) -> bool:
    """Worth a place among a story's key numbers: a named measure or share, a rate, money or a count of ten
    or more; not a duration, a distance, a time of day or a bare percentage ("two countries", "30 miles"). A
    count of fewer than ten, or a vague one ("thousands"), only of an outcome (the dead, the injured, the
    displaced): "two military tanks prevented" or "thousands angry defied" is the parse's guess at a measure,
    not a number a reader looks for. An outcome only with a period of its own: without one, a toll is either
    the running count, which the overview states as it stands when the latest reports establish it, or one
    incident's ("at least 10 killed"), or an old total ("233 killed" in February, in a story of October)."""
    if _time_or_distance(figure) or not names_its_measure(figure):
        return False
    outcome = bool(set(fold(figure.label).split()) & OUTCOME_WORDS)
    if outcome and (not figure.period or figure.period.startswith("since ")):
        return False  # a toll with no period: the count as it stands (counts) or one incident's, not a key number
    counted = figure.unit != "%" and figure.unit not in _MONEY and " per " not in f" {fold(figure.unit)} "
    if counted and (figure.vague or figure.value < 10) and not outcome:
        return False
    if fold(figure.label) != fold(figure.unit):
        return True  # a named measure: "unemployment rate", "share of vote: X", "population"
    if figure.unit == "%" or fold(figure.unit) in GENERIC_COUNTS:
        return False  # "100 percent" or "2,000 people" of nothing named
    return figure.unit in _MONEY or _is_rate(figure) or figure.value >= 10


def _is_rate(figure: Figure) -> bool:
    return " per " in f" {fold(figure.unit)} "  # "deaths per day", "cases per 100,000 people"


def says_what_it_counts(figure: Figure) -> bool:
    """Worth a row of the figures page: a measure named beyond its unit ("people killed"), a rate, or a count of
    ten or more of something described ("12,500 registered voters") or of a period ("512 burglaries" in January);
    not a bare noun counted ("three grandchildren", "30 nations", "10 votes": of what?), a vague plural of it
    ("thousands of residents"), a bare percentage or a sum of money with no measure ("$160 million"). Those stay
    in the downloads with their sentences."""
    if fold(figure.label) != fold(figure.unit) or _is_rate(figure):
        return True
    described = bool(figure.period) or len(figure.unit.split()) > 1
    return described and figure.unit != "%" and figure.unit not in _MONEY and not figure.vague and figure.value >= 10


def format_number(value: float, upper: float | None = None) -> str:
    """"1,200", "44.2", "100,000–200,000"."""
    def one(number: float) -> str:
        return f"{number:,.2f}".rstrip("0").rstrip(".")
    return one(value) if upper is None else f"{one(value)}–{one(upper)}"


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
