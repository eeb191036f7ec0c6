"""Reconcile: merge what each article says into one story, keeping every source and every disagreement.

The same fact in several articles becomes one item with several provenances; the same measure with different
values becomes a `Conflict` that names both sides. Nothing is averaged or silently picked. Each kind of item
has its module (`actors`, `events`, `figures`, `counts`, `views`), disagreements theirs (`conflicts`), the overview
page's opening (`overview`), and the story's boundary (`boundary`: articles about other stories are left out
first); this one only runs them in order.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..extract.actors import fold
from ..model import Article, Extraction, Story
from .actors import merge_actors
from .boundary import beside_the_story, folder_keywords, story_sentences, within_the_story
from .common import sources_count
from .conflicts import (
    by_reach,
    date_conflicts,
    doubt_counts_of_two_things,
    doubt_updates,
    mark_disputed_events,
    period_conflicts,
    role_conflicts,
    same_day_conflicts,
)
from .counts import MAX_REVISION_CHARTS, UNSETTLED, headline_counts, revisions, unsettled_note
from .events import merge_events, number_events, reported_events, story_wide_words
from .figures import format_number, key_figures, merge_figures, story_start
from .overview import central_question, debated_proposal, latest_date, summarise
from .views import merge_quotes, voices

# What the other steps (render, charts, corrections, the command line) import from here.
__all__ = ["MAX_REVISION_CHARTS", "UNSETTLED", "by_reach", "debated_proposal", "format_number", "headline_counts",
           "latest_date", "mark_disputed_events", "reconcile", "revisions", "sources_count", "unsettled_note", "voices"]


def reconcile(articles: list[Article], extractions: list[Extraction]) -> Story:
    actors, canonical = merge_actors(extractions)
    keywords = folder_keywords(articles, actors)
    set_aside = beside_the_story(articles, keywords)
    out = {s.source for s in set_aside}
    articles = [a for a in articles if a.source not in out]
    by_source = {a.source: a for a in articles}
    extractions = [within_the_story(x, story_sentences(by_source[x.source], keywords))
                   if keywords and by_source[x.source].about_story is not True else x  # an editor's word: whole
                   for x in extractions if x.source in by_source]
    if set_aside or keywords:
        actors, canonical = merge_actors(extractions)
    start = story_start(articles)
    document_frequency: Counter = Counter()  # in how many articles each word appears
    for extraction in extractions:
        document_frequency.update(extraction.words)
    story_wide = story_wide_words(document_frequency, len(articles))
    figures, conflicts = merge_figures(extractions, start, story_wide, {a.source: a.published for a in articles})
    conflicts += period_conflicts(figures, start)
    measures: dict[tuple[str, int], set[str]] = defaultdict(set)
    for figure in figures:
        for p in figure.provenance:
            measures[(p.source, p.sentence)].add(fold(figure.label))
    dated = merge_events(extractions, measures, story_wide)
    news = {x.source: x.news for x in extractions}
    events = number_events(dated + reported_events(articles, dated, document_frequency, news))
    conflicts += same_day_conflicts(figures, articles, story_wide)
    doubt_counts_of_two_things(conflicts, actors, figures)
    doubt_updates(conflicts, figures, articles)
    conflicts += date_conflicts(dated) + role_conflicts(actors)
    quotes = merge_quotes([q for x in extractions for q in x.quotes], canonical)
    statements = merge_quotes([s for x in extractions for s in x.statements], canonical, "statement")
    for number, conflict in enumerate(conflicts, 1):  # held-back ones numbered too: an editor may publish one
        conflict.id = f"conflict-{number}"
    held_back = [c for c in conflicts if c.doubt]
    conflicts = [c for c in conflicts if not c.doubt]
    mark_disputed_events(conflicts, dated)
    captioned = {x.source for x in extractions if x.title_is_caption}
    # nor does a show's rundown ("Standoff Continues; Interview With …"): a transcript's title lists its segments
    question = central_question(articles, frozenset(a.title for a in articles if a.source in captioned or a.turns))
    debate, views = voices(articles, actors, quotes, statements, question)
    return Story(
        articles=articles,
        events=events,
        figures=figures,
        actors=actors,
        quotes=quotes,
        views=views,
        conflicts=conflicts,
        held_back=held_back,
        summary=summarise(articles, document_frequency),
        question=question,
        key_figures=[f.id for f in key_figures(figures, document_frequency, start)],
        set_aside=set_aside,
        debate=debate,
        statements=statements,
    )
