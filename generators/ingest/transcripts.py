"""Broadcast transcripts: who speaks each paragraph.

A transcript labels each turn with its speaker in capitals, in full with a role the first time ("JANE ROE, HOST:
Good evening.") and by family name after ("ROE: …"); a paragraph without a label goes on with the last speaker's
turn. The label is who speaks, not what is said: it leaves the text, and each paragraph keeps its speaker, so that
a guest's answers can be quoted as theirs and a host's words are never a guest's. An article is a transcript only
when a speaker named in full comes back by family name, which section labels of ordinary pages ("READ MORE: …",
"NEW: …") never do.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise

_LABEL = re.compile(r"(?P<name>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,4})(?:\s*\([^)]{1,40}\))?"
                    r"(?:,\s*(?P<role>[^:]{2,80}?))?:\s+(?=\S)")
MIN_TURNS = 3
ACRONYM_LETTERS = 4  # "CNN", "U.S.", "IAEA" may stay capitals; a longer word in capitals is a label's shouting
# "Egypt Protests; Interview With … Aired February 13, 2011 - 10:00 ET THIS IS A RUSH TRANSCRIPT.": the show's title
_AIRED = re.compile(r"\s+Aired\s+\w+\s+\d{1,2},\s+\d{4}\b.*$", re.S)


def _label(line: str) -> re.Match | None:
    return _LABEL.match(line)


def find_speakers(lines: list[str]) -> dict[str, str]:
    """The transcript's speakers, each label as written (full or family name) to the label naming them in full;
    empty when the lines are no transcript."""
    labels = [m for line in lines if (m := _label(line))]
    names = {m["name"] for m in labels}
    full = {m["name"] for m in labels if len(m["name"].split()) >= 2}
    introduced = {m["name"] for m in labels if m["role"] and m["name"] in full}  # "JANE ROE, HOST:", not "MORE NEWS:"
    if len(labels) < MIN_TURNS or not any(name.split()[-1] in names for name in introduced):
        return {}
    by_family: dict[str, set[str]] = {}
    for name in full:
        by_family.setdefault(name.split()[-1], set()).add(name)
    speakers = {name: name for name in names}
    for family, named in by_family.items():
        if family in names and len(named) == 1:  # two people of one family name: "ROE:" says neither
            speakers[family] = next(iter(named))
    return speakers


def roles_of(lines: list[str], speakers: dict[str, str]) -> dict[str, str]:
    """Each speaker's role as their first labelled turn gives it ("HOST", "CNN CORRESPONDENT"), or ""."""
    roles: dict[str, str] = {}
    for line in lines:
        if (m := _label(line)) and m["name"] in speakers:
            name = speakers[m["name"]]
            if not roles.get(name) and m["role"]:
                roles[name] = m["role"].strip()
            roles.setdefault(name, "")
    return roles


_NEWSROOM = re.compile(r"\b(?:host|anchor|correspondent|reporter|producer|editor|contributor|meteorologist|presenter|"
                       r"newsreader|news)s?\b", re.I)


def presenters(roles: dict[str, str]) -> list[str]:
    """The speakers who report rather than speak to the story: hosts, anchors, correspondents, and those whose
    role names the network its presenters name most ("JOHN ROE, WXYZ:" where the anchors are "WXYZ ANCHOR")."""
    named = Counter(word for role in roles.values() if _NEWSROOM.search(role)
                    for word in set(_NEWSROOM.sub(" ", role).replace(",", " ").split()))
    # a word two presenters' roles share, or an acronym ("CNN"): not "national" of one "national correspondent"
    named = Counter({word: n for word, n in named.items()
                     if n >= 2 or (word.isupper() and len(word.replace(".", "")) <= ACRONYM_LETTERS)})
    network = max(named, key=lambda word: (named[word], word)) if named else None
    return [name for name, role in roles.items()
            if _NEWSROOM.search(role) or (network and network in role.replace(",", " ").split())]


def starts_turn(line: str, speakers: dict[str, str]) -> bool:
    m = _label(line) if speakers else None
    return m is not None and m["name"] in speakers


@lru_cache(maxsize=4)
def _forms(text: str) -> dict[str, Counter]:
    """Each word of the text, lower case, with how often it is written in each form."""
    forms: dict[str, Counter] = {}
    for form in re.findall(r"[\w.'’-]+", text):
        form = form[:-1] if form.endswith(".") and form.count(".") == 1 else form  # a full stop, not "U.S."
        forms.setdefault(form.lower(), Counter())[form] += 1
    return forms


def as_written(words: str, text: str, name: bool = True) -> str:
    """Capitals as the article writes these words in its text (`text`: without the labels) ("MOHAMED ELBARADEI" -> "Mohamed ElBaradei",
    "EGYPTIAN AMBASSADOR" -> "Egyptian ambassador"); a word it never writes otherwise is capitalised in a
    name, lower case in a role."""
    written = []
    for word in words.split():
        acronym = len(word.replace(".", "")) <= ACRONYM_LETTERS
        forms = [(count, form) for form, count in _forms(text).get(word.lower(), Counter()).items()
                 if acronym or not form.isupper()]  # "BLITZER" read aloud
        written.append(max(forms)[1] if forms else word.capitalize() if name else word.lower())
    return " ".join(written)


def split_turns(paragraphs: list[str], speakers: dict[str, str]) -> tuple[list[str], list[str]]:
    """Paragraphs without their labels, and each one's speaker (the full label's name; "" before the first). A
    label inside a paragraph ("… I agree with you. ROE: Thank you.", "I -- ROE: We'll be back") starts a
    paragraph of its own: the words after it are the next speaker's."""
    names = "|".join(re.escape(name) for name in sorted(speakers, key=len, reverse=True))
    inline = re.compile(rf"(?<=\s)(?<![A-Z]\s)(?<![A-Z]\.\s)(?:{names})(?:\s*\([^)]{{1,40}}\))?(?:,[^:]{{2,80}}?)?:\s")
    texts, turns, speaker = [], [], ""
    for whole in paragraphs:
        cuts = [0, *(m.start() for m in inline.finditer(whole)), len(whole)]
        for paragraph in (whole[start:end].strip() for start, end in pairwise(cuts)):
            m = _label(paragraph)
            if m and m["name"] in speakers:
                speaker, paragraph = speakers[m["name"]], paragraph[m.end():]
            if paragraph:
                texts.append(paragraph)
                turns.append(speaker)
    return texts, turns


def show_title(line: str) -> str:
    """A transcript's header line without its air time and notice: the show's title, or "" when it has none."""
    cut = _AIRED.sub("", line)
    return cut.strip() if cut != line else ""
