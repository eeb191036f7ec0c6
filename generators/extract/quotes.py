"""Direct quotations and their speakers.

A quotation is text between quotation marks with enough words to be speech (short
quoted phrases are scare quotes). Its speaker is the grammatical subject of the
speech verb next to it, as the language model parses the sentence ("…," said X /
X said / he told / according to X); where the parse gives none, the actor named
in the attribution; a pronoun means the person last named as a subject (or nobody);
a quotation with no attribution at all continues the previous speaker's.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from .. import language
from ..model import Actor, Provenance, Quote, Sentence
from .actors import fold
from .dates import MONTHS, WEEKDAYS

MIN_QUOTE_WORDS = 5
MIN_ATTRIBUTED_WORDS = 3  # "It is a disgrace," said X: short, but said
ANTECEDENT_WITHIN = 2  # sentences back to the person a pronoun stands for (statements: in its paragraph or the last)
QUOTATION = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]")
# The verbs of saying statements are read with (language.SAYING_VERBS), and two that only introduce a quotation
# ("asked", "continued"); "according" and "pointed" only with their particle.
SPEECH_VERBS = "|".join([*sorted(language.SAYING_VERBS - {"according", "pointed"}, key=lambda v: (-len(v), v)),
                         "asked", "continued", "according to", "pointed out"])
_PRONOUN = re.compile(r"\b(he|she|they)\b", re.I)
_SPEECH_WORDS = {verb for verb in SPEECH_VERBS.split("|") if " " not in verb}
_CLAUSE_LINKS = {"advcl", "conj", "xcomp"}  # "Quinn insisted, stating: …": stating's subject is insisted's
_SPLIT_ATTRIBUTION = re.compile(rf"\s*,?\s*(?:[\w.'’-]+\s+){{0,4}}(?:{SPEECH_VERBS})(?:\s+[\w.'’-]+){{0,4}}\s*[,.:]\s*")


# A last word that names no one alone: a month ("Theresa May" is not every "May"), a weekday, a suffix, an initial.
_NOT_A_SURNAME = re.compile("|".join([*MONTHS, *WEEKDAYS, r"jr\.?", r"sr\.?", "ii", "iii", "iv", r"\w\.?"]), re.I)
_GENDERED = {"he": "he", "him": "he", "his": "he", "himself": "he",
             "she": "she", "her": "she", "hers": "she", "herself": "she"}


def people_named(sentences: list[Sentence], people: list[tuple[str, Actor]]) -> list[set[str]]:
    """Per sentence, the people it names outside quotation marks."""
    return [{actor.name for _, _, actor in _mentions(QUOTATION.sub(" ", s.text), people)} for s in sentences]


def pronouns_used(sentences: list[Sentence], named_in: list[set[str]]) -> dict[str, Counter]:
    """How the article refers to each person: the gendered pronouns ("he", "her", …) in sentences that name that
    person alone, and in the unnamed sentence after unless it holds a quotation (its "she said" is what the count
    is to check), counted by gender; never inside a quotation."""
    use: dict[str, Counter] = defaultdict(Counter)
    for j, sentence in enumerate(sentences):
        if len(named_in[j]) != 1:
            continue
        text = QUOTATION.sub(" ", sentence.text)
        following = sentences[j + 1].text if j + 1 < len(sentences) else ""
        if following and not named_in[j + 1] and sentences[j + 1].paragraph == sentence.paragraph \
                and not QUOTATION.search(following):  # a quotation's "she said" is what is to be checked
            text += " " + following
        for word in re.findall(r"[a-z]+", text.lower()):
            if word in _GENDERED:
                use[next(iter(named_in[j]))][_GENDERED[word]] += 1
    return use


def agrees(pronoun: str, use: Counter) -> bool:
    """A "he" or "she" may stand for a person the article does not call by the other pronoun more often."""
    if pronoun not in ("he", "she"):
        return True
    return use["she" if pronoun == "he" else "he"] <= use[pronoun]


def inside_quotation(text: str, position: int, opened: bool = False) -> bool:
    marks = text.count('"', 0, position) + text.count("“", 0, position) + text.count("”", 0, position)
    return (marks + opened) % 2 == 1


def _governing_verb(doc, start: int, end: int, opened: bool):
    """The verb outside the quotation that the quotation hangs from ("Quinn suggested the "…"")."""
    inside = [t for t in doc if start <= t.idx < end and not t.is_punct]
    if not inside:
        return None
    token = inside[0]
    while start <= token.head.idx < end and token.head.i != token.i:
        token = token.head
    if token.dep_ == "advcl":
        return None  # "rotated his commanders “so that no one …”": why the subject acted, not what it said
    token = token.head
    while not token.tag_.startswith("VB") and token.head.i != token.i:
        token = token.head
    if start <= token.idx < end or inside_quotation(doc.text, token.idx, opened) or not token.tag_.startswith("VB"):
        return None
    return token


def _speech_subject(doc, start: int, end: int, opened: bool = False):
    """The subject of the speech verb nearest the quotation at [start, end) of the sentence, outside any quotation
    ("said X", "X told", "according to X"), else of the verb the quotation hangs from; None when the parse
    names neither. `opened`: the sentence begins inside a quotation opened in an earlier one."""
    verbs = [t for t in doc if t.tag_.startswith("VB") and t.lower_ in _SPEECH_WORDS | {"according"}
             and not inside_quotation(doc.text, t.idx, opened)]
    if not verbs:
        verbs = [v for v in [_governing_verb(doc, start, end, opened)] if v is not None]
    for verb in sorted(verbs, key=lambda t: min(abs(t.idx - start), abs(t.idx - end))):
        if verb.lower_ == "according":
            return next((g for c in verb.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"), None)
        head = verb
        while True:
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None or head.dep_ not in _CLAUSE_LINKS or head.head.i == head.i:
                break
            head = head.head
        if subject is not None:
            return subject
    return None


def _parsed_speaker(doc, start: int, end: int, speakers: list[tuple[str, Actor]],
                    opened: bool = False) -> tuple[Actor | None, str]:
    """The actor the speech verb's subject names, and what the subject is: "named" (an actor), "pronoun"
    ("he said"), "unnamed" ("a spokesman said": nobody to credit, whatever names stand nearby) or "" (no parse)."""
    parsed = doc is not None and doc.has_annotation("DEP")
    subject = _speech_subject(doc, start, end, opened) if parsed else None
    if subject is None or subject.tag_ in ("WP", "WDT") or start <= subject.idx < end:
        return None, ""  # "…, who said": the relative pronoun's antecedent is read from the text; a subject inside
        # the quotation is what it says, not who says it (signs reading "Lopez is a fraud")
    if subject.tag_ == "PRP":
        return None, "pronoun"
    actor = person_named_by(doc, subject, speakers)  # who the subject is, never whom it mentions
    if actor is None and subject.lower_ in _DOCUMENTS:  # "according to a report by the Civic Institute"
        author = next((g for c in subject.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                       for g in c.children if g.dep_ == "pobj"), None) or \
            next((c for c in subject.children if c.dep_ == "poss"), None)
        actor = person_named_by(doc, author, speakers) if author is not None else None
    return actor, "named" if actor else "unnamed"


_DOCUMENTS = {"report", "reports", "statement", "statements", "study", "studies", "survey", "surveys", "analysis",
              "communique", "release", "letter", "paper"}  # as written: the parse has no lemmas


def _speaker_in_parse(text: str, parts: list, doc_of: dict, start: int, end: int,
                      speakers: list[tuple[str, Actor]]) -> tuple[Actor | None, str]:
    """The speaker the parse gives, read in the sentence where the quotation opens, else where it closes."""
    for offset, sentence in parts:
        opens = offset <= start < offset + len(sentence.text)
        closes = offset < end <= offset + len(sentence.text)
        if opens or closes:
            speaker, subject = _parsed_speaker(doc_of.get(sentence.index), start - offset, end - offset, speakers,
                                               opened=inside_quotation(text, offset))
            if subject:
                return speaker, subject
    return None, ""


def person_named_by(doc, subject, people: list[tuple[str, Actor]]) -> Actor | None:
    """The person a subject is: the name it is part of, or a name in apposition to it ("Lopes's deputy, Rui
    Santos, said"); never a name it only mentions ("a lawyer for Diaz", "Diaz's deputy", "critics of Diaz")."""
    for token in [subject, *(c for c in subject.children if c.dep_ == "appos")]:
        entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        if entity is not None:
            return actor_in(entity.text, people, first=True)
        if token.tag_ in ("NNP", "NNPS") or (token.i > 0 and token.text[:1].isupper() and token.tag_.startswith("NN")):
            # a name the model did not mark ("Ladeira said"), or took for a plural ("Alves said")
            name = [c for c in token.children if c.dep_ in ("compound", "flat") and c.i < token.i] + [token]
            return actor_in(" ".join(t.text for t in name), people, first=True)
    return None


def _role_holder(subject, people: list[tuple[str, Actor]]) -> Actor | None:
    """The person of the article whose title the subject's noun is ("The president noted …" after "President
    Maria Lopez"), the one named at least twice as often as any other of that title; else None."""
    holders = sorted({actor.name: actor for _, actor in people
                      if any(subject.lower_ in role.lower().replace("-", " ").split() for role in actor.roles)}.values(),
                     key=lambda actor: (-actor.mentions, actor.name))
    if len(holders) > 1 and holders[0].mentions < 2 * holders[1].mentions:
        return None  # two ministers named about as often: which one is meant is a guess
    return holders[0] if holders else None


def _antecedent_in(doc, people: list[tuple[str, Actor]]) -> tuple[Actor | None, bool]:
    """Whom a "he" or "she" in the next sentences can stand for, read in a parsed sentence, and whether the sentence
    decides it: the subject of a verb of saying ("…, Haddad said", not the Lopez of his reported clause;
    "a resident said": nobody; "the president said": the article's one president), else a person named as, or
    as the possessor of, or by the title that is the subject of its main verb ("Lopez's government is …")."""
    for verb in doc:
        if verb.tag_.startswith("VB") and verb.lower_ in _SPEECH_WORDS and not inside_quotation(doc.text, verb.idx):
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            entity = next((e for e in doc.ents if subject is not None and e.start <= subject.i < e.end), None)
            if subject is not None and subject.tag_ not in ("PRP", "WP", "WDT") and \
                    (entity is None or entity.label_ == "PERSON"):  # a company said: no "she"
                return person_named_by(doc, subject, people) or _role_holder(subject, people), True
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subject is None:
        return None, False
    person = person_named_by(doc, subject, people) or next(
        (person_named_by(doc, c, people) for c in subject.children if c.dep_ == "poss"), None) or \
        (_role_holder(subject, people) if subject.tag_ == "NN" else None)
    return person, person is not None


def _is_title(body: str) -> bool:
    """Title Case: every word capitalised ("We Are All Harbour Workers"), or every word of four letters or more
    ("Why Ruritania Isn't Ready to Have Its Own Revolution"), at least three of them; or a programme's or a work's
    name whose only lowercase words are particles ("State of the Union", "Meet the Press")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", body)
    long_words = [w for w in words if len(w) >= 4]
    named = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 2 \
        and all(w[0].isupper() or w in _PARTICLES for w in words)
    return named or any(len(ws) >= 3 and all(w[0].isupper() for w in ws) for ws in (words, long_words))


_PARTICLES = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with", "de", "la", "le", "du"}


def _find_speaker(text_before: str, text_after: str, people: list[tuple[str, Actor]]) -> Actor | None:
    """The actor named in the attribution right after or right before a quotation."""
    after = re.match(rf"\s*,?\s*(?:(?:{SPEECH_VERBS})\s+(?P<after_verb>[^,.;]{{0,60}})|(?P<before_verb>[^,.;\"“]{{0,50}}?)\s+(?:{SPEECH_VERBS})\b)", text_after)
    if after:
        segment = after.group("after_verb") or after.group("before_verb") or ""
        actor = actor_in(segment, people, first=True)
        if actor:
            return actor
    before = re.search(rf"(?P<seg>[^.;\"“”]{{0,120}}?)\b(?:{SPEECH_VERBS})\b[^\"“]{{0,40}}$", text_before)
    if before:
        actor = actor_in(before.group("seg"), people, first=False)
        if actor:
            return actor
    return None


def actor_in(segment: str, people: list[tuple[str, Actor]], first: bool) -> Actor | None:
    """The first (or last) of the actors the segment names; a one-word name only as written, capital and all
    ("Rice said", not "prices of rice")."""
    hits = sorted(_mentions(segment, people), key=lambda h: (h[0], h[1]))
    if not hits:
        return None
    return hits[0][2] if first else hits[-1][2]


def _mentions(segment: str, people: list[tuple[str, Actor]]) -> list[tuple[int, int, Actor]]:
    """Where the segment names each of `people`: (offset, minus the name's length, actor)."""
    hits: list[tuple[int, int, Actor]] = []
    folded = fold(segment)
    for name, actor in people:
        as_written, folded_name = _name_patterns(name)
        if as_written is not None and not as_written.search(segment):
            continue
        hits.extend((m.start(), -len(name), actor) for m in folded_name.finditer(folded))
    return hits


@lru_cache(maxsize=4096)
def _name_patterns(name: str) -> tuple[re.Pattern | None, re.Pattern]:
    """A one-word capitalised name as written (None for others), and any name folded: compiled once, as every
    sentence of an article is matched against every name."""
    as_written = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)") if " " not in name and name[:1].isupper() else None
    return as_written, re.compile(rf"\b{re.escape(fold(name))}\b")


def names_of(actors: list[Actor], kinds: tuple[str, ...]) -> list[tuple[str, Actor]]:
    return [(name, actor) for actor in actors if actor.kind in kinds for name in [actor.name, *actor.aliases]]


def speaker_names(actors: list[Actor], kinds: tuple[str, ...]) -> list[tuple[str, Actor]]:
    """Names and aliases of the article's actors of `kinds`, and a person's surname alone where no one else of the
    article shares it and it names no one else ("Quinn said"; not "May", not "Jr.")."""
    names = names_of(actors, kinds)
    people = [a for a in actors if a.kind == "person" and len(a.name.split()) > 1]
    surnames = Counter(a.name.split()[-1] for a in people)
    known = {name for name, _ in names}
    names += [(a.name.split()[-1], a) for a in people if surnames[a.name.split()[-1]] == 1
              and a.name.split()[-1] not in known and not _NOT_A_SURNAME.fullmatch(a.name.split()[-1])]
    return names


def _sole_speakers(statements: Sequence[Quote], actors: list[Actor]) -> dict[int, Actor]:
    """Sentences that report what exactly one of the actors said, with that actor."""
    by_name = {actor.name: actor for actor in actors}
    speakers: dict[int, set[str]] = defaultdict(set)
    for statement in statements:
        for where in statement.provenance:
            speakers[where.sentence].add(statement.speaker)
    return {i: by_name[name] for i, (name, *others) in speakers.items() if not others and name in by_name}


def _with_continuations(sentences: list[Sentence]):
    """Each sentence with its text, extended over the next ones when a quotation it opens closes later, and
    where in that text each sentence starts (so each one's parse can be read)."""
    continued_until = -1
    for i, sentence in enumerate(sentences):
        text, parts = sentence.text, [(0, sentence)]
        if i < continued_until:
            text, parts = "", []  # wholly inside a quotation read with an earlier sentence
        elif i == continued_until:
            text, parts = _QUOTE_OPEN_TAIL.sub("", text, count=1), []
        j = i
        while text and _unclosed(text) and j + 1 < len(sentences) and sentences[j + 1].paragraph == sentence.paragraph:
            j += 1
            parts.append((len(text) + 1, sentences[j]))
            text = f"{text} {sentences[j].text}"
        continued_until = max(continued_until, j if j > i else -1)
        yield sentence, text, parts


_QUOTE_OPEN_TAIL = re.compile(r"^[^\"“”]*[\"”]")


def _unclosed(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _joined_quotes(text: str) -> list[tuple[int, int, str, str]]:
    """Quotations with their spans and any attribution inside them: one split around its attribution
    ("We will rebuild," she said, "and …") is one quotation."""
    found: list[tuple[int, int, str, str]] = []
    for m in QUOTATION.finditer(text):
        body = m.group(1).strip().rstrip(",")
        middle = text[found[-1][1]:m.start()] if found else ""
        if found and not found[-1][3] and _SPLIT_ATTRIBUTION.fullmatch(middle):
            start, _, first, _ = found.pop()
            joined = f"{first.rstrip(',')}, {body}" if body[:1].islower() else f"{first} {body}"
            found.append((start, m.end(), joined, middle))
        else:
            found.append((m.start(), m.end(), body, ""))
    return found


def extract_quotes(sentences: list[Sentence], actors: list[Actor], docs: list | None = None,
                   statements: Sequence[Quote] = ()) -> list[Quote]:
    """Quotations of one article with speakers from its own actors (`docs`: the language layer's reading of each
    sentence, whose parse names the speaker; `statements`: its reported speech, whose speaker a quotation with no
    attribution right after continues: "Guest says there are many reasons. / “The emergency department …”")."""
    reported_by = _sole_speakers(statements, actors)
    doc_of = {s.index: d for s, d in zip(sentences, docs or [None] * len(sentences), strict=True)}
    people = speaker_names(actors, ("person",))
    # an organisation is credited only as the subject of the verb of saying ("Harbour Energy said", "according to
    # the Civic Institute"): never by a pronoun, a continuation or a name nearby
    named_subjects = speaker_names(actors, ("person", "organisation"))
    pronoun_use = pronouns_used(sentences, people_named(sentences, people))
    quotes: list[Quote] = []
    last_person: Actor | None = None
    previous_speaker: Actor | None = None
    previous_paragraph = -2
    previous_at = last_person_at = last_person_paragraph = -1
    for sentence, text, parts in _with_continuations(sentences):
        found_here = False
        for start, end, body, inside in _joined_quotes(text):
            before, after = text[:start], (inside + " " + text[end:] if inside else text[end:])
            speaker, subject = (None, "") if inside else _speaker_in_parse(text, parts, doc_of, start, end, named_subjects)
            attributed = subject == "named" or re.match(rf"\s*,?\s*(?:{SPEECH_VERBS})\b", after) or \
                re.search(rf"\b(?:{SPEECH_VERBS})\s*[,:]?\s*$", before)  # "“We may never know,” Lopez said"
            if len(body.split()) < (MIN_ATTRIBUTED_WORDS if attributed else MIN_QUOTE_WORDS):
                continue
            if _is_title(body):
                continue  # "After the Vote: Why Ruritania Isn't Ready": a headline or a name, not speech
            if re.search(rf"\b(?:{SPEECH_VERBS})[.,]?$", body):
                continue  # "… spokesman Tom Quinn said.": narration between two quotations whose marks were misread
            if subject == "unnamed":
                continue  # "said a spokesman": an unnamed speaker is not the actor named elsewhere in the sentence
            signal = "the subject of the speech verb"
            if not subject:
                speaker, signal = _find_speaker(before, after, people), "attribution next to the quotation"
            attribution = re.search(rf"\b(?:{SPEECH_VERBS})\b", before[-60:] + " " + after[:60])
            if speaker is None and (subject == "pronoun" or (attribution and _PRONOUN.search(before + " " + after[:40]))):
                near = _PRONOUN.search(before[-60:] + " " + after[:40])
                personal = near is not None and near.group().lower() in ("he", "she")  # a person, never a company
                recent_quote = previous_speaker and sentence.paragraph - previous_paragraph <= 1 \
                    and previous_at >= last_person_at and not (personal and previous_speaker.kind != "person")
                near_enough = sentence.index - last_person_at <= ANTECEDENT_WITHIN \
                    and sentence.paragraph - last_person_paragraph <= ANTECEDENT_WITHIN
                speaker = previous_speaker if recent_quote else last_person if near_enough else None
                signal = "pronoun: the speaker just quoted" if recent_quote else "pronoun: the person last named"
                if speaker is not None and near is not None and not agrees(near.group().lower(),
                                                                           pronoun_use.get(speaker.name, Counter())):
                    previous_speaker = None  # nor the quotation after it
                    continue  # "she said" after a man: nobody's, rather than his
            if speaker is None and not attribution and sentence.index - 1 in reported_by:
                speaker = reported_by[sentence.index - 1]
                signal = "no attribution: continues what the sentence before reports the speaker said"
            if speaker is None and not attribution and previous_speaker and previous_speaker.kind == "person" \
                    and sentence.paragraph - previous_paragraph <= 1:
                speaker, signal = previous_speaker, "no attribution: continues the previous speaker's quotation"
            # the person named before, if the sentence has a verb of saying ("Lopez rotated his commanders “so that
            # …”" has none); "He said …" with no one for the pronoun to stand for is nobody's
            if speaker is None and subject != "pronoun" and attribution:
                speaker, signal = actor_in(before, people, first=True), "the sentence's subject"
            if speaker is None:
                continue
            quotes.append(Quote("", speaker.name, body, [Provenance(sentence.source, sentence.index, sentence.text)],
                                signal=signal))
            previous_speaker, previous_paragraph, found_here = speaker, sentence.paragraph, True
            previous_at = sentence.index
        named = actor_in(QUOTATION.sub(" ", text), people, first=True)
        doc = doc_of.get(sentence.index)
        if doc is not None and language.is_parsed(doc):  # "he" is the last subject: "a woman urged Lopez to help"
            antecedent, has_subject = _antecedent_in(doc, people)  # gives no one a "she" could be
            if named is not None or has_subject:
                last_person, last_person_at, last_person_paragraph = antecedent, sentence.index, sentence.paragraph
        elif named is not None:
            last_person, last_person_at, last_person_paragraph = named, sentence.index, sentence.paragraph
        if not found_here and sentence.paragraph - previous_paragraph > 1:
            previous_speaker = None
    return quotes


MAX_TURN_WORDS = 80  # a long answer is quoted in parts of whole sentences


def turn_quotes(sentences: list[Sentence], actors: list[Actor], guests: dict[str, str]) -> list[Quote]:
    """A broadcast transcript's guests in their own words: each turn a guest speaks is their quotation (in parts
    of whole sentences, each part citing its sentences), credited to the person the label names when the article
    names that person too (`guests`: the transcript's speakers who are not its presenters, with the role the
    label gives; a label that names nobody the text names, "UNIDENTIFIED MALE", credits no one)."""
    turns: list[list[Sentence]] = []
    for sentence in sentences:
        if turns and turns[-1][-1].speaker == sentence.speaker and turns[-1][-1].index == sentence.index - 1:
            turns[-1].append(sentence)
        else:
            turns.append([sentence])
    quotes: list[Quote] = []
    for turn in turns:
        name = turn[0].speaker
        speaker = _labelled(name, actors) if name in guests else None
        if speaker is None:
            continue
        parts: list[list[Sentence]] = [[]]
        for sentence in turn:
            if parts[-1] and sum(len(s.text.split()) for s in [*parts[-1], sentence]) > MAX_TURN_WORDS:
                parts.append([])
            parts[-1].append(sentence)
        for part in parts:
            text = " ".join(s.text for s in part)
            if len(text.split()) >= MIN_QUOTE_WORDS:
                quotes.append(Quote("", speaker.name, text, [Provenance(s.source, s.index, s.text) for s in part],
                                    signal=f"transcript: the turn of {name} ({guests[name]})"))
    return quotes


def _labelled(label: str, actors: list[Actor]) -> Actor | None:
    """The person a transcript's label names in full ("Sen. Jane Roe" is Jane Roe), never one who only shares
    the family name ("Bill Roe" is not Hillary Roe's speaker)."""
    folded = fold(label)
    people = [a for a in actors if a.kind == "person" and len(a.name.split()) > 1]
    names = [(name, a) for a in people for name in [a.name, *a.aliases] if len(name.split()) > 1]
    return next((a for name, a in names if folded == fold(name)), None) or \
        next((a for name, a in names if folded.endswith(" " + fold(name))), None)
