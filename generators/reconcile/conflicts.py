"""Disagreements between sources, each naming every side: a count reported differently on one day, one number
said to cover different periods, one event told with different dates, a title and its former holder. What may
not be a disagreement a reporter would call one (two incidents, two places, an update, our reading of a date) is
marked with its `doubt` and held back for the editor (review.yml), not shown to the reader."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import pairwise

from ..extract import content_words
from ..extract.actors import fold
from ..extract.dates import calendar_days, without_dates
from ..extract.events import date_words, dated_by_its_article, year_read_from_article
from ..model import Actor, Article, Conflict, ConflictValue, Event, Figure, Provenance, Report
from .actors import FORMER
from .common import sources_count
from .counts import corroborated, running_counts
from .events import CALENDAR_WORDS
from .figures import (
    OUTCOME_WORDS,
    SAME_COUNT_RATIO,
    SHARED_WORDS,
    close_values,
    could_be_one_count,
    format_number,
    format_value,
    is_duration,
    measure_name,
    of_the_past,
    telling_words,
    values_told,
)


def _overlap(a: Report, b: Report) -> bool:
    return a.value <= b.top and b.value <= a.top


def same_day_conflicts(figures: list[Figure], articles: list[Article],
                       story_wide: frozenset[str] = frozenset()) -> list[Conflict]:
    """Sources giving different values of one running count on the same day disagree; a value reported on a
    later day is a revision, not a disagreement. A source's count that day is the largest it gives (its
    smaller ones are parts: one town's dead in a toll). Values far below the total several sources gave by that
    day are held back (`doubt`): each may be one incident's toll, and two incidents' tolls are no disagreement;
    so are values whose sentences share no words but the count's and the story's (`story_wide`): with no period
    stated, only their words could tie them to one fact, as when figures merge (SHARED_WORDS)."""
    by_id = {f.id: f for f in figures}
    conflicts = []
    for reports in running_counts(figures, articles).values():
        totals = corroborated(reports, by_id)
        counted: dict[str, set[float]] = defaultdict(set)  # each sentence: the values of this count it gives
        for report in reports:
            for p in by_id[report.figure].provenance:
                counted[p.quote].add(report.value)
        largest: dict[tuple[str, str], Report] = {}
        for report in reports:
            key = (report.day, report.source)
            if key not in largest or report.top > largest[key].top:
                largest[key] = report
        by_day: dict[str, list[Report]] = defaultdict(list)
        for report in largest.values():
            by_day[report.day].append(report)
        for day, said in sorted(by_day.items()):
            if len({r.source for r in said}) < 2 or all(_overlap(a, b) for a in said for b in said) \
                    or not could_be_one_count([r.value for r in said] + [r.top for r in said]):
                continue
            ids = sorted({r.figure for r in said}, key=lambda i: (by_id[i].value, i))
            sides: dict[str, tuple[str, list[Provenance]]] = {}  # "3 people" told by two figures is one side
            for r in sorted(said, key=lambda r: (by_id[r.figure].value, r.source)):
                _, side = sides.setdefault(format_number(r.value, r.upper), (format_value(by_id[r.figure]), []))
                side += [p for p in by_id[r.figure].provenance if p.source == r.source and p not in side]
            values = [by_id[i].value for i in ids]
            by_then = max((r.top for r in totals if r.day <= day), default=0.0)
            lowest = min(r.top for r in said)
            told = [_words_told(r, by_id, story_wide) for r in said]
            if any(len(counted[p.quote]) > 1 for r in said for p in by_id[r.figure].provenance if p.source == r.source):
                doubt = "a sentence gives several values of it: parts (one place, one group), not the total"
            elif lowest * SAME_COUNT_RATIO < by_then:
                doubt = (f"{format_number(lowest)} is far below the total of {format_number(by_then)} several sources "
                         "gave by then: the values may be tolls of different incidents")
            elif not all(any(len(mine & theirs) >= SHARED_WORDS for theirs in told[:i] + told[i + 1:])
                         for i, mine in enumerate(told)):
                doubt = "their sentences share no words but the count's: they may tell different incidents"
            else:
                doubt = ""
            conflicts.append(Conflict(
                id="", kind="figure", about=f"{measure_name(by_id[ids[0]])}, reported on {day}",
                minor=close_values(max(values), min(values)),
                values=[ConflictValue(said_as, provenance) for said_as, provenance in sides.values()], items=ids,
                doubt=doubt))
    return conflicts


def _words_told(report: Report, by_id: dict[str, Figure], story_wide: frozenset[str]) -> set[str]:
    """What a source's sentences say around its figure (telling_words, for that source alone)."""
    figure = by_id[report.figure]
    own = replace(figure, provenance=[p for p in figure.provenance if p.source == report.source])
    return telling_words(own, story_wide) - CALENDAR_WORDS


UPDATED = ("each later report gives a higher count, none on the same day as a lower one: the toll was updated as "
           "it rose, not disputed")


def doubt_updates(conflicts: list[Conflict], figures: list[Figure], articles: list[Article]) -> None:
    """A toll of one period (the dead of Wednesday's clashes) that later articles give higher, and no two sources
    of one day give differently, was updated, not disputed ("639 injured" one day, "more than 800" the next): held
    back. Only outcomes (the dead, the injured, the displaced, …), which rise as they are counted."""
    published = {a.source: a.published for a in articles if a.published}
    by_id = {f.id: f for f in figures}
    for conflict in conflicts:
        told = sorted((by_id[i] for i in conflict.items if i in by_id), key=lambda f: f.value)
        if conflict.kind != "figure" or conflict.doubt or len(told) < 2 \
                or not set(fold(told[0].label).split()) & OUTCOME_WORDS:
            continue
        days = [sorted(published.get(p.source, "") for p in f.provenance) for f in told]
        if all(all(day) for day in days) and all(lower[-1] < higher[0] for lower, higher in pairwise(days)):
            conflict.doubt = UPDATED


def doubt_counts_of_two_things(conflicts: list[Conflict], actors: list[Actor], figures: list[Figure]) -> None:
    """Values of a figure disagreement that may count two things are held back: counts told of places that are
    not the same ("26 died in Ladeira", "50 were killed in Porto Alto"; "14 in Ladeira", "25 around Ladeira and
    Porto Alto", also when the model reads that as one name), leaving out the story's own (named by most
    sources), or a sentence that gives both values ("destroyed 11 tanks near A and 14 near B"), unless the parse
    named whose each value is ("share of vote: X")."""
    parted = {f.id for f in figures if ": " in f.label}
    sources = {p.source for a in actors for p in a.provenance}
    places: dict[tuple[str, int], set[str]] = defaultdict(set)
    place_names = {fold(a.name): a.name for a in actors if a.kind == "place"}
    for actor in actors:
        named = [actor.name] if actor.kind == "place" else [  # "Ladeira and Porto Alto" read as one organisation
            place_names[fold(part)] for part in actor.name.split(" and ") if " and " in actor.name
            and fold(part) in place_names]
        if named and len({p.source for p in actor.provenance}) <= len(sources) / 2:
            for p in actor.provenance:
                places[(p.source, p.sentence)].update(named)

    def elsewhere(conflict: Conflict) -> bool:
        named = [set().union(*(places.get((p.source, p.sentence), set()) for p in value.provenance))
                 for value in conflict.values]
        return any(a and b and a != b for i, a in enumerate(named) for b in named[i + 1:])

    def gives_both(conflict: Conflict) -> bool:
        values = {_numbers(v.value)[0] for v in conflict.values if _numbers(v.value)}
        return any(len(values & set(_numbers(without_dates(p.quote)))) >= 2 for v in conflict.values
                   for p in v.provenance)

    for conflict in conflicts:
        if conflict.kind != "figure" or conflict.doubt:
            continue
        if elsewhere(conflict):
            conflict.doubt = "its sides name different places: each may count one place, or a part"
        elif not parted & set(conflict.items) and gives_both(conflict):
            conflict.doubt = "one sentence gives two of its values: they may count two things"


_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d.,])\d+(?:\.\d+)?(?![\d,])")


def _numbers(text: str) -> list[float]:
    """The numbers written in digits ("1,600,000", "44.2"), in order."""
    return [float(n.replace(",", "")) for n in _NUMBER.findall(text)]


def period_conflicts(figures: list[Figure], start: int | None = None) -> list[Conflict]:
    """The same number for the same measure, but said to cover different periods ("in 2024" / "since 2023");
    not for a period years before the story (`start`). Held back for an editor (OVER_PERIODS)."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.period and fold(figure.label) != fold(figure.unit) and not is_duration(figure) \
                and not figure.vague and not of_the_past(figure, start):
            groups[(fold(figure.label), fold(figure.unit), figure.value)].append(figure)
    conflicts = []
    for group in groups.values():
        if len({f.period for f in group}) < 2 or len({p.source for f in group for p in f.provenance}) < 2:
            continue
        conflicts.append(Conflict(
            id="", kind="period", about=f"{_value_and_measure(group[0])}: over which period?",
            minor=False, values=values_told(group, lambda f: f.period), items=[f.id for f in group],
            doubt=OVER_PERIODS))
    return conflicts


OVER_PERIODS = ("one number said to cover different periods: most often two counts that happen to be equal, or one "
                "period told two ways, rather than sources that disagree")


def date_conflicts(events: list[Event]) -> list[Conflict]:
    """One event told with different dates: nearly the same words, from different sources, dates that disagree.

    A year and a day within it do not disagree ("in 2025" / "on 2025-02-09"). One side read from its article's
    date ("last Thursday") is held back (RELATIVE_DATE). Candidate pairs come from an index of shared words, so
    the cost grows with the story, not with its square.
    """
    words = [content_words(e.text) - CALENDAR_WORDS for e in events]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, mine in enumerate(words):
        for word in mine:
            postings[word].append(i)
    conflicts, seen = [], set()
    for i, event in enumerate(events):
        shared: Counter = Counter()
        for word in words[i]:
            if len(postings[word]) <= 50:  # common words say nothing about sameness
                shared.update(j for j in postings[word] if j > i)
        for j, count in shared.items():
            other = events[j]
            a, b = event.date.value, other.date.value
            jaccard = count / len(words[i] | words[j])  # both tellings mostly the same words, not one inside the other
            if count < 4 or a.startswith(b) or b.startswith(a) or jaccard < 0.5:
                continue
            if {p.source for p in event.provenance} & {p.source for p in other.provenance} or (i, j) in seen:
                continue
            if {p.quote for p in event.provenance} & {p.quote for p in other.provenance}:
                continue  # the very same words read against two article dates: our reading differs, not the sources
            if dated_by_its_article(event) and dated_by_its_article(other):
                continue  # "today" in two articles of different days: nothing the sources dispute
            if any(words and re.search(rf"\b{re.escape(fold(words))}\b", fold(p.quote))
                   for words, told in ((date_words(event), other), (date_words(other), event))
                   for p in told.provenance) or _same_day_named(event, other):
                continue  # both sentences give the date in the same words: our readings differ, not the sources
            relative = any(dated_by_its_article(e) or year_read_from_article(e) for e in (event, other))
            seen.add((i, j))
            conflicts.append(Conflict("", "date", f"When did it happen? {min(event.text, other.text, key=len)}", False,
                                      [ConflictValue(a, list(event.provenance)), ConflictValue(b, list(other.provenance))],
                                      [event.id, other.id], RELATIVE_DATE if relative else ""))
    return conflicts


RELATIVE_DATE = ("one side's date, or its year, is read from its article's date (\"on Thursday\", \"on 25 June\"), "
                 "which may not be the day or year meant: the reading may differ where the sources do not")


def _same_day_named(a: Event, b: Event) -> bool:
    """The month and day one event's date was read from are named in the other's sentence too ("in June" and
    "on 25 June" agree on June; a live page's stamp "8 October 2011 … on the night of 25 June"), whatever the years
    we read: the difference is our reading (which date, which year), not what the sources say."""
    def agree(event: Event, other: Event) -> bool:
        own = calendar_days(date_words(event))
        named = set().union(*(calendar_days(p.quote) for p in other.provenance))
        return any(m1 == m2 and (d1 == d2 or not d1 or not d2) for m1, d1 in own for m2, d2 in named)
    return agree(a, b) or agree(b, a)


_TITLE_START = re.compile(r"^(?:[A-Z]|(?:former|ex-|then-|then|incumbent|acting|interim)\b)")


_NO_LONGER = re.compile(r"\b(?:former|ex-)", re.I)
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "sir", "dame"}  # a form of address, not a title one holds


def role_conflicts(actors: list[Actor]) -> list[Conflict]:
    """One person given a title by one source and called its former holder by another, each wording standing
    right before the person's name ("former U.S. President John Carter"; not a title somewhere in a sentence
    that names them); not "then President X" (the past, no clash). Always held back for an editor
    (TITLE_OVER_TIME): a title held and later lost is no disagreement, and one is often given as it was at the
    time told ("President Reagan ordered …"), even in articles of one day."""
    conflicts = []
    for actor in actors:
        if actor.kind != "person":
            continue
        titles = [r for r in actor.roles if _TITLE_START.match(r) and len(r.split()) <= 4]  # not "in the singer"
        current = [r for r in titles if not FORMER.search(r)]
        former = [r for r in titles if _NO_LONGER.search(r)]  # "then President X" tells the past: no clash
        sides_of: dict[str, tuple[list[str], list[str]]] = {}  # one disagreement per title, however worded
        for old in former:
            title = FORMER.sub("", old).split()[-1].lower() if FORMER.sub("", old).split() else ""
            clashing = [r for r in current if r.split() and r.split()[-1].lower() == title]
            if clashing and title not in HONORIFICS:
                olds, news = sides_of.setdefault(title, ([], []))
                olds.append(old)
                news += [r for r in clashing if r not in news]
        for title, (olds, news) in sides_of.items():
            values = []
            claimed: set[Provenance] = set()
            # the "former …" wordings first, longest first, so their sentences are not counted for the plain title
            for role in sorted(olds, key=lambda r: (-len(r), r)) + news:
                said = [p for p in actor.provenance if p not in claimed and any(
                    _titled(role, name, p.quote, role in news) for name in (actor.name, *actor.aliases))]
                claimed.update(said)
                if said:
                    values.append(ConflictValue(role, said))
            if len(values) >= 2 and len({p.source for v in values for p in v.provenance}) >= 2:
                conflicts.append(Conflict("", "role", f"{actor.name}: {title} or former {title}?", False, values,
                                          [actor.id], TITLE_OVER_TIME))
    return conflicts


def _titled(role: str, name: str, sentence: str, as_holder: bool) -> bool:
    """The sentence puts the title right before the name; as its holder, not after "former" ("Former Kenyan
    Foreign Minister X" gives "Kenyan Foreign Minister" to no current holder)."""
    said, wording = fold(sentence), fold(f"{role} {name}")
    return any(not (as_holder and _NO_LONGER_BEFORE.search(said[:m.start()]))
               for m in re.finditer(re.escape(wording), said))


_NO_LONGER_BEFORE = re.compile(r"(?:\bformer|\bex-|\bthen-?)\s*(?:[\w'’.-]+\s+){0,2}$")  # "former Kenyan …"


TITLE_OVER_TIME = ("a title and its former holder: most often the title was lost or won between the articles, or is "
                   "given as it was at the time told, rather than disputed")


def _value_and_measure(figure: Figure) -> str:
    """"12 officers hurt", "16% fall in murder rate", "40% of vote"."""
    if figure.unit not in ("", "%") and measure_name(figure) == figure.label:
        return f"{format_value(figure).removesuffix(figure.unit).strip()} {figure.label}"
    joined = " " if figure.unit == "%" and figure.label.startswith(("rise", "fall")) else " of "
    return f"{format_value(figure)}{joined}{figure.label}"


def by_reach(conflicts: list[Conflict]) -> list[Conflict]:
    """The disagreements the most sources are part of first (then in order of discovery)."""
    return sorted(conflicts, key=lambda c: (-sources_count([p for v in c.values for p in v.provenance]), c.id))


def mark_disputed_events(conflicts: list[Conflict], events: list[Event]) -> None:
    """An event told in a sentence whose number the sources dispute is disputed too (410 or 460 burglaries)."""
    told_in: dict[tuple[str, int], list[str]] = defaultdict(list)
    for event in events:
        for p in event.provenance:
            told_in[(p.source, p.sentence)].append(event.id)
    for conflict in conflicts:
        if conflict.kind in ("figure", "period"):
            found = [i for v in conflict.values for p in v.provenance for i in told_in[(p.source, p.sentence)]]
            conflict.items += [i for i in dict.fromkeys(found) if i not in conflict.items]
