"""Extraction: one pure function from an article to what it says (events, figures, actors, quotes)."""

from __future__ import annotations

import re
from collections import defaultdict

from .. import language
from ..model import Article, Extraction, Figure, Provenance
from .actors import extract_actors, fold
from .dates import Reference, years_mentioned
from .events import describes_a_picture, extract_events, news_sentences
from .figures import extract_figures
from .quotes import extract_quotes, turn_quotes
from .statements import extract_statements


def reference_for(article: Article, story_reference: Reference | None) -> Reference | None:
    """The date year-less dates are read against: the article's own, else the story's, else its latest year."""
    own = Reference.from_iso(article.published)
    if own:
        return own
    years = [y for s in article.sentences for y in years_mentioned(s.text)]
    if story_reference and (not years or max(years) <= story_reference.year):
        return story_reference
    return Reference(max(years)) if years else story_reference


_STOPWORDS = set("""a an the and or but of in on at by for to from with as is are was were be been has have had
that this these those it its his her their he she they we i you not no so than then there which who whom what
when where while will would could should can may might also just about after before during into over under
said says told""".split())


def content_words(text: str) -> set[str]:
    """Words that carry content; "run-off" and "runoff" are one word."""
    folded = re.sub(r"(?<=[a-z])-(?=[a-z])", "", fold(text))
    return {w for w in re.findall(r"[a-z0-9]+", folded) if w not in _STOPWORDS and len(w) > 2}


def series_sentences(figures: list[Figure]) -> set[Provenance]:
    """Sentences that give one measure for several periods ("from 8.2 in 2019 to 12.5 in 2021"): a trend
    the figures page charts, not an event on one date."""
    periods: dict[tuple[Provenance, str], set[str]] = defaultdict(set)
    for figure in figures:
        periods[(figure.provenance[0], figure.label)].add(figure.period)
    return {where for (where, _), found in periods.items() if len(found - {""}) >= 2}


def _parsed_title(title: str, sentences: list, docs: list, model: str):
    """The title's parse: its sentence's when the article opens with it and that was parsed, else its own."""
    own = next((d for s, d in zip(sentences, docs, strict=True) if s.text == title and language.is_parsed(d)), None)
    return own if own is not None else language.analyse([title], model, parse_all=True)[0]


MAX_SENTENCE_CHARS = 2000  # longer "sentences" are run-on text (lists, tables, garbage): shown, not mined


def extract_article(article: Article, story_reference: Reference | None, model: str = language.AUTO) -> Extraction:
    """What one article says. `model` names the spaCy pipeline (language.AUTO: the first installed)."""
    ref = reference_for(article, story_reference)
    sentences = [s for s in article.sentences if len(s.text) <= MAX_SENTENCE_CHARS]
    docs = language.analyse([s.text for s in sentences], model)
    actors = extract_actors(sentences, docs)
    figures = extract_figures(sentences, ref, docs)
    trends = series_sentences(figures)
    statements = extract_statements(sentences, actors, docs)
    # a transcript's guests answer and argue: their turns are quotes, the events are what its presenters report
    told = [(s, d) for s, d in zip(sentences, docs, strict=True) if not s.speaker or s.speaker in article.authors]
    told_sentences, told_docs = [s for s, _ in told], [d for _, d in told]
    return Extraction(
        source=article.source,
        events=[e for e in extract_events(told_sentences, ref, article.published, told_docs)
                if e.provenance[0] not in trends],
        figures=figures,
        actors=actors,
        quotes=extract_quotes(sentences, actors, docs, statements) + turn_quotes(sentences, actors, {
            name: role for name, role in article.speakers.items() if role and name not in article.authors}),
        statements=statements,
        words=frozenset(content_words("\n".join(s.text for s in article.sentences))),
        news=news_sentences(told_sentences, told_docs),
        title_is_caption=bool(article.title) and describes_a_picture(_parsed_title(article.title, sentences, docs, model)),
    )
