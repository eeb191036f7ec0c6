"""Reported speech: what a person is said to say outside quotation marks ("Traeger said roughly
65 per cent voted in favour", "According to Kim, the office has closed", "…, she said").

The language model's parse decides, not word patterns: the statement is the clause a verb of saying governs
(its `ccomp`), or the clause "according to X" stands in; its speaker is the verb's subject, read as a name of one
of the article's actors. A pronoun subject ("she said") stands for the one person named in the nearest sentence
before it, within the paragraph or the one before; where no one, or several, are named there, or the subject
names no actor ("a spokesman said"), the statement is nobody's and is left out: a statement credited to the
wrong person is worse than none.
"""

from __future__ import annotations

from collections import Counter

from ..language import OPINION_VERBS, REPORTING_VERBS, STANCE_ADJECTIVES
from ..model import Actor, Provenance, Quote, Sentence
from .quotes import _QUOTE, _actor_in, _inside_quotation, _names, _noun_phrase

MIN_STATEMENT_WORDS = 4  # "he said so" is no statement
ANTECEDENT_WITHIN = 2  # sentences back to the person a pronoun stands for, in its paragraph or the one before
_PERSONAL = {"he", "she"}


def _slice(doc, tokens: list) -> str:
    """The verbatim text from the first to the last of `tokens`, without the punctuation at its edges."""
    words = [t for t in tokens if not t.is_punct] or tokens
    start, end = words[0], words[-1]
    return doc.text[start.idx:end.idx + len(end.text)].strip(" ,;:—–-")


def _part_of_a_quotation(text: str) -> bool:
    """A quotation mark without its pair: the clause runs into or out of a quotation."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def _subject(verb):
    """The verb's active subject; for "…, saying they are …" or "… and added he …", the subject of the verb it
    hangs from."""
    head = verb
    while True:
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None or head.dep_ not in ("advcl", "conj", "xcomp") or head.head.i == head.i:
            return subject
        head = head.head


def _statement(doc, verb) -> tuple[str, list] | None:
    """What the verb reports and who says it: the clause a verb of saying governs ("said the plan failed"), the
    predicate of a verb of opinion ("has criticized the plan as ineffective"), or the clause "according to X"
    stands in; with the subject's tokens (conjoined subjects each: "she and Ponton say")."""
    if verb.lower_ == "according":
        speaker = next((g for c in verb.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"), None)
        if speaker is None:
            return None
        # the parse often reads the statement's subject as an apposition of the speaker ("According to Kim, the
        # commission has …"): an apposition stays in the statement
        kept = {t.i for c in speaker.children if c.dep_ == "appos" for t in c.subtree}
        source = {t.i for t in verb.subtree} - kept
        said = sorted((t for t in verb.head.subtree if t.i not in source), key=lambda t: t.i)
        return (_slice(doc, said), [speaker]) if said else None
    if verb.lower_ in STANCE_ADJECTIVES:  # "Trump was supportive of the battle": the copula's predicate
        if verb.dep_ != "acomp":
            return None
        verb = verb.head
    subject = _subject(verb)
    if subject is None:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if verb.lower_ in ("is", "was", "are", "were", "be", "been"):
        own = {t.i for t in subject.subtree} | {c.i for c in verb.children if c.dep_ == "mark"}
        said = sorted((t for t in verb.subtree if t.i not in own), key=lambda t: t.i)
    elif clause is not None:
        said = sorted(clause.subtree, key=lambda t: t.i)
    elif verb.lower_ in OPINION_VERBS and any(c.dep_ == "dobj" for c in verb.children):
        own = {t.i for t in subject.subtree} | {t.i for c in verb.children if c.dep_ in ("conj", "cc") for t in c.subtree}
        said = sorted((t for t in verb.subtree if t.i not in own), key=lambda t: t.i)
    else:
        return None
    return _slice(doc, said), [subject, *subject.conjuncts]


def _speaker_names(actors: list[Actor]) -> list[tuple[str, Actor]]:
    """Names and aliases of the article's people, and a surname alone where no one else of the article shares it
    ("Traeger said"). Organisations are not read as speakers here: "the company said it expects …" is read as
    often from a press release as from a person, and the model's organisations include many a misread name."""
    names = _names(actors, ("person",))
    people = [a for a in actors if a.kind == "person" and len(a.name.split()) > 1]
    surnames = Counter(a.name.split()[-1] for a in people)
    known = {fold_name for fold_name, _ in names}
    names += [(a.name.split()[-1], a) for a in people
              if surnames[a.name.split()[-1]] == 1 and a.name.split()[-1] not in known]
    return names


def extract_statements(sentences: list[Sentence], actors: list[Actor], docs: list | None = None) -> list[Quote]:
    """The reported statements of one article, each with its speaker and its sentence (`docs`: the language
    layer's reading of each sentence; sentences it did not parse give none)."""
    people = _speaker_names(actors)
    named_in: dict[int, set[str]] = {}  # per sentence, the people it names
    found: list[Quote] = []
    for i, (sentence, doc) in enumerate(zip(sentences, docs or [None] * len(sentences), strict=True)):
        outside = _QUOTE.sub(" ", sentence.text)
        named_in[i] = {actor.name for name, actor in people if _actor_in(outside, [(name, actor)], first=True)}
        if doc is None or not doc.has_annotation("DEP"):
            continue
        for verb in doc:
            if verb.lower_ not in REPORTING_VERBS or _inside_quotation(doc.text, verb.idx):
                continue
            if verb.lower_ not in ("according", *STANCE_ADJECTIVES) and not verb.tag_.startswith("VB"):
                continue
            read = _statement(doc, verb)
            if read is None or len(read[0].split()) < MIN_STATEMENT_WORDS or _QUOTE.search(read[0]) \
                    or _part_of_a_quotation(read[0]) or _inside_quotation(doc.text, doc.text.find(read[0])):
                continue  # a quotation (or part of one) is a quote, with its own speaker
            text, subjects = read
            for subject in subjects:
                if subject.lower_ in _PERSONAL:
                    speaker = _antecedent(sentences, named_in, i, {a.name: a for _, a in people})
                    signal = f"reported: “{subject.text} {verb.text}”, the one person named just before"
                else:
                    speaker = _named(doc, subject, people)
                    signal = f"reported: the subject of “{verb.text}”"
                if speaker is not None and not any(q.speaker == speaker.name and q.text == text for q in found):
                    found.append(Quote("", speaker.name, text, [Provenance(sentence.source, sentence.index,
                                                                           sentence.text)], signal))
    return found


def _named(doc, subject, people: list[tuple[str, Actor]]) -> Actor | None:
    """The person a subject names: the name it is part of; else a name in apposition ("Lopes's deputy, Rui
    Santos, said"); else one in its noun phrase, never its possessor's ("Lopes's deputy said" is not Lopes)."""
    entity = next((e for e in doc.ents if e.start <= subject.i < e.end), None)
    if entity is not None:
        return _actor_in(entity.text, people, first=True)
    for apposition in (c for c in subject.children if c.dep_ == "appos"):
        named = _actor_in(" ".join(t.text for t in apposition.subtree), people, first=True)
        if named is not None:
            return named
    possessor = {t.i for c in subject.children if c.dep_ == "poss" for t in c.subtree}
    return _actor_in(" ".join(t.text for t in _noun_phrase(subject) if t.i not in possessor), people, first=True)


def _antecedent(sentences: list[Sentence], named_in: dict[int, set[str]], i: int,
                people: dict[str, Actor]) -> Actor | None:
    """The person a "he" or "she" at sentence `i` stands for: the only one named in the nearest sentence before it
    that names anyone, within ANTECEDENT_WITHIN and the paragraph before."""
    for j in range(i - 1, max(-1, i - ANTECEDENT_WITHIN - 1), -1):
        if sentences[j].paragraph < sentences[i].paragraph - 1:
            break
        if named_in.get(j):
            return people.get(next(iter(named_in[j]))) if len(named_in[j]) == 1 else None
    return None
