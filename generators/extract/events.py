"""Dated events: a sentence that places something on the calendar.

The event's date is the sentence's most precise date (the first of equals), read
against the article's date; "since"/"until" dates only bound a period and do not
date an event. Scheduled means future wording: "will", "is due to", or a present
tense ("the runoff is on April 13") about a date after the article's. A verb in
the past ("held a service on Sunday", "taken on 13 January") is never scheduled,
whatever the date reads as.
"""

from __future__ import annotations

import re

from .. import language
from ..model import Event, Provenance, Sentence
from .dates import REFERENCE_RULES, RELATIVE_RULES, Reference, find_dates

_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
_FUTURE = re.compile(r"\b(will|shall|is due|are due|due on|scheduled|slated|set to|upcoming|plans? to|is to|are to|would be held|expected to)\b", re.I)


_SIGNAL = "date rule {}: "
_QUOTE_MARKS = ("\"", "“", "'", "‘")
_READ_FROM_ARTICLE_DATE = tuple(_SIGNAL.format(rule) for rule in RELATIVE_RULES)


def is_question(text: str) -> bool:
    return text.rstrip("\"”’' )").endswith("?")


def dated_by_its_article(event: Event) -> bool:
    """Its date is "today", "on Monday", "last month": read from its article's date, not stated."""
    return event.signal.startswith(_READ_FROM_ARTICLE_DATE)


WEEKDAY_NAMED = "told on the weekday its sentence names"


def dated_by_its_weekday(event: Event) -> bool:
    """A lead placed on the day its lone weekday names ("said Wednesday"), not on its article's date."""
    return event.signal.startswith(WEEKDAY_NAMED)


def year_read_from_article(event: Event) -> bool:
    """Its date names no year ("on 25 June", "in March"): the year is the one we read from its article's date."""
    return event.signal.startswith(tuple(f"{_SIGNAL.format(rule)}\u201c" for rule in REFERENCE_RULES))


def describes_a_picture(doc) -> bool:
    """A caption, not a headline or a lead: a sentence (it ends with a full stop, as headlines do not) whose main
    verb is in the simple present and does not report speech ("A supporter of the president expresses his
    devotion.", "Protesters gather in the square on Sunday.")."""
    if doc is None or not language.is_parsed(doc) or not doc.text.rstrip().endswith("."):
        return False
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ not in ("VBZ", "VBP") or any(c.dep_ == "aux" for c in root.children):
        return False  # a past, a future or a state ("The capital is quiet.") is no caption
    return root.lower_ not in language.REPORTING_VERBS and language.verb_lemma(root) not in {"be", "have", "say"}


def date_words(event: Event) -> str:
    """The words its date was read from ("January 25", "on Monday"); "" when it was not read from its sentence."""
    found = re.match(r"date rule [^:]+: \u201c(.*)\u201d$", event.signal)
    return found.group(1) if found else ""


def tells_the_past(doc) -> bool:
    """The tagger saw a past-tense verb or participle; an unparsed sentence tells nothing either way."""
    return doc is None or not language.is_parsed(doc) or any(t.tag_ in ("VBD", "VBN") for t in doc)


def tells_news(doc) -> bool:
    """Its main verb is in the present perfect ("has asked", "have been arrested"): news, though no date is given.
    Not a state ("has been wary"): the copula tells how things stand, not what happened."""
    if doc is None or not language.is_parsed(doc):
        return False
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return (root is not None and root.tag_ == "VBN" and root.lower_ != "been"
            and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in root.children))


def news_sentences(sentences: list[Sentence], docs) -> tuple[int, ...]:
    """Sentences that tell news in the present perfect, in the writer's voice (not a quotation, not a question)."""
    return tuple(s.index for s, doc in zip(sentences, docs, strict=True)
                 if tells_news(doc) and not is_question(s.text) and not s.text.lstrip().startswith(_QUOTE_MARKS))


def extract_events(sentences: list[Sentence], ref: Reference | None, published: str, docs=None) -> list[Event]:
    """`docs`: the sentences' spaCy parses, which tell a present "is on April 13" from a past "held on Sunday"."""
    events: list[Event] = []
    for sentence, doc in zip(sentences, docs or [None] * len(sentences), strict=True):
        if is_question(sentence.text):
            continue  # "What are you doing today?": a question tells no event
        dates = [d for d in find_dates(sentence.text, ref) if d.date.relation in ("on", "period")]
        if not dates:
            continue
        best = max(dates, key=lambda d: (_PRECISION_RANK[d.date.precision], -d.start))
        day = ref.as_date() if ref else None
        anchor = published or (day.isoformat() if day else "")
        future = bool(_FUTURE.search(sentence.text))
        later = bool(anchor and best.date.value > anchor[:len(best.date.value)]) and not tells_the_past(doc)
        signal = f"{_SIGNAL.format(best.rule)}\u201c{sentence.text[best.start:best.end]}\u201d"
        signal += "; scheduled: future wording" if future else "; scheduled: present tense, after the article's date" if later else ""
        events.append(Event("", best.date, sentence.text, future or later,
                            [Provenance(sentence.source, sentence.index, sentence.text)], signal=signal))
    return events
