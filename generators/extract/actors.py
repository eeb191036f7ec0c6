"""People, organisations and places: the language model's named entities, with roles from the text around them.

The model decides what is a name and of which kind; this module adds what it does not: the role a
title, a role noun or an apposition gives a person, and short names merged with the long names they
end or abbreviate within one article (reconcile merges across articles and votes on the kind).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from .. import language
from ..model import Actor, Provenance, Sentence
from .dates import WEEKDAYS

TITLES = [
    "Vice President", "Prime Minister", "Deputy Prime Minister", "Foreign Minister", "Defence Minister",
    "Defense Minister", "Interior Minister", "Attorney General", "Secretary of State", "Secretary-General",
    "Secretary General", "President", "Minister", "Secretary", "Senator", "Sen.", "Rep.", "Representative",
    "Congressman", "Congresswoman", "Governor", "Gov.", "Mayor", "King", "Queen", "Emperor", "Judge",
    "Justice", "General", "Gen.", "Colonel", "Col.", "Lt.", "Lieutenant", "Captain", "Capt.", "Major",
    "Sergeant", "Admiral", "Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Professor", "Prof.",
    "Chancellor", "Pope", "Sheikh", "Ambassador", "Commissioner", "Chief", "Director", "Detective",
    "Officer", "Deputy", "Speaker", "Chairman", "Chairwoman", "CEO", "Bishop", "Archbishop", "Rev.",
    "Sir", "Dame", "Lord", "Lady", "Crown Prince", "Colonel", "Field Marshal", "Marshal", "Ayatollah",
]
_TITLES_FOLDED = {t.lower().rstrip(".") for t in TITLES}
_TITLE_RE = re.compile(r"^(?:(?:former|then|then-|acting|interim|incumbent|late|deputy|vice)\s*-?\s*)*(?:" + "|".join(
    re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")\s+", re.I)
ROLE_NOUNS = {
    "president", "minister", "leader", "chief", "head", "director", "founder", "co-founder", "spokesman",
    "spokeswoman", "spokesperson", "candidate", "challenger", "rival", "adversary", "opponent", "ally",
    "adviser", "advisor", "analyst", "expert", "professor", "dean", "coordinator", "researcher", "lawyer",
    "attorney", "judge", "prosecutor", "doctor", "physician", "official", "officer", "commander", "general",
    "ambassador", "envoy", "secretary", "chairman", "chairwoman", "ceo", "editor", "reporter", "correspondent",
    "governor", "mayor", "senator", "lawmaker", "legislator", "member", "manager", "executive", "economist",
    "historian", "scientist", "activist", "campaigner", "incumbent", "successor", "predecessor", "counterpart",
    "singer", "star", "actor", "producer", "promoter", "cardiologist", "nurse", "witness", "detective",
    "spokesmen", "strongman", "ruler", "dictator", "king", "queen", "prince", "princess", "son", "daughter",
    "brother", "sister", "wife", "husband", "father", "mother", "colonel", "captain", "sheikh", "cleric",
    "pastor", "priest", "owner", "partner", "chancellor", "premier", "delegate", "negotiator", "mediator",
}
_WEEKDAYS = set(WEEKDAYS)
_POSSESSIVE = re.compile(r"['’]s?$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Key for names: accents, case and the dots of "U.S." do not make two names different."""
    if text.isascii():
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("’", "'")
    return re.sub(r"\b([a-z])\.", r"\1", text)


def spelling_key(name: str) -> str:
    """One name as different newsrooms transliterate it ("Mohammed al-Hassan", "Muhammad al-Hasan") gives one key:
    o/u, e/i and y/i, q/k/g, doubled letters, an h after a consonant and an "al-" or "el-" inside the name do
    not count; other vowels do ("Joan" is not "John")."""
    text = re.sub(r"[^a-z]+", " ", fold(name))
    text = re.sub(r"(?<=\S) (?:al|el) (?=\S)", " ", text)  # Arabic's article is written or not: al-Hassan, Hassan
    text = text.replace("ou", "u").replace("o", "u").replace("e", "i").replace("y", "i")
    text = re.sub(r"[qk]", "g", text)
    text = re.sub(r"(?<=[b-df-gj-np-tv-z])h", "", text)
    return " ".join(re.sub(r"(.)\1+", r"\1", text).split())


@dataclass
class Mention:
    name: str
    kind: str
    role: str
    sentence: Sentence
    start: int
    reason: str = ""  # the clue for its kind


_TITLE_INSIDE = re.compile(r"(?:^|\s)(?=(?:" + "|".join(re.escape(t) for t in TITLES if t[0].isupper() and len(t) > 3) + r")\s)")


def _strip_title(span: str) -> tuple[str, str]:
    """"US President John Carter" gives ("John Carter", "US President")."""
    qualifier = ""
    inside = _TITLE_INSIDE.search(span)
    if inside and inside.start() > 0:
        qualifier, span = span[:inside.start()].strip(), span[inside.end():]
    match = _TITLE_RE.match(span + " ")
    if match and match.end() < len(span) + 1:
        return span[match.end():].strip(), f"{qualifier} {match.group(0).strip()}".strip()
    return (span, "") if not qualifier else (qualifier + " " + span, "")


# Lowercase words that describe a role ("government spokesman", "fugitive strongman"); other lowercase words
# before a role noun belong to the sentence ("oust Kenyan leader", "loyal to leader").
_ROLE_MODIFIERS = {"former", "then", "longtime", "fugitive", "acting", "interim", "incumbent", "veteran", "senior",
                   "top", "chief", "deputy", "government", "opposition", "rebel", "military", "army", "police", "party",
                   "foreign", "defence", "defense", "interior", "finance", "prime", "vice", "assistant", "regional",
                   "national", "federal", "local", "state", "political", "religious", "tribal", "union", "campaign"}
_CAPITALISED_FILLERS = {"the", "a", "an", "his", "her", "their", "its", "our", "with", "by", "to", "for", "if", "but",
                        "and", "when", "while", "as", "so", "after", "before", "said", "says"} | _WEEKDAYS
_ADJECTIVE_ENDINGS = ("ed", "ist", "al", "ic", "ive", "ian", "ary")  # "socialist", "liberal", "conservative"
_LINKING = {"to", "by", "of", "against", "for", "with", "from", "on", "at", "that"}


def _describes_role(word: str) -> bool:
    if word[:1].isupper():
        return word.lower() not in _CAPITALISED_FILLERS  # "Kenyan leader", not "If leader" or "Monday leader"
    return word in _ROLE_MODIFIERS or "-" in word or word.endswith(_ADJECTIVE_ENDINGS)  # "left-wing", "deposed"


def _lowercase_role_before(text: str, start: int) -> str:
    """"left-wing challenger Ana Ruiz", "Carter ally John Smith": a role noun right before a name."""
    before = text[max(0, start - 60):start]
    m = re.search(r"((?:[\w’'-]+\s+){0,2}([a-z][\w-]*))\s+$", before)
    if m and m.group(2).lower() in ROLE_NOUNS:
        words = m.group(1).split()
        while len(words) > 1 and (not _describes_role(words[0]) or words[1] in _LINKING  # "loyal to", "led by"
                                  or (words[0].endswith("ed") and words[0] not in _ROLE_MODIFIERS
                                      and len(words) > 2)):  # "warned Kenyan leader": a verb and its object
            # ("deposed leader" keeps its participle)
            words = words[1:]
        return " ".join(words)
    return ""



_CLAUSE_OPENERS = {"and", "but", "or", "nor", "yet", "so", "who", "whom", "whose", "which", "that", "while", "when",
                   "where", "as", "if", "because", "although", "though", "even", "after", "before", "since", "until",
                   "in", "on", "at", "with", "without", "by", "for", "from", "to", "into", "during", "despite"}


def _appositive_role(text: str, end: int) -> str:
    """"Omar Haddad, coordinator of … at the Global Peace Foundation (GPF) in Kenya." A phrase a verb follows is
    that verb's subject, not an apposition: "With Haddad, the prime minister of Kenya said …" """
    m = re.match(r",\s+((?:the\s+|a\s+|an\s+|then\s+|former\s+)?([A-Za-z-]+)\b[^,;:.!?\"“”]*?)(?=,|\.\s|\.$|;|$|\s+(?:was|is|said|says|told|who|whose|has|had|noted|added)\b)", text[end:])
    if not m or re.match(r"\s+(?:was|is|said|says|told|has|had|noted|added)\b", text[end + m.end():]):
        return ""
    head = m.group(2).lower()
    if head in _CLAUSE_OPENERS:
        return ""  # "X, who met … with his counterpart", "X, and its stand against …": a clause, not a role
    role = m.group(1).strip()
    words = role.split()
    if any(w.lower() in ROLE_NOUNS and n[:1].isupper() for w, n in itertools.pairwise(words)):
        return ""  # "X, his son Saif and intelligence chief Abdullah …": a list of people, not X's role
    if head in ROLE_NOUNS or words[-1].lower() in ROLE_NOUNS or (len(words) > 1 and words[1].lower() in ROLE_NOUNS and head in {"the", "a", "an", "former"}) \
            or (any(w.lower() in ROLE_NOUNS for w in words[:3]) and re.search(r"\b(of|at)\b", role)):
        return role.rstrip(" ,")
    return ""


# The last word of a body that belongs to the organisation its first word names: "U.N." is not the "U.N. Security
# Council", nor "Defense" a "Defense Ministry"; "Harbour" may well be "Harbour Energy Corporation".
BODIES = {"council", "committee", "commission", "assembly", "agency", "programme", "program", "court", "tribunal",
          "department", "ministry", "office", "mission", "fund", "bureau", "secretariat", "parliament", "senate",
          "congress", "cabinet", "command", "directorate", "board", "panel", "forces", "force", "secretary"}
KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
_TITLE_BEFORE = re.compile(r"(?:^|(?<=\s))((?:(?:former|then|then-|acting|interim|incumbent|late|deputy|vice)\s*-?\s*)*(?:"
                           + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r"))\s+$")
_QUALIFIER = re.compile(r"((?:former|then|incumbent|acting|interim)\s*-?\s*)?((?:U\.S\.|[A-Z][\w-]*(?:['’]s)?)\s+)?$")


def _title_role(text: str, start: int) -> str:
    """"US President John Carter", "Foreign Secretary Ana Lee", "former Prime Minister Ana Ruiz": the title right
    before a name, with the country, office or "former" that qualifies it."""
    title = _TITLE_BEFORE.search(text[:start])
    if not title:
        return ""
    role = title.group(1)
    qualifier = _QUALIFIER.search(text[:title.start(1)])
    q = qualifier.group(0).strip() if qualifier else ""
    if q and (q.split()[-1].isupper() or q.split()[-1].lower() not in STOP_WORDS):  # "US", not "The", "When"
        role = f"{q} {role}"
    return re.sub(r"-\s+", "-", role.strip())


_EDGE_NUMBERS = re.compile(r"^(?:[\d.,]+\s+)+|(?:\s+[\d.,]+)+$")  # "Johnson 84": a score glued to a name


_EDGES = " -—–'\"“”‘’"
_QUOTE_MARKS = re.compile(r"[\"“”]")


_CAPITALISED_FUNCTION_WORDS = {"the", "a", "an", "and", "but", "or", "so", "if", "as", "once", "when", "while",
                               "after", "before", "since", "then", "also", "even", "yet", "both", "all"}


def _leading_filler(word: str) -> bool:
    """A stop word written in lowercase, or a capitalised function word; "Front", "Top" may begin a name."""
    return word.lower() in STOP_WORDS and (word.islower() or word.lower() in _CAPITALISED_FUNCTION_WORDS)


def _clean_name(span: str) -> str:
    """The name in an entity span: no score, possessive, leading "the" or quotation mark; a quotation mark
    inside ("Roberto "Hands of Stone") ends it."""
    name = _POSSESSIVE.sub("", _EDGE_NUMBERS.sub("", span)).strip(_EDGES)
    while " " in name and _leading_filler(name.split()[0]):  # "the", "Once Harbour Energy"; not "Front to Defend …"
        name = name[len(name.split()[0]):].strip(_EDGES)
    return _QUOTE_MARKS.split(name)[0].strip(_EDGES) if _QUOTE_MARKS.search(name) else name


_PLACE_WORDS = {"in", "near", "outside", "around", "inside", "across", "throughout"}  # "fighting raged in X"
_PLACE_NOUNS = {"city", "town", "port", "village", "capital", "province", "region", "district", "county", "suburb",
                "island", "oasis", "state"}  # "the besieged city of X"


def _placed(text: str, start: int, end: int, kind: str) -> str:
    """The words before the name that make it a place whatever the model says ("the city of X"; for a name the
    model calls a person, also "in X", "near X": no person is a where), or "". Not a possessor ("in Lopez's
    speech")."""
    before = text[:start].split()
    if re.match(r"['’]", text[end:]) or re.search(r"['’]s?$", text[start:end]):
        return ""
    if len(before) >= 2 and before[-1] == "of" and before[-2].lower() in _PLACE_NOUNS:
        return " ".join(before[-2:])
    return before[-1] if kind == "person" and before and before[-1] in _PLACE_WORDS else ""


def _where_something_happened(ent) -> bool:
    """The parse hangs the name's preposition on a verb ("fighting raged in X", "shelled near X"): a where."""
    root = ent.root
    return language.is_parsed(ent.doc) and root.dep_ == "pobj" and root.head.head.tag_.startswith("VB")


STAGE_DIRECTION_LETTERS = 4  # "(NATO)" after its long name is an acronym; "(LAUGHTER)" is no one


def find_mentions(sentences: list[Sentence], docs: list) -> list[Mention]:
    """Every person, organisation and place the model names, with its role where the text gives one."""
    mentions: list[Mention] = []
    for sentence, doc in zip(sentences, docs, strict=True):
        text = sentence.text
        for ent in doc.ents:
            kind = KINDS.get(ent.label_)
            if kind is None or (language.is_parsed(doc) and len(ent) > 1 and ent[0].tag_ == "VBG"):
                continue  # "Defending Ladeira", "Quoting": a verb the model read into a name
            signal = f"the language model's {ent.label_}"
            cue = _placed(text, ent.start_char, ent.end_char, kind) if kind != "place" else ""
            if cue in _PLACE_WORDS and language.is_parsed(doc) and not _where_something_happened(ent):
                cue = ""  # "faith in Lopez", "aides around Haddad": a person after "in" all the same (where the
                # sentence is parsed; elsewhere "in X" votes for a place, and the article's mentions decide)
            if cue:
                kind, signal = "place", f"a name after “{cue}”, so a place (the language model's {ent.label_})"
            name = _clean_name(ent.text)
            name, title = _strip_title(name) if kind == "person" else (name, "")
            start = text.find(name, ent.start_char) if name else -1  # only the span's edges were cut
            if start < 0 or not any(ch.isupper() for ch in name) or (len(name.split()) > 1 and name.isupper()):
                continue  # lowercase spans are phrases; "BREAKING NEWS", "ANDERSON COOPER, CNN HOST:" are tags
            if sentence.speaker and name.isupper() and len(name) > STAGE_DIRECTION_LETTERS \
                    and text[start - 1:start] == "(" and text[start + len(name):start + len(name) + 1] == ")":
                continue  # a transcript's "(INAUDIBLE)", "(CROSSTALK)": what the tape did, not who is in it
            if re.fullmatch(r"(?:[Pp]ro|[Aa]nti|[Nn]on|[Pp]ost|[Pp]re)-[A-Z][\w'’.-]*", name):
                continue  # "pro-Lopez", "anti-Haddad": a word made of a name, not who bears it
            if fold(name) in _TITLES_FOLDED:
                continue  # "the Vice President" with no name: a title, not who holds it
            role = ""
            if kind == "person":
                role = _title_role(text, start) or title or _lowercase_role_before(text, start) \
                    or _appositive_role(text, start + len(name))
            mentions.append(Mention(name, kind, role, sentence, start, signal))
    return mentions


def acronym_pairs(sentences: list[Sentence]) -> dict[str, str]:
    """"Friedrich Ebert Foundation (FES)": the acronym in brackets names the long form before it."""
    pairs: dict[str, str] = {}
    for sentence in sentences:
        for m in re.finditer(r"((?:[A-Z][\w’'-]+\s+(?:(?:of|for|and|the|on)\s+)?){1,7})\(([A-Z]{2,8})\)", sentence.text):
            words = m.group(1).split()
            initials = "".join(w[0] for w in words if w[0].isupper())
            if initials.endswith(m.group(2)[-1]) or m.group(2)[0] == initials[:1]:
                pairs[m.group(2)] = " ".join(words)
    return pairs


def extract_actors(sentences: list[Sentence], docs: list) -> list[Actor]:
    """Actors of one article (`docs`: the language layer's reading of each sentence); short names are merged
    with the long name they end or abbreviate."""
    mentions = find_mentions(sentences, docs)
    return merge_mentions(mentions, acronym_pairs(sentences))


class NameIndex:
    """Actors by every name they go by, so that a new name finds its actor without a scan."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.names: dict[str, str] = {}  # folded name or alias -> actor key
        self.last_words: dict[str, list[str]] = {}  # a person's surname -> actor keys
        self.first_words: dict[str, list[str]] = {}  # an organisation's first word -> actor keys
        self.seen: dict[str, set[Provenance]] = {}

    def add(self, actor: Actor) -> str:
        key = fold(actor.name)
        self.actors[key] = actor
        self.seen[key] = set(actor.provenance)
        self.alias(key, actor.name)
        for alias in actor.aliases:
            self.alias(key, alias)
        words = key.split()
        if actor.kind == "person":
            self.last_words.setdefault(words[-1], []).append(key)
        elif actor.kind == "organisation" and len(words) > 1:
            self.first_words.setdefault(words[0], []).append(key)
        return key

    def alias(self, key: str, name: str) -> None:
        folded = fold(name)
        if self.actors[key].kind == "person" and " " not in folded and folded == key.split()[-1]:
            return  # a surname alone finds its most mentioned namesake, not whichever full name came first
        self.names.setdefault(folded, key)

    def cite(self, key: str, provenance: Provenance) -> None:
        if provenance not in self.seen[key]:
            self.seen[key].add(provenance)
            self.actors[key].provenance.append(provenance)

    def resolve(self, name: str, acronyms: dict[str, str] | None = None, kind: str = "",
                any_surname: bool = False) -> str | None:
        """The actor this name refers to: same name or alias, acronym, then, for a one-word name, a person's
        surname (if the name is a person's; with `any_surname`, of any kind: within one article a lone surname
        is often mistaken for an organisation or a place) or an organisation's first word (if the name is an
        organisation's)."""
        key = fold(name)
        if key in self.names:
            return self.names[key]
        if acronyms and name in acronyms and fold(acronyms[name]) in self.names:
            return self.names[fold(acronyms[name])]
        if len(key.split()) != 1:
            return None
        people = self.last_words.get(key, []) if kind == "person" or any_surname else []
        if people:
            return max(people, key=lambda k: (len(self.actors[k].provenance), k))  # the most mentioned namesake
        orgs = self.first_words.get(key, []) if kind == "organisation" else []
        return orgs[0] if len(orgs) == 1 and orgs[0].split()[-1] not in BODIES else None


def merge_mentions(mentions: list[Mention], acronyms: dict[str, str]) -> list[Actor]:
    index = NameIndex()
    counts: Counter = Counter()
    kinds: dict[str, Counter] = {}
    reasons: dict[tuple[str, str], str] = {}
    # long names first, so that a surname finds the full name it belongs to
    for mention in sorted(mentions, key=lambda m: (-len(m.name.split()), m.sentence.index, m.start)):
        key = index.resolve(mention.name, acronyms, mention.kind, any_surname=True)
        if key is None:
            key = index.add(Actor(id="", name=mention.name, kind=mention.kind))
        actor = index.actors[key]
        # a short name taken for the full one votes for the full name's kind (a lone surname read as an organisation)
        kinds.setdefault(key, Counter())[mention.kind if fold(mention.name) == key else actor.kind] += 1
        reasons.setdefault((key, mention.kind), mention.reason)
        if mention.name != actor.name and mention.name not in actor.aliases:
            actor.aliases.append(mention.name)
            index.alias(key, mention.name)
        if mention.role and fold(mention.role) not in {fold(r) for r in actor.roles}:
            actor.roles.append(mention.role)
        index.cite(key, Provenance(mention.sentence.source, mention.sentence.index, mention.sentence.text))
        counts[key] += 1
    for key, actor in index.actors.items():
        actor.mentions = counts[key]
        votes = kinds[key].most_common()
        actor.kind = votes[0][0]  # the kind most mentions show
        actor.signal = f"{actor.kind}: {reasons[(key, actor.kind)]} ({kinds[key][actor.kind]} of {counts[key]} mentions)"
        actor.provenance.sort(key=lambda p: p.sentence)
    return list(index.actors.values())
