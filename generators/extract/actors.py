"""People, organisations and places: capitalised spans, classified by general cues.

No list of this story's names: a span is a person, organisation or place because
of its shape (titles before it, organisation words in it, an acronym, a country
name from `pycountry`), and short names are merged with the long names they end.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pycountry

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
ORG_WORDS = {
    "ministry", "foundation", "institute", "institution", "party", "agency", "army", "forces", "police", "council",
    "university", "court", "bank", "committee", "commission", "association", "union", "company", "corporation",
    "corp", "inc", "ltd", "group", "news", "times", "post", "network", "organization", "organisation",
    "department", "office", "service", "services", "navy", "guard", "government", "congress", "parliament",
    "senate", "assembly", "front", "movement", "brigade", "brigades", "cartel", "federation", "league",
    "centre", "center", "school", "college", "hospital", "church", "fund", "board", "authority", "tribunal",
    "journal", "herald", "tribune", "telegraph", "guardian", "press", "broadcasting", "television", "radio",
    "crime", "watch", "international", "alliance", "coalition", "administration", "cabinet", "bureau",
    "secretariat", "council", "nations", "airlines", "airways", "club", "team", "reuters", "daily", "briefing",
    "brotherhood", "society", "corps", "band", "orchestra", "records", "studios", "magazine", "channel",
}
ORG_FOLLOWERS = {"firm", "company", "group", "party", "agency", "organisation", "organization", "network",
                 "poll", "newspaper", "channel", "broadcaster", "corporation", "gang", "cartel", "militia", "movement"}
PLACE_FOLLOWERS = {"city", "province", "state", "region", "county", "port", "airport", "capital", "border"}
PLACE_WORDS = {"square", "street", "avenue", "road", "boulevard", "stadium", "arena", "park", "bridge", "airport",
               "palace", "house", "county", "district", "valley", "river", "island", "islands", "mountains", "lake",
               "coast", "beach", "camp", "prison", "plaza", "tower", "harbour", "harbor", "port", "province", "peninsula"}
REGIONS = {
    "europe", "asia", "africa", "north america", "south america", "latin america", "central america",
    "the americas", "middle east", "caribbean", "scandinavia", "balkans", "oceania", "antarctica", "arctic",
    "gulf", "persian gulf", "mediterranean", "sahel", "west bank", "gaza", "gaza strip", "us", "u.s.", "usa",
    "u.s.a.", "uk", "u.k.", "britain", "great britain", "england", "scotland", "wales", "northern ireland",
    "america",
}
_CONNECTORS = {"of", "for", "de", "la", "del", "von", "van", "da", "bin", "al", "on"}
_FUNCTION_WORDS = set("""a an the this that these those he she it they we i you his her its their our my your
but and or so yet for nor if when while as since because although though after before during until unless
however moreover meanwhile still also then there here thus hence instead indeed despite amid amidst among
in on at by with from to of into onto over under about above below between through across against without
within according speaking facing asked asking critics officials experts analysts observers some many most
all both each every several few other such no not only even just yet whether what which who whom whose
where why how one two three first second last next new just statistical political early late historically
yesterday today tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december mr mrs ms dr another following earlier later
either neither once now already perhaps maybe again soon unfortunately fortunately apparently reportedly
separately eventually finally initially currently recently previously ultimately overall clearly obviously
certainly together likewise otherwise nevertheless nonetheless besides furthermore additionally therefore
it's that's there's here's what's he's she's they're we're you're i'm we've they've i've don't didn't
doesn't can't won't isn't aren't wasn't weren't let's thanks thank welcome near outside inside beyond toward
towards around along behind beside""".split())
# A rank cut off by its full stop ("Canadian Gen. Charles Bouchard"): it titles the next name, it is not a name's end
_RANKS = {t.lower().rstrip(".") for t in TITLES if t.endswith(".")} | {"adm", "brig", "maj", "sgt", "cmdr", "cdr"}
_WEEKDAYS = set(WEEKDAYS)
_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens",
                 "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions"}
_GERUND = re.compile(r"[A-Z][a-z]{2,}ing")  # "Taking Sirte" at a sentence's start: a verb, not a name's first word
_TOKEN = r"(?:(?:[A-Z]\.){2,}|[A-ZÀ-Ý][\w-]*(?:['’][A-Za-z][\w-]+)?)"
_SPAN = re.compile(rf"{_TOKEN}(?:\s+(?:(?:{'|'.join(_CONNECTORS)})\s+)?{_TOKEN})*")
_VERBS_AFTER_NAME = {"said", "says", "told", "has", "had", "is", "was", "will", "would", "can", "could", "added",
                     "insists", "argues", "noted", "who", "and", "stressed", "explained", "wrote", "asks"}
MAX_NAME_WORDS = 8  # "Institute of Advanced National Studies"; longer runs of capitals are headlines
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
    """One name as different newsrooms transliterate it ("Moammar Gadhafi", "Muammar Qaddafi") gives one key:
    o/u, e/i and y/i, q/k/g, doubled letters and an h after a consonant do not count; other vowels do
    ("Joan" is not "John")."""
    text = re.sub(r"[^a-z]+", " ", fold(name))
    text = text.replace("ou", "u").replace("o", "u").replace("e", "i").replace("y", "i")
    text = re.sub(r"[qk]", "g", text)
    text = re.sub(r"(?<=[b-df-gj-np-tv-z])h", "", text)
    return " ".join(re.sub(r"(.)\1+", r"\1", text).split())


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    names = set(REGIONS)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(fold(value))
    return frozenset(names)


def is_place_name(name: str) -> bool:
    return fold(name) in _country_names()


def is_people_of_place(name: str) -> bool:
    """"Libyans", "Europeans", "Egyptians", "Canadians": a country's or region's people, named after it."""
    if " " in name or not re.fullmatch(r"[A-Z][a-z]+(?:an|ian|ean)s", name):
        return False
    stems = (name[:-2], name[:-3], name[:-4], name[:-3] + "o", name[:-4] + "a", name[:-4] + "y")
    return any(is_place_name(stem) for stem in stems)


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
# before a role noun belong to the sentence ("oust Libyan leader", "loyal to leader").
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
        return word.lower() not in _CAPITALISED_FILLERS  # "Libyan leader", not "If leader" or "Monday leader"
    return word in _ROLE_MODIFIERS or "-" in word or word.endswith(_ADJECTIVE_ENDINGS)  # "left-wing", "deposed"


def _lowercase_role_before(text: str, start: int) -> str:
    """"left-wing challenger Ana Ruiz", "Carter ally John Smith": a role noun right before a name."""
    before = text[max(0, start - 60):start]
    m = re.search(r"((?:[\w’'-]+\s+){0,2}([a-z][\w-]*))\s+$", before)
    if m and m.group(2).lower() in ROLE_NOUNS:
        words = m.group(1).split()
        while len(words) > 1 and (not _describes_role(words[0]) or words[1] in _LINKING):  # "loyal to", "led by"
            words = words[1:]
        return " ".join(words)
    return ""



def _appositive_role(text: str, end: int) -> str:
    """"Omar Haddad, coordinator of … at the Global Peace Foundation (GPF) in Kenya." """
    m = re.match(r",\s+((?:the\s+|a\s+|an\s+|then\s+|former\s+)?([A-Za-z-]+)\b[^,;:.!?\"“”]*?)(?=,|\.\s|\.$|;|$|\s+(?:was|is|said|told|who|has|had|noted|added)\b)", text[end:])
    if not m:
        return ""
    head = m.group(2).lower()
    role = m.group(1).strip()
    words = role.split()
    if any(w.lower() in ROLE_NOUNS and n[:1].isupper() for w, n in zip(words, words[1:])):
        return ""  # "X, his son Saif and intelligence chief Abdullah …": a list of people, not X's role
    if head in ROLE_NOUNS or (len(words) > 1 and words[1].lower() in ROLE_NOUNS and head in {"the", "a", "an", "former"}) \
            or any(w.lower() in ROLE_NOUNS for w in words[:3]) and re.search(r"\b(of|at)\b", role):
        return role.rstrip(" ,")
    return ""


def _classify(name: str, text: str, end: int, title: str, is_common) -> tuple[str | None, str]:
    """The kind of a name and the clue that decided it."""
    words = name.split()
    following = re.match(r"\s+([a-z]+)", text[end:])
    next_word = following.group(1) if following else ""
    folded_words = [fold(w).rstrip(".") for w in words]
    if is_place_name(name):
        return "place", "a country or region name"
    if any(w in ORG_WORDS for w in folded_words[1:]) or (len(words) > 1 and folded_words[0] in ORG_WORDS and "of" in folded_words):
        return "organisation", "an organisation word in the name"
    two_after = re.match(r"\s+[a-z]+\s+([a-z]+)", text[end:])
    word_before = re.search(r"\b([a-z]+)\s+$", text[:end - len(name)])
    if next_word in ORG_FOLLOWERS or two_after and two_after.group(1) in ORG_FOLLOWERS \
            or word_before and word_before.group(1) in ORG_FOLLOWERS:
        return "organisation", "next to an organisation noun (firm, party, agency…)"
    if len(words) > 1 and folded_words[-1] in PLACE_WORDS:
        return "place", "a place word ending the name (square, stadium, county…)"
    if next_word in PLACE_FOLLOWERS or re.search(r"\b(?:city|town|village|province|port) of\s+$", text[:end - len(name)]):
        return "place", "next to a place noun (city, port…)"
    if re.fullmatch(r"[A-Z]{2,6}s?", name) or re.fullmatch(r"(?:[A-Z]\.){2,4}", name):
        return "organisation", "an acronym"
    if len(words) == 1 and re.search(r"[a-z][A-Z]", name):
        return "organisation", "a camel-case brand name"
    if any(is_place_name(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 1, len(words) + 1)) and len(words) > 1:
        return "organisation", "a name built on a place name"
    if not title and re.search(r"\b(?:in|at|from|near|outside|across)\s+$", text[:end - len(name)], re.I):
        return "place", "after in, at, from…"  # a person named so is outvoted by their other mentions
    if title or 2 <= len(words) <= 4 and not any(w in _CONNECTORS for w in folded_words):
        return "person", "a title before the name" if title else "two to four capitalised words"
    if len(words) == 1 and not is_common(name):
        return "single", "a lone capitalised word"
    return None, ""


def _name_core(name: str, mostly_lowercase) -> str:
    """The longest run of words in a capitalised span that the article does not mostly write in lower case."""
    runs: list[list[str]] = [[]]
    for word in name.split():
        if mostly_lowercase(word) and word.lower() not in _CONNECTORS:
            runs.append([])
        else:
            runs[-1].append(word)
    best = max(reversed(runs), key=len)  # the later of two equal runs: headlines come first
    return " ".join(best)


def find_mentions(sentences: list[Sentence], is_common, mostly_lowercase=None) -> list[Mention]:
    """Every capitalised span that names someone or something, with its role where the text gives one."""
    mentions: list[Mention] = []
    for sentence in sentences:
        text = sentence.text
        for m in _SPAN.finditer(text):
            span, start = m.group(0), m.start()
            span = _POSSESSIVE.sub("", span)
            words = span.split()
            while words and (words[-1].lower() in _CONNECTORS or words[-1].lower() in _WEEKDAYS
                             or words[-1].lower() in _RANKS and text[m.end():m.end() + 1] == "."):
                words.pop()  # "Security Council on Friday", "NATO Lt." (before "Gen. Charles Bouchard")
            at_start = start == 0 or text[:start].strip() in {"\"", "“", "‘", "'", "("}
            while len(words) > 1 and (words[0].lower() in _NUMBER_WORDS or at_start and _GERUND.fullmatch(words[0])):
                start += text.index(words[0], start) - start + len(words[0]) + 1  # "Million Libyans", "Taking Sirte"
                words.pop(0)
            while len(words) > 1 and mostly_lowercase is not None and mostly_lowercase(words[0]):
                start += text.index(words[0], start) - start + len(words[0]) + 1  # "Following Twitter"
                words.pop(0)
            while words and words[0].lower() in _CONNECTORS:  # "of Pop" from "King of Pop"
                start += text.index(words[0], start) - start + len(words[0]) + 1
                words.pop(0)
            if words and all(w.lower() in _FUNCTION_WORDS or is_common(w) for w in words):
                continue  # "Is It": capitalised common words (a headline), not a name
            span = " ".join(words)
            first = span.split()[0] if span.split() else ""
            at_sentence_start = start == 0 or text[:start].strip() in {"\"", "“", "‘", "'", "("}
            if first.lower() in _FUNCTION_WORDS or at_sentence_start and is_common(first):
                rest = span[len(first):].lstrip()
                start += len(span) - len(rest)
                span = rest
            if not span:
                continue
            name, title = _strip_title(span)
            if name.split() and name.split()[0].lower() in _CONNECTORS:
                continue  # "King of Pop": a title-shaped epithet, not a titled name
            if not name or fold(name) in _FUNCTION_WORDS or len(name.split()) > MAX_NAME_WORDS:
                continue
            if fold(name) in _TITLES_FOLDED:
                continue  # "the Vice President" with no name: a title, not who holds it
            if len(name.split()) > 1 and name.isupper():
                continue  # "ANDERSON COOPER, CNN HOST:", "BREAKING NEWS": a transcript's tag or a headline
            end = start + len(span)
            next_word = re.match(r"\s+([a-z]+)", text[end:])
            if re.search(r"(an|ian|ean|ese|ish|ic)$", name) and next_word and not is_place_name(name) \
                    and next_word.group(1) not in _VERBS_AFTER_NAME and not next_word.group(1).endswith("ed"):
                continue  # "Mexican embassy", "Kenyan peacekeepers": an adjective, not an actor
            if is_people_of_place(name):
                continue  # "Libyans", "Europeans": a people, not a person, organisation or place
            kind, reason = _classify(name, text, end, title, is_common)
            if kind == "person" and not title and mostly_lowercase is not None:
                core = _name_core(name, mostly_lowercase)  # "Jackson Propofol": a headline glued to a name
                if core != name:
                    if not core:
                        continue
                    start, span, name = text.index(core, start), core, core
                    end = start + len(span)
                    kind, reason = _classify(name, text, end, title, is_common)
            if kind is None:
                continue
            role = ""
            if kind in ("person", "single"):
                role_before = _lowercase_role_before(text, start)
                prefix = text[max(0, start - 40):start]
                qualifier = re.search(r"((?:former|then|incumbent|acting|interim)\s*-?\s*)?((?:U\.S\.|US|UK|[A-Z][a-z]+(?:['’]s)?)\s+)?$", prefix)
                role = title or role_before
                if title and qualifier and qualifier.group(0).strip():
                    q = qualifier.group(0).strip()
                    if not q[:1].isupper() or q.rstrip("'’s") and is_place_name(q.replace("’s", "").replace("'s", "")) or q in {"US", "U.S.", "UK"}:
                        role = re.sub(r"-\s+", "-", f"{q} {title}".strip())
                if not role:
                    role = _appositive_role(text, end)
            mentions.append(Mention(name.strip(), kind, role, sentence, start, reason))
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


def extract_actors(sentences: list[Sentence], is_common, mostly_lowercase=None) -> list[Actor]:
    """Actors of one article; short names are merged with the long name they end or abbreviate.

    `is_common(word)`: the article writes the word in lower case somewhere; `mostly_lowercase(word)`:
    more often than capitalised inside a sentence (so "White" the surname stays, "Propofol" goes)."""
    mentions = find_mentions(sentences, is_common, mostly_lowercase)
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

    def resolve(self, name: str, acronyms: dict[str, str] | None = None, place: bool = False) -> str | None:
        """The actor this name refers to: same name or alias, acronym, surname, or first word of an organisation.
        A place is itself, not the first word of a longer name ("in Tripoli" is not "Tripoli Central Hospital")."""
        key = fold(name)
        if key in self.names:
            return self.names[key]
        if acronyms and name in acronyms and fold(acronyms[name]) in self.names:
            return self.names[fold(acronyms[name])]
        if len(key.split()) != 1:
            return None
        people = self.last_words.get(key, [])
        if people:
            return max(people, key=lambda k: (len(self.actors[k].provenance), k))  # the most mentioned namesake
        orgs = self.first_words.get(key, [])
        if len(orgs) == 1 and not is_place_name(name) and not place:
            return orgs[0]
        return None


def merge_mentions(mentions: list[Mention], acronyms: dict[str, str]) -> list[Actor]:
    index = NameIndex()
    counts: Counter = Counter()
    kinds: dict[str, Counter] = {}
    reasons: dict[tuple[str, str], str] = {}
    places = {fold(m.name) for m in mentions if m.kind == "place"}
    # long names first, so that a surname finds the full name it belongs to
    for mention in sorted(mentions, key=lambda m: (-len(m.name.split()), m.sentence.index, m.start)):
        key = index.resolve(mention.name, acronyms, place=fold(mention.name) in places)
        if key is None:
            key = index.add(Actor(id="", name=mention.name, kind=mention.kind))
        actor = index.actors[key]
        kinds.setdefault(key, Counter())[mention.kind] += 1
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
        actor.kind = next((kind for kind, _ in votes if kind != "single"), actor.kind)  # the kind most mentions show
        actor.signal = f"{actor.kind}: {reasons[(key, actor.kind)]} ({kinds[key][actor.kind]} of {counts[key]} mentions)"
        actor.provenance.sort(key=lambda p: p.sentence)
    return list(index.actors.values())  # "single" names stay until reconcile can match them across articles
