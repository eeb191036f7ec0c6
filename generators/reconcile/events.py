"""One event per happening across articles: the same date and much the same words (or the same measure) is one
event with several sources; news told without a date is placed at its article's publication."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..extract import content_words
from ..extract.dates import WEEKDAYS, Reference, day_of_bare_weekday, find_dates
from ..extract.events import WEEKDAY_NAMED, is_question
from ..ingest.metadata import MONTHS
from ..model import Article, DateRef, Event, Extraction, Provenance
from ..timeline import LEAD_SENTENCES, leans_on_context
from .common import add_provenance, overlap

EVENT_SIMILARITY = 0.35
SHARED_WORDS = 3  # words two tellings of one fact share, besides its date: "international community" alone is two
# different facts of one Tuesday (one minister's call, another country's sanctions), as a reader of a long
# development story's merged events found
CALENDAR_WORDS = {*MONTHS, *WEEKDAYS}  # two tellings of one date share these whatever they tell


def shared_words(a: Event, words_a: set[str], words_b: set[str], story_wide: frozenset[str] = frozenset()) -> set[str]:
    """The words two tellings share that can tell one fact from another: not the date's, not the whole story's."""
    return (words_a & words_b) - CALENDAR_WORDS - {a.date.value[:4]} - story_wide


def same_event(a: Event, b: Event, words_a: set[str], words_b: set[str],
               story_wide: frozenset[str] = frozenset()) -> bool:
    """Same date, several words in common besides the whole story's ("Kenyan President Ana Ruiz" names no one
    fact of a story about her), and much of the shorter telling shared (less of it for a precise day)."""
    if a.date.value != b.date.value or len(shared_words(a, words_a, words_b, story_wide)) < SHARED_WORDS:
        return False
    return overlap(words_a, words_b) >= (0.3 if a.date.precision == "day" else EVENT_SIMILARITY)


def same_count(a: Event, words_a: set[str], words_b: set[str], measures: set[str],
               story_wide: frozenset[str] = frozenset()) -> bool:
    """Two tellings with a figure of the same `measures`: one fact when the date is the count's period ("410
    burglaries in June"); on a day of many incidents ("50 killed in the port", "12 killed near the airport") only
    when they share words besides the measure's own."""
    measure_words = {word for label in measures for word in label.split()}
    return a.date.precision != "day" or len(shared_words(a, words_a, words_b, story_wide) - measure_words) >= 2


def merge_events(extractions: list[Extraction], measures: dict[tuple[str, int], set[str]] | None = None,
                 story_wide: frozenset[str] = frozenset()) -> list[Event]:
    """Same date and largely the same words, or the same date and a figure of the same measure (410 or 460
    burglaries in June): one event, several sources. `measures` maps (source, sentence) to figure labels;
    `story_wide`: words most of the story's articles use (see story_wide_words), which tell no fact apart."""
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
            if same_event(other, event, words[i], mine, story_wide) or (
                    labels[i] & my_labels and same_count(other, words[i], mine, labels[i] & my_labels, story_wide)):
                add_provenance(other.provenance, event.provenance)
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
            add_provenance(events[day].provenance, event.provenance)
            absorbed.add(i)
    events = [e for i, e in enumerate(events) if i not in absorbed]
    for event in events:  # the most direct telling is shown, and cited first: a page citing one sentence per
        # item cites the one it shows
        shown = min(event.provenance, key=lambda p: (len(p.quote), p.quote, p.source, p.sentence))
        event.text = shown.quote
        event.provenance.remove(shown)
        event.provenance.insert(0, shown)
    return events


def story_wide_words(document_frequency: Counter, articles: int) -> frozenset[str]:
    """Words in more than half the articles, and in three or more: the story's own ("president", the country)."""
    return frozenset(w for w, n in document_frequency.items() if n > max(2, articles / 2))


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
    story_wide = story_wide_words(document_frequency, len(articles))
    events: list[Event] = []
    of_day: dict[str, list[tuple[Event, set[str]]]] = defaultdict(list)  # only tellings of one day can be one
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
                named = day_of_bare_weekday(sentence.text, reference) if reference else ""
                told_on, said = (DateRef(named, "day", "reported"),
                                 f"{WEEKDAY_NAMED}: {named}, in an article published {day}") if named else (when, signal)
                same = next((e for e, w in of_day[told_on.value] if e.date == told_on
                             and len(w & telling) >= SHARED_WORDS and overlap(w, telling) >= EVENT_SIMILARITY), None)
                if same:
                    same.provenance.append(where)
                    continue
                events.append(Event("", told_on, sentence.text, False, [where], signal=said))
                of_day[told_on.value].append((events[-1], telling))
    return events
