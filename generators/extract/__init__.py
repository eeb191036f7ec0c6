"""Extraction: one pure function from an article to what it says (events, figures, actors, quotes)."""

from __future__ import annotations

import re

from ..model import Article, Extraction
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


MAX_SENTENCE_CHARS = 2000  # longer "sentences" are run-on text (lists, tables, garbage): shown, not mined


def extract_article(article: Article, story_reference: Reference | None) -> Extraction:
    ref = reference_for(article, story_reference)
    vocabulary = common_words(article)
    sentences = [s for s in article.sentences if len(s.text) <= MAX_SENTENCE_CHARS]
    actors = extract_actors(sentences, lambda word: word.lower() in vocabulary)
    return Extraction(
        source=article.source,
        events=extract_events(sentences, ref, article.published),
        figures=extract_figures(sentences, ref),
        actors=actors,
        quotes=extract_quotes(sentences, actors),
    )
