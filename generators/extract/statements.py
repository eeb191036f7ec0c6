"""Reported speech: what a person is said to say outside quotation marks ("Quinn said roughly 65 per cent
voted in favour", "According to Kim, the office has closed", "…, she said").

The language model's parse decides, not word patterns: the statement is the clause a verb of saying governs
(its `ccomp`), the clause "according to X" stands in, or the predicate of a verb of opinion ("has criticized the
plan as ineffective"); its speaker is the verb's subject when that subject is a name of one of the article's
people (or a name in apposition to it). A pronoun subject ("she said") stands for the one person named in the
nearest sentence before it, unless the article's own pronouns for that person disagree. Denials, negations,
questions, conditions and speech inside someone else's speech give none; so does a subject that names no one
("a spokesman said") or only mentions someone ("a lawyer for Diaz said"): a statement credited to the wrong
person is worse than none.
"""

from __future__ import annotations

from collections import Counter

from ..language import OPINION_VERBS, REPORTING_VERBS, SAYING_VERBS, STANCE_ADJECTIVES
from ..model import Actor, Provenance, Quote, Sentence
from .quotes import (
    ANTECEDENT_WITHIN,
    QUOTATION,
    actor_in,
    agrees,
    inside_quotation,
    people_named,
    person_named_by,
    pronouns_used,
    speaker_names,
)

MIN_STATEMENT_WORDS = 4  # "he said so" is no statement
# a stance adjective states a position only with its complement: "critical of", not "critical to the success"
_ADJECTIVE_COMPLEMENTS = {"supportive": {"of"}, "opposed": {"to"}, "skeptical": {"of", "about"},
                          "sceptical": {"of", "about"}, "critical": {"of"}}


def _slice(doc, tokens: list) -> str | None:
    """The verbatim text of `tokens` without the punctuation at its edges, or None when they are not one run of
    the sentence (words left out in between: the text would put words in the speaker's mouth)."""
    words = [t for t in tokens if not t.is_punct] or tokens
    start, end = words[0], words[-1]
    if end.i - start.i + 1 > len({t.i for t in tokens if start.i <= t.i <= end.i}):
        return None
    text = doc.text[start.idx:end.idx + len(end.text)].strip(" ,;:—–-")
    if text.count("(") > text.count(")") and doc.text[end.idx + len(end.text):].lstrip().startswith(")"):
        text += ")"
    return text if text.count("(") == text.count(")") else None


def _part_of_a_quotation(text: str) -> bool:
    """A quotation mark without its pair: the clause runs into or out of a quotation."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def _subject(verb):
    """The verb's active subject; for "…, saying they are …" or "… and added he …", the subject of the verb it
    is joined to (never through an `xcomp`: "refused to say", "urged her to say" are not saying). None when the
    subject is unclear: two of them ("X, said Y, was wrong")."""
    head = verb
    while True:
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        if subjects or head.dep_ not in ("advcl", "conj") or head.head.i == head.i:
            return subjects[0] if len(subjects) == 1 else None
        head = head.head


def _asserted(verb) -> bool:
    """The verb states something: not negated ("did not say"), not in a condition ("if she says"), not in a
    question, not inside another person's speech ("X claimed that Y said")."""
    if any(c.dep_ == "neg" or c.lower_ in ("if", "whether", "unless") for c in verb.children):
        return False
    if verb.sent.text.rstrip().rstrip("\"”’)").endswith("?"):
        return False
    token = verb
    while token.head.i != token.i:  # inside the clause of a verb of saying: the statement is that verb's speaker's
        if token.dep_ in ("ccomp", "xcomp") and token.head.lower_ in SAYING_VERBS:
            return False
        token = token.head
    return True


def _statement(doc, verb) -> tuple[str, list] | None:
    """What the verb reports and who says it: the clause a verb of saying governs ("said the plan failed"), the
    predicate of a verb of opinion ("has criticized the plan as ineffective"), or the clause "according to X"
    stands in; with the subject's tokens (conjoined subjects each: "Diaz and Quinn say")."""
    if verb.lower_ == "according":
        speaker = next((g for c in verb.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"), None)
        main = verb.head
        if speaker is None or not _asserted(main) or main.lower_ in SAYING_VERBS:
            return None
        # the parse often reads the statement's subject as an apposition of the speaker ("According to Kim, the
        # commission has …"): it belongs to the statement when the statement has no subject of its own
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in main.children)
        kept = set() if own_subject else {t.i for c in speaker.children if c.dep_ == "appos" for t in c.subtree}
        source = {t.i for t in verb.subtree} - kept
        text = _slice(doc, sorted((t for t in main.subtree if t.i not in source), key=lambda t: t.i))
        return (text, [speaker]) if text else None
    if verb.lower_ in STANCE_ADJECTIVES:  # "Quinn was supportive of the plan": the copula's predicate, also as
        wanted = _ADJECTIVE_COMPLEMENTS.get(verb.lower_, set())  # another reports it ("noting that X was …")
        if verb.dep_ != "acomp" or not any(c.dep_ == "prep" and c.lower_ in wanted for c in verb.children):
            return None
        verb = verb.head
        if any(c.dep_ == "neg" for c in verb.children):
            return None
    elif not _asserted(verb):
        return None
    subject = _subject(verb)
    if subject is None:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if verb.lower_ in OPINION_VERBS or verb.lower_ in ("is", "was", "are", "were", "be", "been"):
        if verb.lower_ in OPINION_VERBS and clause is None and not any(c.dep_ == "dobj" for c in verb.children):
            return None
        # the predicate, from the verb (with its auxiliaries) on: "has criticized the plan as ineffective"
        start = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "auxpass"))])
        own = {t.i for c in verb.children if c.dep_ in ("conj", "cc") for t in c.subtree}
        said = [t for t in verb.subtree if t.i >= start and t.i not in own]
    elif clause is not None:
        said = list(clause.subtree)
    else:
        return None
    text = _slice(doc, sorted(said, key=lambda t: t.i))
    return (text, [subject, *subject.conjuncts]) if text else None


def _opened(sentences: list[Sentence]) -> list[bool]:
    """Per sentence, whether it begins inside a quotation opened earlier in its paragraph."""
    inside, paragraph, found = False, None, []
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            inside, paragraph = False, sentence.paragraph
        found.append(inside)
        inside = inside_quotation(sentence.text, len(sentence.text), inside)
    return found


def extract_statements(sentences: list[Sentence], actors: list[Actor], docs: list | None = None) -> list[Quote]:
    """The reported statements of one article, each with its speaker and its sentences (`docs`: the language
    layer's reading of each sentence; sentences it did not parse give none)."""
    # organisations are no speakers here: "the company said it expects …" is read as often from a press release as
    # from a person, and the model's organisations include many a misread name
    people = speaker_names(actors, ("person",))
    by_name = {actor.name: actor for _, actor in people}
    named_in = people_named(sentences, people)
    pronoun_use = pronouns_used(sentences, named_in)
    found: dict[tuple[str, str], Quote] = {}
    for i, (sentence, doc, opened) in enumerate(zip(sentences, docs or [None] * len(sentences), _opened(sentences),
                                                    strict=True)):
        if doc is None or not doc.has_annotation("DEP"):
            continue
        for verb in doc:
            if verb.lower_ not in REPORTING_VERBS or inside_quotation(doc.text, verb.idx, opened):
                continue
            if verb.lower_ not in ("according", *STANCE_ADJECTIVES) and not verb.tag_.startswith("VB"):
                continue
            read = _statement(doc, verb)
            if read is None or len(read[0].split()) < MIN_STATEMENT_WORDS or QUOTATION.search(read[0]) \
                    or _part_of_a_quotation(read[0]) \
                    or inside_quotation(doc.text, doc.text.find(read[0]), opened):
                continue  # a quotation (or part of one) is a quote, with its own speaker
            text, subjects = read
            for subject in subjects:
                if subject.lower_ in ("he", "she") and len(subjects) > 1:
                    continue  # "both she and Quinn say": a pronoun is resolved only as the one subject
                if subject.lower_ in ("he", "she"):
                    before = QUOTATION.sub(" ", doc.text[:subject.idx])
                    speaker = None if actor_in(before, people, first=True) else \
                        _antecedent(sentences, docs, named_in, i, subject.lower_, by_name, pronoun_use)
                    signal = f"reported: “{subject.text} {verb.text}”, the one person named just before"
                else:
                    speaker = person_named_by(doc, subject, people)
                    signal = f"reported: the subject of “{verb.text}”"
                if speaker is None:
                    continue
                where = Provenance(sentence.source, sentence.index, sentence.text)
                kept = found.setdefault((speaker.name, text), Quote("", speaker.name, text, [], signal))
                if where not in kept.provenance:
                    kept.provenance.append(where)
    return list(found.values())


def _antecedent(sentences: list[Sentence], docs: list | None, named_in: list[set[str]], i: int, pronoun: str,
                people: dict[str, Actor], pronoun_use: dict[str, Counter]) -> Actor | None:
    """The person a "he" or "she" at sentence `i` stands for (its own sentence names no one before it): the only
    one named in the nearest sentence before it that names anyone, within ANTECEDENT_WITHIN and the paragraph
    before; none when an unnamed speaker comes in between ("A spokesman said …"), or when the article calls that
    person by the other pronoun more often."""
    for j in range(i - 1, max(-1, i - ANTECEDENT_WITHIN - 1), -1):
        if sentences[j].paragraph < sentences[i].paragraph - 1:
            return None
        if named_in[j]:
            if len(named_in[j]) != 1:
                return None
            person = next(iter(named_in[j]))
            use = pronoun_use.get(person, Counter())
            return people.get(person) if agrees(pronoun, use) else None
        doc = docs[j] if docs else None
        if doc is not None and any(t.lower_ in SAYING_VERBS and t.tag_.startswith("VB") and any(
                c.dep_ == "nsubj" and c.lower_ not in ("he", "she") for c in t.children) for t in doc):
            return None  # "A spokesman said …": a later "he" may be the spokesman
    return None
