"""Which events a long story's timeline shows: date-wise, as DATEWISE (Ghalandari & Ifrim, ACL 2020) does.

First the dates: those most sources refer to, plus the days the press wrote most about. Then, for each
date, the sentences that best stand for it, drawn from every telling of that date and from the undated
leads of the articles published on it or the day after (news tells yesterday's events; a lead that names a
lone weekday, "said Wednesday", only of that day): those close to the date's centroid (TF-IDF over the words
its dated tellings and its leads share) are its candidates, and the entries chosen are those that together come closest to the candidates' own centroid.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, timedelta

from .extract import content_words
from .extract.dates import MONTH_WORDS, WEEKDAYS
from .extract.events import dated_by_its_weekday
from .model import Article, DateRef, Event
from .reconcile.boundary import names_the_story

DEFAULT_TIMELINE_DATES = 40
DEFAULT_SENTENCES_PER_DATE = 2
LEAD_SENTENCES = 5  # as DATEWISE: an article's first sentences tell its news
FULL_TIMELINE_UP_TO = 150  # events; longer timelines are cut to the dates that matter most
# Chosen by leave-one-topic-out over the development topics (`make eval`):
PUBLISHED_WEIGHT = 2.0  # an article published on a day counts as this many sources referring to it
BACKGROUND_DAYS = 7  # before the first article: the journalists' timelines of the development topics start at
# most 2 days before their folder's first article (a death, a first protest), never weeks or years before

_TIME_WORDS = {*MONTH_WORDS, *WEEKDAYS} | set("""today yesterday tomorrow tonight day days week weeks month months
year years last next earlier later morning afternoon evening night ago""".split())
_CONTEXT_OPENING = re.compile(r"^(?:he|she|they|it|this|that|these|those|his|her|their|its|but|and|so|also|however|"
                              r"yet|still|meanwhile|instead)\b", re.I)

Vector = dict[str, float]


def select_timeline(events: list[Event], dates: int | None = None, per_date: int | None = None,
                    published: Counter | None = None, published_weight: float = PUBLISHED_WEIGHT,
                    keywords: frozenset[str] = frozenset()) -> list[Event]:
    """`published` counts the articles published on each day; `keywords` are the story's (`story_keywords`).
    Short timelines are shown whole unless a length is asked for; the export always keeps every event. A lead
    told the day after a chosen date joins that date as a copy that says so."""
    if dates is None and per_date is None and len(events) <= FULL_TIMELINE_UP_TO:
        return events
    dates = dates or DEFAULT_TIMELINE_DATES
    per_date = per_date or DEFAULT_SENTENCES_PER_DATE
    published = published or Counter()
    told: dict[str, list[Event]] = defaultdict(list)  # date -> events dated in their sentence
    leads: dict[str, list[Event]] = defaultdict(list)  # date -> undated leads published that day or the next
    # As DATEWISE: days, dated tellings and undated leads. Scheduled events, later news ("has asked" in sentence
    # 10) and its words in the TF-IDF weights all scored worse (make eval).
    pool = [e for e in events if e.date.precision == "day" and not e.scheduled
            and (e.date.relation != "reported" or any(p.sentence < LEAD_SENTENCES for p in e.provenance))]
    for event in pool:
        if event.date.relation != "reported":
            told[event.date.value].append(event)
        else:
            leads[event.date.value].append(event)
            if not dated_by_its_weekday(event):  # "said Wednesday" tells its day
                leads[_day_before(event.date.value)].append(_told_the_next_day(event))
    referring = {d: len({p.source for e in group for p in e.provenance}) for d, group in told.items()}
    score = {d: referring.get(d, 0) + published_weight * published[d] for d in set(told) | set(published)}
    vectorise = tf_idf([e.text for e in pool])
    selected: list[Event] = []
    chosen = 0
    first, last = story_span(published)
    for day in sorted(score, key=lambda d: (-score[d], d)):
        if chosen == dates:
            break
        if not first <= day <= last:
            continue  # background, or no article could tell it as done (its tellings still weigh words above)
        shown = {e.id for e in selected}  # a lead stands for one date only
        candidates = [e for e in leads[day] if e.id not in shown]
        if not any(names_the_story(e.text, keywords) for e in told[day] + candidates):
            continue  # as DATEWISE: a day with nothing (about the story) to tell gives way to the next
        selected += summarise_date(told[day], candidates, per_date, vectorise, keywords)
        chosen += 1
    shown = {e.id for e in selected}
    selected += [e for e in events if e.pinned and e.id not in shown]
    return sorted(selected, key=lambda e: (e.date.value, e.id))


def story_span(published: Counter) -> tuple[str, str]:
    """The days a timeline tells: from a week before the first article to the last one's (what the folder reports
    as it happens). Before, a birth, an earlier crisis, a link list's old item is background; after the last
    article, no article can tell it as done. Any day when no article is dated."""
    days = sorted(d for d, count in published.items() if count)
    if not days:
        return "", "9999"
    return (date.fromisoformat(days[0]) - timedelta(days=BACKGROUND_DAYS)).isoformat(), days[-1]


def summarise_date(told: list[Event], leads: list[Event], size: int, vectorise,
                   keywords: frozenset[str] = frozenset()) -> list[Event]:
    """The entries that stand for one date, readable alone and naming the story when any are. As DATEWISE: with
    both dated tellings and leads, the candidates are those nearer the date's centroid than the knee of their
    similarities; the entries are then added one at a time, each the one that brings their sum closest to the
    candidates' centroid (a near-duplicate of an entry brings it no closer)."""
    pool = [(e, False) for e in told] + [(e, True) for e in leads]
    pool = [(e, lead) for e, lead in pool if not leans_on_context(e.text)] or pool
    pool = [(e, lead) for e, lead in pool if names_the_story(e.text, keywords)] or pool
    candidates = [e for e, _ in pool]
    vectors = [vectorise(e.text) for e in candidates]
    dated = [v for v, (_, lead) in zip(vectors, pool, strict=True) if not lead]
    undated = [v for v, (_, lead) in zip(vectors, pool, strict=True) if lead]
    remaining = list(range(len(candidates)))
    if dated and undated and len(candidates) > 2:
        centre = centroid(dated, undated)
        closeness = [cosine(v, centre) for v in vectors]
        ranked = sorted(closeness, reverse=True)
        threshold = ranked[knee_point(ranked)]
        remaining = [i for i in remaining if closeness[i] > max(threshold, 0)] or remaining
    target = normalise(_sum(vectors[i] for i in remaining))
    picked: list[int] = []
    summary: Vector = {}
    while remaining and len(picked) < size:
        best = max(remaining, key=lambda i: (cosine(normalise(_sum([summary, vectors[i]])), target), -i))
        remaining.remove(best)
        picked.append(best)
        summary = _sum([summary, vectors[best]])
    return [candidates[i] for i in sorted(picked)]


def knee_point(values: list[float]) -> int:
    """The index of the point of a falling curve farthest from the line joining its ends: where it flattens."""
    if len(values) < 3:
        return len(values) - 1
    rise, run = values[-1] - values[0], len(values) - 1
    return max(range(len(values)), key=lambda i: (abs(rise * i - run * (values[i] - values[0])), -i))


def _sum(vectors) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    for vector in vectors:
        for word, weight in vector.items():
            total[word] += weight
    return total


def centroid(told: list[Vector], leads: list[Vector]) -> Vector:
    """DATEWISE's PM-mean: with both dated tellings and leads, only the words both use, each side's mean weight;
    with one side, its own mean."""
    def mean(vectors: list[Vector]) -> Vector:
        return {w: x / len(vectors) for w, x in _sum(vectors).items()}
    if told and leads:
        a, b = mean(told), mean(leads)
        shared = {w: a[w] + b[w] for w in a.keys() & b.keys()}
        if shared:
            return normalise(shared)
    return normalise(mean(told + leads))


def tf_idf(texts: list[str]):
    """A function from a text to its unit TF-IDF vector, with document frequencies over `texts`."""
    frequency = Counter(w for text in texts for w in set(_words(text)))
    total = max(len(texts), 1)

    def vectorise(text: str) -> Vector:
        counts = Counter(_words(text))
        return normalise({w: n * math.log(total / frequency[w]) for w, n in counts.items() if frequency[w]})
    return vectorise


def _words(text: str) -> list[str]:
    return sorted(w for w in content_words(text) if w not in _TIME_WORDS and not w.isdigit())


def normalise(vector: dict[str, float]) -> Vector:
    norm = math.sqrt(sum(x * x for x in vector.values()))
    return {w: x / norm for w, x in vector.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def _day_before(day: str) -> str:
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def _told_the_next_day(event: Event) -> Event:
    return replace(event, date=DateRef(_day_before(event.date.value), "day", "reported"),
                   signal=f"{event.signal}; placed on the day before its article: news tells yesterday's events")


def leans_on_context(text: str) -> bool:
    """"He said on Monday …", "But on May 3 …": an entry that only reads after the sentence before it."""
    return bool(_CONTEXT_OPENING.match(text.lstrip("\"“‘' ")))


def publication_days(articles: list[Article]) -> Counter:
    return Counter(a.published for a in articles if len(a.published) == 10)
