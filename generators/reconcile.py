"""Merge what each article says into one story, keeping every source and every disagreement.

The same fact in several articles becomes one item with several provenances;
the same measure with different values becomes a `Conflict` that names both
sides. Nothing is averaged or silently picked.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .extract import content_words
from .extract.actors import NameIndex, fold, spelling_key
from .extract.dates import MONTHS, WEEKDAYS, Reference, find_dates
from .extract.events import dated_by_its_article, is_question
from .extract.stance import stance_of
from .model import (
    Actor,
    Article,
    Conflict,
    ConflictValue,
    DateRef,
    Event,
    Extraction,
    Figure,
    Provenance,
    Quote,
    Report,
    Revision,
    Story,
    View,
)
from .timeline import LEAD_SENTENCES, leans_on_context

EVENT_SIMILARITY = 0.35


_CALENDAR = {*MONTHS, *WEEKDAYS}


def same_event(a: Event, b: Event, words_a: set[str], words_b: set[str]) -> bool:
    """Same date, and enough shared words: fewer are needed when the date is a precise day."""
    if a.date.value != b.date.value:
        return False
    shared = (words_a & words_b) - _CALENDAR - {a.date.value[:4]}
    if a.date.precision == "day":
        return len(shared) >= 1 and overlap(words_a, words_b) >= 0.15
    return overlap(words_a, words_b) >= EVENT_SIMILARITY


def overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _add_provenance(target: list[Provenance], extra: list[Provenance]) -> None:
    present = set(target)
    target.extend(item for item in extra if item not in present)


def merge_actors(extractions: list[Extraction]) -> tuple[list[Actor], dict[str, str]]:
    """One actor per name across articles; returns the actors and a map from every name to its canonical one."""
    index = NameIndex()
    kinds: dict[str, Counter] = defaultdict(Counter)  # an actor is what most of its mentions say it is
    signals: dict[tuple[str, str], str] = {}  # and the clue for that kind
    pending = [a for x in extractions for a in x.actors]
    used_as_name = Counter(a.name for a in pending)  # in how many articles each spelling is an actor's own name
    pending.sort(key=lambda a: (-len(a.name.split()), -a.mentions, a.name, a.provenance[0].source))
    for actor in pending:
        key = index.resolve(actor.name, kind=actor.kind)
        for alias in actor.aliases:
            if key is None and len(alias.split()) > 1:
                key = index.resolve(alias, kind=actor.kind)
        if key is None:
            key = index.add(Actor("", actor.name, actor.kind, list(actor.aliases), list(actor.roles), actor.mentions,
                                  list(actor.provenance), actor.signal))
            kinds[key][actor.kind] += actor.mentions
            signals[(key, actor.kind)] = actor.signal
            continue
        target = index.actors[key]
        kinds[key][actor.kind] += actor.mentions
        signals.setdefault((key, actor.kind), actor.signal)
        for name in [actor.name, *actor.aliases]:
            if name != target.name and name not in target.aliases:
                target.aliases.append(name)
                index.alias(key, name)
        for role in actor.roles:
            if fold(role) not in {fold(r) for r in target.roles}:
                target.roles.append(role)
        target.mentions += actor.mentions
        for provenance in actor.provenance:
            index.cite(key, provenance)
    for key, actor in index.actors.items():
        actor.kind = max(kinds[key].items(), key=lambda kv: (kv[1], kv[0] == actor.kind))[0]
        actor.signal = signals[(key, actor.kind)]
    for actor in index.actors.values():
        _choose_name(actor, used_as_name)
    merged = merge_same_names(merge_spellings(list(index.actors.values())))
    for actor in merged:
        _order_roles(actor)
    actors = sorted(merged, key=_prominence)
    canonical: dict[str, str] = {}
    for number, actor in enumerate(actors, 1):
        actor.id = f"actor-{number}"
        for name in [actor.name, *actor.aliases]:
            canonical[fold(name)] = actor.name
    return actors, canonical


def _prominence(actor: Actor) -> tuple:
    return -len({p.source for p in actor.provenance}), -actor.mentions, actor.name


def _absorb(target: Actor, other: Actor) -> None:
    for name in [other.name, *other.aliases]:
        if name != target.name and name not in target.aliases:
            target.aliases.append(name)
    target.roles += [r for r in other.roles if fold(r) not in {fold(t) for t in target.roles}]
    target.mentions += other.mentions
    cited = set(target.provenance)
    target.provenance += [p for p in other.provenance if p not in cited]


def merge_spellings(actors: list[Actor]) -> list[Actor]:
    """One person spelt differently by different newsrooms ("Muammar Gaddafi", "Moammar Gadhafi", "Muammar
    Qaddafi") is one actor; two spellings that mostly meet in the same articles are two people."""
    by_key: dict[str, list[Actor]] = defaultdict(list)
    for actor in actors:
        if actor.kind == "person" and len(actor.name.split()) > 1:
            by_key[spelling_key(actor.name)].append(actor)
    absorbed: set[int] = set()
    for group in by_key.values():
        group.sort(key=_prominence)
        target = group[0]
        for other in group[1:]:
            mine, theirs = {p.source for p in target.provenance}, {p.source for p in other.provenance}
            if len(mine & theirs) * 4 > min(len(mine), len(theirs)):
                continue  # mostly in the same articles: two people (a stray mixed spelling is let pass)
            _absorb(target, other)
            absorbed.add(id(other))
    return [a for a in actors if id(a) not in absorbed]


def merge_same_names(actors: list[Actor]) -> list[Actor]:
    """Actors that came to be called the same ("Unfortunately NATO" and "NATO" both named "NATO") are one."""
    by_name: dict[str, list[Actor]] = defaultdict(list)
    for actor in actors:
        by_name[fold(actor.name)].append(actor)
    kept = []
    for group in by_name.values():
        group.sort(key=_prominence)
        for other in group[1:]:
            _absorb(group[0], other)
        kept.append(group[0])
    return kept


def _order_roles(actor: Actor) -> None:
    """The title most sources give comes first, in its fullest current form: "Foreign Secretary", not "Secretary"."""
    quotes = [(p.source, fold(p.quote)) for p in actor.provenance] if len(actor.roles) > 1 else []
    said_by = {r: len({source for source, quote in quotes if fold(r) in quote}) for r in actor.roles}
    actor.roles.sort(key=lambda r: -said_by[r])
    if actor.roles:
        top = re.compile(rf"\b{re.escape(fold(actor.roles[0]))}\b")
        fuller = [r for r in actor.roles[1:] if top.search(fold(r)) and not _FORMER.search(r)]
        if fuller:
            actor.roles.remove(fuller[0])
            actor.roles.insert(0, fuller[0])


NAME_SWITCH_RATIO = 5  # another name used as this many times more often replaces a place's or body's name


def _choose_name(actor: Actor, used_as_name: Counter) -> None:
    """The spelling most articles use ("Libya", not a dateline's "LIBYA"), with its accents if any; and for a
    place or organisation named so by one or a few articles, the name the others use ("Tripoli", not
    "Tripoli Central Hospital" that one article glued it into)."""
    used: Counter[str] = Counter()
    for name in [actor.name, *actor.aliases]:
        used[fold(name)] += used_as_name[name]  # "Núñez" and "Nunez" are one spelling, accents shown
    names = [n for n in [actor.name, *actor.aliases] if fold(n) == fold(actor.name)]
    current, most = used[fold(actor.name)], max(used.values())
    if actor.kind != "person" and (current <= 1 or most >= NAME_SWITCH_RATIO * current):
        names = [actor.name, *actor.aliases]  # a name few articles glued together ("Benghazi Medical Center")
    best = max(names, key=lambda n: (used[fold(n)], not n.isascii(), used_as_name[n], n == actor.name))
    if best != actor.name:
        actor.aliases = [actor.name, *[n for n in actor.aliases if n != best]]
        actor.name = best


def merge_events(extractions: list[Extraction], measures: dict[tuple[str, int], set[str]] | None = None) -> list[Event]:
    """Same date and largely the same words, or the same date and a figure of the same measure (410 or 460
    burglaries in June): one event, several sources. `measures` maps (source, sentence) to figure labels."""
    measures = measures or {}
    events: list[Event] = []
    words: list[set[str]] = []
    labels: list[set[str]] = []
    by_date: dict[str, list[int]] = defaultdict(list)  # only events of one date can be the same event
    for event in (e for x in extractions for e in x.events):
        mine = content_words(event.text)
        my_labels = set().union(*(measures.get((p.source, p.sentence), set()) for p in event.provenance))
        for i in by_date[event.date.value]:
            other = events[i]
            if same_event(other, event, words[i], mine) or labels[i] & my_labels:
                _add_provenance(other.provenance, event.provenance)
                other.scheduled = other.scheduled and event.scheduled  # once told as past, it happened
                labels[i] |= my_labels
                break
        else:
            by_date[event.date.value].append(len(events))
            events.append(Event("", event.date, event.text, event.scheduled, list(event.provenance),
                                signal=event.signal))
            words.append(mine)
            labels.append(my_labels)
    days_of_month: dict[str, list[int]] = defaultdict(list)
    for j, event in enumerate(events):
        if event.date.precision == "day":
            days_of_month[event.date.value[:7]].append(j)
    absorbed = set()
    for i, event in enumerate(events):  # "the strike in March" and "the strike on March 3"
        if event.date.precision != "month" or not labels[i]:
            continue
        day = next((j for j in days_of_month[event.date.value] if labels[j] & labels[i]), None)
        if day is not None:
            _add_provenance(events[day].provenance, event.provenance)
            absorbed.add(i)
    events = [e for i, e in enumerate(events) if i not in absorbed]
    for event in events:
        event.text = min((p.quote for p in event.provenance), key=lambda q: (len(q), q))  # the most direct telling
    return events


def number_events(events: list[Event]) -> list[Event]:
    """Ids in date order, once every event of the story is known."""
    events = sorted(events, key=lambda e: (e.date.value, e.provenance[0].source, e.provenance[0].sentence))
    for number, event in enumerate(events, 1):
        event.id = f"event-{number}"
    return events


def reported_events(articles: list[Article], dated: list[Event], document_frequency: Counter,
                    news: dict[str, tuple[int, ...]]) -> list[Event]:
    """What an article's lead tells without a date, and what its later sentences tell in the present perfect
    (`news`: "has asked"): placed at its publication date and marked so; an article without a date leaves it
    undated (value "", precision "none") for an editor to date.
    The same telling in several articles of one day is one event, judged by the words that are not the whole
    story's (those in most articles, and in three or more: "president", the country); dated events are never
    merged with these."""
    in_dated = {(p.source, p.sentence) for event in dated for p in event.provenance}
    story_wide = {w for w, n in document_frequency.items() if n > max(2, len(articles) / 2)}
    events: list[Event] = []
    words: list[set[str]] = []
    for lead in (True, False):  # leads first: later news joins a lead's event, never the other way round
        for article in sorted(articles, key=lambda a: (a.published, a.source)):
            day = article.published if len(article.published) == 10 else ""
            if article.published and not day:
                continue  # published in a month or year: too coarse to place news at
            reference = Reference.from_iso(day)
            when = DateRef(day, "day", "reported") if day else DateRef("", "none", "reported")
            told = "in the lead of" if lead else "in the present perfect in"
            signal = (f"reported on {day}: told without a date {told} an article published then" if day else
                      f"told without a date {told} an article that carries no date")
            later = set(news.get(article.source, ()))
            for sentence in (article.sentences[:LEAD_SENTENCES] if lead else
                             [s for s in article.sentences[LEAD_SENTENCES:] if s.index in later]):
                mine = content_words(sentence.text)
                if (len(mine) < 4 or (sentence.source, sentence.index) in in_dated or is_question(sentence.text)
                        or leans_on_context(sentence.text)  # "But experts argue …": met alone on a timeline
                        or find_dates(sentence.text, reference)):  # a date that makes no event: a trend, a period
                    continue
                where = Provenance(sentence.source, sentence.index, sentence.text)
                telling = mine - story_wide
                same = next((e for e, w in zip(events, words, strict=True) if e.date == when
                             and overlap(w, telling) >= EVENT_SIMILARITY), None)
                if same:
                    same.provenance.append(where)
                    continue
                events.append(Event("", when, sentence.text, False, [where], signal=signal))
                words.append(telling)
    return events


def sources_count(provenance: list[Provenance]) -> int:
    return len({p.source for p in provenance})


def figure_key(figure: Figure) -> tuple[str, str, str]:
    return fold(figure.label), fold(figure.unit), figure.period


def merge_figures(extractions: list[Extraction]) -> tuple[list[Figure], list[Conflict]]:
    """Equal figures merge; the same measure and period with different values is a conflict."""
    merged: dict[tuple, Figure] = {}
    for figure in attribute_shared_figures([f for x in extractions for f in x.figures]):
        key = (*figure_key(figure), figure.value, figure.upper)
        if key in merged:
            _add_provenance(merged[key].provenance, figure.provenance)
            merged[key].approximate = merged[key].approximate and figure.approximate
        else:
            merged[key] = Figure("", figure.value, figure.unit, figure.label, figure.period, figure.approximate,
                                 figure.text, list(figure.provenance), figure.signal, figure.upper)
    figures = sorted(merged.values(), key=lambda f: (fold(f.label), f.period, f.value))
    for number, figure in enumerate(figures, 1):
        figure.id = f"figure-{number}"
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.period and is_comparable(figure):  # without a period two values may measure different times
            groups[figure_key(figure)].append(figure)
    conflicts = []
    for (_, _, period), group in groups.items():
        sources = [{p.source for p in f.provenance} for f in group]
        if len(group) < 2 or len(set().union(*sources)) < 2:
            continue
        values = [f.value for f in group]
        minor = close_values(max(values), min(values))
        conflicts.append(Conflict(
            id="", kind="figure", about=f"{_measure(group[0])}, {period}", minor=bool(minor),
            values=[ConflictValue(_format_value(f), list(f.provenance)) for f in group], items=[f.id for f in group],
        ))
    conflicts += period_conflicts(figures)
    return figures, conflicts


def _measure(figure: Figure) -> str:
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
    """Two values of it on one date disagree: not a duration, a distance, or a bare count of people or money
    ("398 people" killed and "1,000 people" fled; "$2 billion" frozen and "$30 million" pledged)."""
    if _time_or_distance(figure):
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
    counts: dict[str, set[Report]] = defaultdict(set)
    for figure in figures:
        if is_running_count(figure):
            for p in figure.provenance:
                if p.source in published:
                    counts[measure_key(figure)].add(Report(published[p.source], figure.value, figure.upper,
                                                           p.source, figure.id))
    return {key: sorted(reports, key=lambda r: (r.day, r.value, r.source)) for key, reports in counts.items()}


def revisions(figures: list[Figure], articles: list[Article]) -> list[Revision]:
    """Running counts reported on two days or more with two values or more; tolls of the outcomes news counts
    (deaths, injured, displaced, …) first, then the most widely reported."""
    by_id = {f.id: f for f in figures}
    found = []
    for key, reports in running_counts(figures, articles).items():
        if len({r.day for r in reports}) >= 2 and len({(r.value, r.upper) for r in reports}) >= 2:
            labels = Counter(by_id[r.figure].label for r in reports)
            name = min(labels, key=lambda label: (-labels[label], label))
            found.append((key.split(" (")[0] not in MEASURE_FAMILIES, Revision(name, reports)))
    found.sort(key=lambda kr: (kr[0], -len({x.source for x in kr[1].reports}), kr[1].measure))
    return [revision for _, revision in found]


def format_number(value: float, upper: float | None = None) -> str:
    """"1,200", "44.2", "100,000–200,000"."""
    def one(number: float) -> str:
        return f"{number:,.2f}".rstrip("0").rstrip(".")
    return one(value) if upper is None else f"{one(value)}–{one(upper)}"


def headline_counts(found: list[Revision], limit: int = 3) -> list[dict]:
    """The story's running counts for the overview: the latest and the highest report, over how many days and
    sources; the n-th is charted as `revision-n` on the figures page."""
    rows = []
    for number, revision in enumerate(found[:limit], 1):
        reports = revision.reports
        latest = max(reports, key=lambda r: (r.day, r.top))
        highest = max(reports, key=lambda r: (r.top, r.day))
        rows.append({"measure": revision.measure, "latest": format_number(latest.value, latest.upper),
                     "as_of": latest.day, "chart": f"revision-{number}",
                     "highest": format_number(highest.value, highest.upper), "highest_on": highest.day,
                     "days": len({r.day for r in reports}), "sources": len({r.source for r in reports})})
    return rows


def _overlap(a: Report, b: Report) -> bool:
    return a.value <= b.top and b.value <= a.top


def same_day_conflicts(figures: list[Figure], articles: list[Article]) -> list[Conflict]:
    """Sources giving different values of one running count on the same day disagree; a value reported on a
    later day is a revision, not a disagreement. A source's count that day is the largest it gives (its
    smaller ones are parts: one town's dead in a toll)."""
    by_id = {f.id: f for f in figures}
    conflicts = []
    for reports in running_counts(figures, articles).values():
        largest: dict[tuple[str, str], Report] = {}
        for report in reports:
            key = (report.day, report.source)
            if key not in largest or report.top > largest[key].top:
                largest[key] = report
        by_day: dict[str, list[Report]] = defaultdict(list)
        for report in largest.values():
            by_day[report.day].append(report)
        for day, said in sorted(by_day.items()):
            if len({r.source for r in said}) < 2 or all(_overlap(a, b) for a in said for b in said):
                continue
            ids = sorted({r.figure for r in said}, key=lambda i: (by_id[i].value, i))
            sides: dict[str, tuple[str, list[Provenance]]] = {}  # "3 people" told by two figures is one side
            for r in sorted(said, key=lambda r: (by_id[r.figure].value, r.source)):
                _, side = sides.setdefault(format_number(r.value, r.upper), (_format_value(by_id[r.figure]), []))
                side += [p for p in by_id[r.figure].provenance if p.source == r.source and p not in side]
            values = [by_id[i].value for i in ids]
            conflicts.append(Conflict(
                id="", kind="figure", about=f"{_measure(by_id[ids[0]])}, reported on {day}",
                minor=close_values(max(values), min(values)),
                values=[ConflictValue(said_as, provenance) for said_as, provenance in sides.values()], items=ids))
    return conflicts


def key_figures(figures: list[Figure], document_frequency: Counter, limit: int = 6) -> list[Figure]:
    """The key numbers of the overview: those most sources give, among the figures worth it; between equals,
    the one told in the words most articles use (the story's own numbers, not a sidebar's)."""
    worth = [f for f in figures if is_key_figure(f) and not all(is_question(p.quote) for p in f.provenance)]
    return sorted(worth, key=lambda f: (-sources_count(f.provenance),
                                        -topicality(content_words(f.provenance[0].quote), document_frequency),
                                        f.id))[:limit]


def topicality(words: set[str], document_frequency: Counter) -> float:
    """How much of the story's shared vocabulary a sentence uses (long sentences do not win by length alone)."""
    return sum(document_frequency[w] for w in words) / (len(words) ** 0.7) if words else 0.0


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
                          list(figure.provenance), signal, figure.upper) for label, period in labels]
    return result


def period_conflicts(figures: list[Figure]) -> list[Conflict]:
    """The same number for the same measure, but said to cover different periods ("in 2024" / "since 2023")."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.period and fold(figure.label) != fold(figure.unit) and not is_duration(figure):
            groups[(fold(figure.label), fold(figure.unit), figure.value)].append(figure)
    conflicts = []
    for group in groups.values():
        if len({f.period for f in group}) < 2 or len({p.source for f in group for p in f.provenance}) < 2:
            continue
        conflicts.append(Conflict(
            id="", kind="period", about=f"{_value_and_measure(group[0])}: over which period?",
            minor=False, values=[ConflictValue(f.period, list(f.provenance)) for f in group], items=[f.id for f in group]))
    return conflicts


def date_conflicts(events: list[Event]) -> list[Conflict]:
    """One event told with different dates: nearly the same words, from different sources, dates that disagree.

    A year and a day within it do not disagree ("in 2025" / "on 2025-02-09"). Candidate pairs come from an
    index of shared words, so the cost grows with the story, not with its square.
    """
    words = [content_words(e.text) - _CALENDAR for e in events]
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

            seen.add((i, j))
            conflicts.append(Conflict("", "date", f"When did it happen? {min(event.text, other.text, key=len)}", False,
                                      [ConflictValue(a, list(event.provenance)), ConflictValue(b, list(other.provenance))],
                                      [event.id, other.id]))
    return conflicts


_FORMER = re.compile(r"\b(former|ex-|then-|then )", re.I)  # "late" means dead, not former
_TITLE_START = re.compile(r"^(?:[A-Z]|(?:former|ex-|then-|then|incumbent|acting|interim)\b)")


def role_conflicts(actors: list[Actor]) -> list[Conflict]:
    """One person given a title by one source and called its former holder by another."""
    conflicts = []
    for actor in actors:
        if actor.kind != "person":
            continue
        titles = [r for r in actor.roles if _TITLE_START.match(r) and len(r.split()) <= 4]  # not "in the singer"
        current = [r for r in titles if not _FORMER.search(r)]
        former = [r for r in titles if _FORMER.search(r)]
        sides_of: dict[str, tuple[list[str], list[str]]] = {}  # one disagreement per title, however worded
        for old in former:
            title = _FORMER.sub("", old).split()[-1].lower() if _FORMER.sub("", old).split() else ""
            clashing = [r for r in current if r.split() and r.split()[-1].lower() == title]
            if clashing:
                olds, news = sides_of.setdefault(title, ([], []))
                olds.append(old)
                news += [r for r in clashing if r not in news]
        for title, (olds, news) in sides_of.items():
            values = []
            claimed: set[Provenance] = set()
            # the "former …" wordings first, longest first, so their sentences are not counted for the plain title
            for role in sorted(olds, key=lambda r: (-len(r), r)) + news:
                said = [p for p in actor.provenance if fold(role) in fold(p.quote) and p not in claimed]
                claimed.update(said)
                if said:
                    values.append(ConflictValue(role, said))
            if len(values) >= 2 and len({p.source for v in values for p in v.provenance}) >= 2:
                conflicts.append(Conflict("", "role", f"{actor.name}: {title} or former {title}?", False, values,
                                          [actor.id]))
    return conflicts


def _value_and_measure(figure: Figure) -> str:
    """"12 officers hurt", "16% fall in murder rate", "40% of vote"."""
    if figure.unit not in ("", "%") and _measure(figure) == figure.label:
        return f"{_format_value(figure).removesuffix(figure.unit).strip()} {figure.label}"
    joined = " " if figure.unit == "%" and figure.label.startswith(("rise", "fall")) else " of "
    return f"{_format_value(figure)}{joined}{figure.label}"


def _format_value(figure: Figure) -> str:
    value = format_number(figure.value)
    return f"{value}%" if figure.unit == "%" else f"{value} {figure.unit}".strip()


def merge_quotes(extractions: list[Extraction], canonical: dict[str, str]) -> list[Quote]:
    merged: dict[str, Quote] = {}
    for quote in (q for x in extractions for q in x.quotes):
        key = " ".join(sorted(content_words(quote.text)))
        speaker = canonical.get(fold(quote.speaker), quote.speaker)
        if key in merged and merged[key].speaker == speaker:
            _add_provenance(merged[key].provenance, quote.provenance)
            continue
        merged[key] = Quote("", speaker, quote.text, list(quote.provenance), quote.signal)
    quotes = list(merged.values())
    for number, quote in enumerate(quotes, 1):
        quote.id = f"quote-{number}"
    return quotes


# Verbs (not nouns: "drawing criticism" is no opinion of the subject's) that report what the subject thinks.
_OPINION = re.compile(r"\b(argu(?:es|ed)|criticiz(?:es|ed)|criticis(?:es|ed)|doubt(?:s|ed)|warn(?:s|ed)|insist(?:s|ed)|"
                      r"believ(?:es|ed)|oppos(?:es|ed)|support(?:s|ed)|urg(?:es|ed)|said|says|told|"
                      r"(?:is|was|are|were) (?:skeptical|sceptical|critical|supportive|opposed)|call(?:s|ed) for|"
                      r"reject(?:s|ed)|welcom(?:es|ed)|point(?:s|ed) out|say|add(?:s|ed)|explain(?:s|ed)|stress(?:es|ed)|"
                      r"acknowledg(?:es|ed)|conced(?:es|ed))\b", re.I)


_PREPOSITIONS = set("with of for to by from about against on at in into over under".split())


def is_subject(text: str, start: int) -> bool:
    """"talks with Pedro Alves, …, X said": a name after a preposition is not the one giving an opinion."""
    before = re.findall(r"[\w'’-]+", text[:start])
    while before and before[-1][:1].isupper():
        before.pop()  # the first names of the same name
    return not before or before[-1].lower() not in _PREPOSITIONS


_AFTER_SUBJECT = re.compile(r"\b(?:,[^,.]{0,160},)?[^.]{0,60}?" + _OPINION.pattern)  # may skip an apposition


def gives_opinion(sentence: str, names: list[str]) -> bool:
    """A reported opinion: one of the names is the subject of an opinion verb ("X, dean of …, warned")."""
    if sentence.lstrip().startswith(("\"", "“")):
        return False  # a quotation, kept as a quote
    for name in names:
        start = sentence.find(name)
        while start >= 0:
            end = start + len(name)
            whole_word = (start == 0 or not sentence[start - 1].isalnum()) and not sentence[end:end + 1].isalnum()
            if whole_word and is_subject(sentence, start) and _AFTER_SUBJECT.match(sentence, end):
                return True
            start = sentence.find(name, start + 1)
    return False


_NEWS_ROLES = re.compile(r"\b(?:correspondent|reporter|anchor|newsreader|presenter|bureau chief|cameraman|"
                         r"photographer|stringer)s?\b", re.I)


def reports_the_news(actor: Actor, outlets: frozenset[str]) -> bool:
    """Reporters and the outlets that publish the story tell it; they are not voices in it."""
    return bool(_NEWS_ROLES.search(actor.role)) or outlet_key(actor.name) in outlets


def outlet_key(name: str) -> str:
    """"The Guardian" and "Guardian" are one outlet."""
    return re.sub(r"^the\s+", "", fold(name))


def build_views(actors: list[Actor], quotes: list[Quote], question: str = "",
                outlets: frozenset[str] = frozenset()) -> list[View]:
    """Each voice with its quotes and the reported opinions where it is the subject (`outlets`: `outlet_key`s of
    the publishers of the articles)."""
    views = []
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        by_speaker[quote.speaker].append(quote)
    for actor in actors:
        if actor.kind not in ("person", "organisation") or reports_the_news(actor, outlets):
            continue
        said = by_speaker.get(actor.name, [])
        names = [actor.name, *actor.aliases] if actor.kind == "person" else []
        reported = [p for p in actor.provenance if names and gives_opinion(p.quote, names)]
        if not said and not reported:
            continue
        statements = [(p.quote, [p]) for p in reported] + [(q.text, q.provenance) for q in said]
        decided = stance_of([text for text, _ in statements], question)
        summary, evidence = statements[decided.deciding if decided.deciding is not None else 0]
        views.append(View(actor.name, decided.stance, summary, [q.id for q in said], list(evidence)))
    views.sort(key=lambda v: (-len(v.quotes), v.speaker))
    return views


SUMMARY_SENTENCES = 3


def summarise(articles: list[Article], document_frequency: Counter, limit: int = SUMMARY_SENTENCES) -> list[Provenance]:
    """The overview: lead sentences that the most articles share words with, no two alike, each readable alone."""
    candidates = []
    for article in articles:
        for sentence in article.sentences[:4]:
            words = content_words(sentence.text)
            if (len(words) < 6 or is_question(sentence.text) or "\"" in sentence.text or "“" in sentence.text
                    or leans_on_context(sentence.text)):
                continue
            candidates.append((-topicality(words, document_frequency), sentence.source, sentence.index, sentence, words))
    chosen: list[tuple] = []
    for candidate in sorted(candidates, key=lambda c: c[:3]):
        if all(overlap(candidate[4], other[4]) < 0.5 for other in chosen):
            chosen.append(candidate)
        if len(chosen) == limit:
            break
    return [Provenance(c[3].source, c[3].index, c[3].text) for c in chosen]


def latest_date(articles: list[Article]) -> str:
    """The most recent full publication date (YYYY-MM-DD) among the articles, or ""."""
    return max((a.published for a in articles if len(a.published) == 10), default="")


_SECTION_LABEL = re.compile(r"^\W*(?:opinion|comment|commentary|analysis|editorial|op-ed|column|letters?|"
                            r"review|explainer|live|watch|video)\b\s*[:|\-\u2013\u2014]", re.I)
_OPINION_PATH = re.compile(r"/(?:opinions?|comment|commentisfree|editorials?|op-?ed|columns?|blogs?)/", re.I)


def names_the_story(article: Article) -> bool:
    """A headline that can name the whole story: not a question ("Can the city win its war on crime?"), not an
    opinion, analysis or live page (the section label newsrooms put before such headlines, or in their address)."""
    return bool(article.title) and not (is_question(article.title) or _SECTION_LABEL.match(article.title)
                                        or _OPINION_PATH.search(article.url))


def central_question(articles: list[Article]) -> str:
    """The headline most like the others names what the story is about: the one whose words the other
    headlines share most (linear in the number of headlines, so a story of thousands stays fast). A title
    several articles repeat word for word (a sidebar's, a section's) counts once: it does not vote for itself.
    Every headline votes; only one that `names_the_story` can win, unless none can."""
    titles = list(dict.fromkeys(a.title for a in articles if a.title))
    if not titles:
        return ""
    words = [content_words(t) for t in titles]
    shared = Counter(w for title in words for w in title)
    naming = {a.title for a in articles if names_the_story(a)}
    best = max(range(len(titles)), key=lambda i: (titles[i] in naming or not naming,
                                                 sum(shared[w] - 1 for w in words[i]) / (len(words[i]) or 1), -i))
    return titles[best]


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


def reconcile(articles: list[Article], extractions: list[Extraction]) -> Story:
    actors, canonical = merge_actors(extractions)
    figures, conflicts = merge_figures(extractions)
    measures: dict[tuple[str, int], set[str]] = defaultdict(set)
    for figure in figures:
        for p in figure.provenance:
            measures[(p.source, p.sentence)].add(fold(figure.label))
    dated = merge_events(extractions, measures)
    document_frequency: Counter = Counter()  # in how many articles each word appears
    for extraction in extractions:
        document_frequency.update(extraction.words)
    news = {x.source: x.news for x in extractions}
    events = number_events(dated + reported_events(articles, dated, document_frequency, news))
    conflicts += same_day_conflicts(figures, articles) + date_conflicts(dated) + role_conflicts(actors)
    mark_disputed_events(conflicts, dated)
    quotes = merge_quotes(extractions, canonical)
    for number, conflict in enumerate(conflicts, 1):
        conflict.id = f"conflict-{number}"
    question = central_question(articles)
    return Story(
        articles=articles,
        events=events,
        figures=figures,
        actors=actors,
        quotes=quotes,
        views=build_views(actors, quotes, question, frozenset(outlet_key(a.outlet) for a in articles if a.outlet)),
        conflicts=conflicts,
        summary=summarise(articles, document_frequency),
        question=question,
        key_figures=[f.id for f in key_figures(figures, document_frequency)],
    )
