"""Who says what: quotes merged across articles, and each voice's stance from its quotes and the opinions
reported of it. Reporters and the outlets that publish the story tell it; they are not voices in it."""

from __future__ import annotations

import re
from collections import defaultdict

from ..extract import content_words
from ..extract.actors import fold
from ..extract.stance import Stance, stance_of
from ..model import Actor, Article, Quote, View
from .common import add_provenance, outlet_key, publishers
from .overview import debated_proposal


def merge_quotes(said: list[Quote], canonical: dict[str, str], kind: str = "quote") -> list[Quote]:
    """One item per text and speaker however many articles print it (`kind`: "quote" for quotations, "statement"
    for reported speech, which names their ids)."""
    merged: dict[tuple[str, str], Quote] = {}
    for quote in said:
        speaker = canonical.get(fold(quote.speaker), quote.speaker)
        key = (speaker, " ".join(sorted(content_words(quote.text))))  # two speakers of one text keep theirs
        if key in merged:
            add_provenance(merged[key].provenance, quote.provenance)
            continue
        merged[key] = Quote("", speaker, quote.text, list(quote.provenance), quote.signal)
    quotes = list(merged.values())
    for number, quote in enumerate(quotes, 1):
        quote.id = f"{kind}-{number}"
    return quotes


_NEWS_ROLES = re.compile(r"\b(?:correspondent|reporter|anchor|newsreader|presenter|bureau chief|cameraman|"
                         r"photographer|stringer)s?\b", re.I)


def reports_the_news(actor: Actor, outlets: frozenset[str]) -> bool:
    """Reporters and the outlets that publish the story tell it; they are not voices in it."""
    return bool(_NEWS_ROLES.search(actor.role)) or outlet_key(actor.name) in outlets


def build_views(actors: list[Actor], quotes: list[Quote], statements: list[Quote], question: str = "",
                outlets: frozenset[str] = frozenset()) -> list[View]:
    """Each voice with its quotes and the statements reported of it (reported speech, from extract.statements);
    `outlets`: `outlet_key`s of the publishers of the articles. A stance on `question` only when there is one, else
    every stance "unclear"."""
    views = []
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        by_speaker[quote.speaker].append(quote)
    reported: dict[str, list[Quote]] = defaultdict(list)
    quoted_in = {(p.source, p.sentence) for q in quotes for p in q.provenance}  # shown as a quote there
    for statement in statements:
        if not any((p.source, p.sentence) in quoted_in for p in statement.provenance):
            reported[statement.speaker].append(statement)
    for actor in actors:
        if actor.kind not in ("person", "organisation") or reports_the_news(actor, outlets):
            continue
        said, reported_here = by_speaker.get(actor.name, []), reported.get(actor.name, [])
        if not said and not reported_here:
            continue
        # a reported statement's stance is read in its whole sentence ("has criticized the plans as ineffective"
        # says where she stands on the plans), a quotation's in its words; between equals, their own words decide
        own = [(q.text, q.text, q.provenance) for q in said]
        told = own + [(s.provenance[0].quote, s.text, s.provenance) for s in reported_here]
        decided = stance_of([read for read, _, _ in told], question) if question else Stance("unclear", None)
        deciding = decided.deciding if decided.deciding is not None else 0
        _, summary, evidence = told[deciding]
        views.append(View(actor.name, decided.stance, summary, [q.id for q in said], list(evidence),
                          [s.id for s in reported_here], summary_reported=deciding >= len(own)))
    # a voice many articles quote leads, not one a single long interview quotes at length
    articles = {v.speaker: {p.source for q in [*by_speaker.get(v.speaker, []), *reported.get(v.speaker, [])]
                            for p in q.provenance} for v in views}
    views.sort(key=lambda v: (-len(articles[v.speaker]), -len(v.quotes), v.speaker))
    return views


SIDES_NEEDED = 2  # voices with a stance: a proposal one voice speaks to is not a debate


def take_sides(actors: list[Actor], quotes: list[Quote], statements: list[Quote], proposal: str,
               outlets: frozenset[str] = frozenset()) -> tuple[str, list[View]]:
    """The debate and its voices: `proposal` when at least SIDES_NEEDED voices take a stance on it, else no debate
    and no stance read (a reader is shown who says what, not a guess at where they stand)."""
    views = build_views(actors, quotes, statements, proposal, outlets)
    if proposal and sum(v.stance != "unclear" for v in views) >= SIDES_NEEDED:
        return proposal, views
    return "", build_views(actors, quotes, statements, "", outlets) if proposal else views


def voices(articles: list[Article], actors: list[Actor], quotes: list[Quote], statements: list[Quote],
           story_name: str, debate: str = "") -> tuple[str, list[View]]:
    """The story's debate and its voices, as reconcile and corrections both need them: the editor's `debate`
    when set, else the story's name if it is a proposal two voices take sides on (see take_sides); the outlets
    that publish the articles and the reporters who write any of them (a transcript's presenters: the anchor of one
    show interviewed on another) are never voices."""
    outlets = publishers(articles)
    if debate:
        return debate, build_views(actors, quotes, statements, debate, outlets)
    return take_sides(actors, quotes, statements, debated_proposal(story_name), outlets)
