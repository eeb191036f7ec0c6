"""Who says what: quotes merged across articles, and each voice's stance from its quotes and the opinions
reported of it. Reporters and the outlets that publish the story tell it; they are not voices in it."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..extract import content_words
from ..extract.actors import fold
from ..extract.dates import WEEKDAYS
from ..extract.stance import Stance, stance_of
from ..ingest.metadata import MONTHS
from ..model import Actor, Article, Extraction, Provenance, Quote, View
from .common import add_provenance
from .overview import debated_proposal


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


def opinion_gap(sentence: str, names: list[str]) -> int | None:
    """A reported opinion: one of the names is the subject of an opinion verb ("X, dean of …, warned"); how far
    the verb's end lies from that name (the nearest such pair, in characters), or None."""
    if sentence.lstrip().startswith(("\"", "“")):
        return None  # a quotation, kept as a quote
    gaps = []
    for name in names:
        start = sentence.find(name)
        while start >= 0:
            end = start + len(name)
            whole_word = (start == 0 or not sentence[start - 1].isalnum()) and not sentence[end:end + 1].isalnum()
            verb = _AFTER_SUBJECT.match(sentence, end) if whole_word and is_subject(sentence, start) else None
            if verb:
                gaps.append(verb.end() - end)
            start = sentence.find(name, start + 1)
    return min(gaps, default=None)


_NEWS_ROLES = re.compile(r"\b(?:correspondent|reporter|anchor|newsreader|presenter|bureau chief|cameraman|"
                         r"photographer|stringer)s?\b", re.I)


def reports_the_news(actor: Actor, outlets: frozenset[str]) -> bool:
    """Reporters and the outlets that publish the story tell it; they are not voices in it."""
    return bool(_NEWS_ROLES.search(actor.role)) or outlet_key(actor.name) in outlets


def outlet_key(name: str) -> str:
    """"The Guardian" and "Guardian" are one outlet."""
    return re.sub(r"^the\s+", "", fold(name))


# "She said the plan …", "He also told reporters …": a pronoun the subject of a verb of saying.
_PRONOUN_SAYS = re.compile(r"^(?:He|She) (?:also |later |\w+ly )?(?:said|says|told|added|explained|noted|argued|warned|stressed|"
                           r"insisted|believes|believed|thinks|thought|acknowledged|admitted|conceded)\b")
ANTECEDENT_WITHIN = 2  # sentences back to the person a pronoun stands for, in its paragraph or the one before


# A last word that names no one alone: a month ("Theresa May" is not every "May"), a weekday, a suffix, an initial.
_NOT_A_SURNAME = re.compile("|".join([*MONTHS, *WEEKDAYS, r"jr\.?", r"sr\.?", "ii", "iii", "iv", r"\w\.?"]), re.I)


def person_mentions(articles: list[Article], actors: list[Actor]) -> dict[tuple[str, int], dict[str, list[str]]]:
    """Per sentence, the people it names and by which of their names: in each article that names a person, its full
    name, aliases and surname wherever they stand as words (the language model misses many a lone "Traeger"); a
    surname two people of one article share names neither."""
    by_source = {a.source: a for a in articles}
    cited: dict[str, list[Actor]] = defaultdict(list)
    for actor in actors:
        if actor.kind == "person":
            for source in dict.fromkeys(p.source for p in actor.provenance):
                cited[source].append(actor)
    found: dict[tuple[str, int], dict[str, list[str]]] = defaultdict(dict)
    for source, people in cited.items():
        article = by_source.get(source)
        if article is None:
            continue
        surnames = Counter(person.name.split()[-1] for person in people)
        for person in people:
            names = [person.name, *person.aliases]
            surname = person.name.split()[-1]
            if surnames[surname] == 1 and surname not in names and not _NOT_A_SURNAME.fullmatch(surname):
                names.append(surname)
            pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                                 + r")(?![\w'’-])")
            for sentence in article.sentences:
                said_as = dict.fromkeys(m.group() for m in pattern.finditer(sentence.text))
                if said_as:
                    found[(source, sentence.index)][person.name] = list(said_as)
    return found


def reported_statements(articles: list[Article], actors: list[Actor]) -> dict[str, list[Provenance]]:
    """What each person is reported to say, outside quotation marks: sentences where one of its names is the
    subject of a verb of saying, the nearest one to its verb ("Lonechild said that …"), or a pronoun is ("She
    said she saw the job …") and the nearest sentence before it, within ANTECEDENT_WITHIN, names that person and
    no other; else nobody's (a statement credited to the wrong person is worse than none)."""
    mentions = person_mentions(articles, actors)
    found: dict[str, list[Provenance]] = defaultdict(list)
    for article in articles:
        for i, sentence in enumerate(article.sentences):
            where = Provenance(sentence.source, sentence.index, sentence.text)
            gaps = {person: opinion_gap(sentence.text, said_as)
                    for person, said_as in mentions.get((sentence.source, sentence.index), {}).items()}
            nearest = sorted((gap, person) for person, gap in gaps.items() if gap is not None)
            if nearest and (len(nearest) == 1 or nearest[0][0] < nearest[1][0]):  # the name nearest its verb:
                found[nearest[0][1]].append(where)  # "Sharks head coach Peter DeBoer said" is DeBoer's
                continue
            if nearest or not _PRONOUN_SAYS.match(sentence.text):
                continue  # named speakers who tie credit nobody, not the pronoun's antecedent either
            for before in article.sentences[max(0, i - ANTECEDENT_WITHIN):i][::-1]:
                if before.paragraph < sentence.paragraph - 1:
                    break
                people = mentions.get((before.source, before.index), {})
                if people:
                    if len(people) == 1:
                        found[next(iter(people))].append(where)
                    break
    return {person: list(dict.fromkeys(said)) for person, said in found.items()}


def build_views(actors: list[Actor], quotes: list[Quote], question: str = "", outlets: frozenset[str] = frozenset(),
                reported: dict[str, list[Provenance]] | None = None) -> list[View]:
    """Each voice with its quotes and the statements reported of it (`reported`, from reported_statements);
    `outlets`: `outlet_key`s of the publishers of the articles. A stance on `question` only when there is one, else
    every stance "unclear"."""
    views = []
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        by_speaker[quote.speaker].append(quote)
    quoted_in = {(p.source, p.sentence) for q in quotes for p in q.provenance}  # shown as a quote there
    for actor in actors:
        if actor.kind not in ("person", "organisation") or reports_the_news(actor, outlets):
            continue
        said = by_speaker.get(actor.name, [])
        statements = (reported or {}).get(actor.name, []) if actor.kind == "person" else []
        reported_here = [p for p in statements if (p.source, p.sentence) not in quoted_in]
        if not said and not reported_here:
            continue
        told = [(p.quote, [p]) for p in reported_here] + [(q.text, q.provenance) for q in said]
        decided = stance_of([text for text, _ in told], question) if question else Stance("unclear", None)
        summary, evidence = told[decided.deciding if decided.deciding is not None else 0]
        views.append(View(actor.name, decided.stance, summary, [q.id for q in said], list(evidence), reported_here))
    views.sort(key=lambda v: (-len(v.quotes), v.speaker))
    return views


SIDES_NEEDED = 2  # voices with a stance: a proposal one voice speaks to is not a debate


def take_sides(actors: list[Actor], quotes: list[Quote], proposal: str, outlets: frozenset[str] = frozenset(),
               reported: dict[str, list[Provenance]] | None = None) -> tuple[str, list[View]]:
    """The debate and its voices: `proposal` when at least SIDES_NEEDED voices take a stance on it, else no debate
    and no stance read (a reader is shown who says what, not a guess at where they stand)."""
    views = build_views(actors, quotes, proposal, outlets, reported)
    if proposal and sum(v.stance != "unclear" for v in views) >= SIDES_NEEDED:
        return proposal, views
    return "", build_views(actors, quotes, "", outlets, reported) if proposal else views


def voices(articles: list[Article], actors: list[Actor], quotes: list[Quote], story_name: str,
           debate: str = "") -> tuple[str, list[View]]:
    """The story's debate and its voices, as reconcile and corrections both need them: the editor's `debate`
    when set, else the story's name if it is a proposal two voices take sides on (see take_sides); the outlets
    that publish the articles are never voices."""
    outlets = frozenset(outlet_key(a.outlet) for a in articles if a.outlet)
    reported = reported_statements(articles, actors)
    if debate:
        return debate, build_views(actors, quotes, debate, outlets, reported)
    return take_sides(actors, quotes, debated_proposal(story_name), outlets, reported)
