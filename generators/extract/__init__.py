"""Extraction: one pure function from an article to what it says (events, figures, actors, quotes)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..model import Article, Extraction, Figure, Provenance
from .actors import extract_actors
from .dates import Reference, years_mentioned
from .events import extract_events
from .figures import extract_figures
from .quotes import extract_quotes


def reference_for(article: Article, story_reference: Reference | None) -> Reference | None:
    """The date year-less dates are read against: the article's own, else the story's, else its latest year."""
    own = Reference.from_iso(article.published)
    if own:
        return own
    years = [y for s in article.sentences for y in years_mentioned(s.text)]
    if story_reference and (not years or max(years) <= story_reference.year):
        return story_reference
    return Reference(max(years)) if years else story_reference


def common_words(article: Article) -> set[str]:
    """Words the article itself writes in lower case: capitalised only because they start a sentence."""
    return {w for s in article.sentences for w in re.findall(r"\b[a-z][a-z'’-]+\b", s.text)}


def lowercase_majority(article: Article) -> set[str]:
    """Words written in lower case more often than capitalised inside a sentence."""
    lower: Counter = Counter()
    upper: Counter = Counter()
    for sentence in article.sentences:
        for m in re.finditer(r"(?<=\s)[A-Za-z][a-z'’-]+\b", sentence.text):
            (lower if m.group()[0].islower() else upper)[m.group().lower()] += 1
    return {w for w, n in lower.items() if n > upper[w]}


def series_sentences(figures: list[Figure]) -> set[Provenance]:
    """Sentences that give one measure for several periods ("from 8.2 in 2019 to 12.5 in 2021"): a trend
    the figures page charts, not an event on one date."""
    periods: dict[tuple[Provenance, str], set[str]] = defaultdict(set)
    for figure in figures:
        periods[(figure.provenance[0], figure.label)].add(figure.period)
    return {where for (where, _), found in periods.items() if len(found - {""}) >= 2}


MAX_SENTENCE_CHARS = 2000  # longer "sentences" are run-on text (lists, tables, garbage): shown, not mined


def extract_article(article: Article, story_reference: Reference | None) -> Extraction:
    ref = reference_for(article, story_reference)
    vocabulary, lowercase = common_words(article), lowercase_majority(article)
    sentences = [s for s in article.sentences if len(s.text) <= MAX_SENTENCE_CHARS]
    actors = extract_actors(sentences, lambda word: word.lower() in vocabulary, lambda word: word.lower() in lowercase)
    figures = extract_figures(sentences, ref)
    trends = series_sentences(figures)
    return Extraction(
        source=article.source,
        events=[e for e in extract_events(sentences, ref, article.published) if e.provenance[0] not in trends],
        figures=figures,
        actors=actors,
        quotes=extract_quotes(sentences, actors),
    )
