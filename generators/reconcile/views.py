"""Who says what: quotes merged across articles, and each voice's stance from its quotes and the opinions
reported of it. Reporters and the outlets that publish the story tell it; they are not voices in it."""

from __future__ import annotations

import re
from collections import defaultdict

from ..extract import content_words
from ..extract.actors import fold
from ..extract.stance import Stance, stance_of
from ..model import Actor, Extraction, Quote, View
from .common import add_provenance


def merge_quotes(extractions: list[Extraction], canonical: dict[str, str]) -> list[Quote]:
    merged: dict[str, Quote] = {}
    for quote in (q for x in extractions for q in x.quotes):
        key = " ".join(sorted(content_words(quote.text)))
        speaker = canonical.get(fold(quote.speaker), quote.speaker)
        if key in merged and merged[key].speaker == speaker:
            add_provenance(merged[key].provenance, quote.provenance)
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
    the publishers of the articles); a stance on `question` only when there is one, else every stance "unclear"."""
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
        decided = stance_of([text for text, _ in statements], question) if question else Stance("unclear", None)
        summary, evidence = statements[decided.deciding if decided.deciding is not None else 0]
        views.append(View(actor.name, decided.stance, summary, [q.id for q in said], list(evidence)))
    views.sort(key=lambda v: (-len(v.quotes), v.speaker))
    return views


SIDES_NEEDED = 2  # voices with a stance: a proposal one voice speaks to is not a debate


def take_sides(actors: list[Actor], quotes: list[Quote], proposal: str,
               outlets: frozenset[str] = frozenset()) -> tuple[str, list[View]]:
    """The debate and its voices: `proposal` when at least SIDES_NEEDED voices take a stance on it, else no debate
    and no stance read (a reader is shown who says what, not a guess at where they stand)."""
    views = build_views(actors, quotes, proposal, outlets)
    if proposal and sum(v.stance != "unclear" for v in views) >= SIDES_NEEDED:
        return proposal, views
    return "", build_views(actors, quotes, "", outlets) if proposal else views
