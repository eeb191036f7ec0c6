"""Raw lines to an article: page furniture is dropped by *pattern* (navigation, captions and credits, prompts,
link lists, reader comments), repeated paragraphs kept once, and the metadata the text itself gives (byline,
date line, headline) taken from it. Shared by every reader, so a web page and a pasted text are cleaned alike.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlparse

from ..model import Article
from .errors import IngestError
from .metadata import apply_metadata, parse_date_line
from .sentences import split_sentences
from .transcripts import as_written, find_speakers, presenters, roles_of, show_title, split_turns, starts_turn

MAX_PARAGRAPHS = 5_000  # a news article has a few hundred at most; more is a dump, not an article
MAX_CHARACTERS = 200_000  # of main text: a long read is 100,000; past this, a dump whose pages no reader could use

FURNITURE_WORDS = 60  # a line this long is a paragraph of text, whatever its first or last words look like
_END_PUNCT = re.compile(r"[.!?…][\"”’')\]]*$|[\"”’][.!?]?$")
_FURNITURE = [
    ("navigation", re.compile(r"^(\d+\.\s*)?skip to\b", re.I)),
    ("navigation", re.compile(r"^(next|previous|prev|back to top|menu|home|advertisement|related( stories| articles)?:?)$", re.I)),
    ("image caption or credit", re.compile(r"(image|photo|picture|video|credit|courtesy|source)s?\s*:\s*[^.!?]{0,80}\)?$", re.I)),
    ("image caption or credit", re.compile(r"\b(getty images|afp|reuters|ap photo|imago|shutterstock|epa)\s*\)?$", re.I)),
    ("prompt", re.compile(r"^(watch|listen|read|click|tap|subscribe|sign up|follow|share|download|see also|more:)\b.{0,150}$", re.I)),
    ("editorial note", re.compile(r"^this (article|story|report) (was|has been) (originally )?(written|published|translated|updated|adapted)\b", re.I)),
    ("link", re.compile(r"^(https?://|www\.)\S+$", re.I)),
    ("editorial note", re.compile(r"\bthis is a rush transcript\b", re.I)),
    ("site notice", re.compile(r"\b(?i:you agree|our|in accordance with)\b.{0,80}\b(?:Terms of (?:Service|Use)|Privacy Policy|Rules of Conduct)\b")),
    ("editorial note", re.compile(r"^the (views|opinions) expressed\b.{0,60}\b(are|is) (solely )?(his|her|their|those of)\b", re.I)),
    # "updated: Mon Feb 21 2011 13:25:00 A protester tells CNN…": the teaser of a video beside the story
    ("video teaser", re.compile(r"^updated:?\s+\w{3}\s+\w{3}\s+\d{1,2}\s+\d{4}\s+\d{1,2}:\d{2}", re.I)),
    ("credit", re.compile(r"\b(contributed|reported) to this (report|story|article)\.?$", re.I)),
    ("reader comment", re.compile(r"this comment (was|has been) removed|^(add|post|read) (your |a )?comments?\b|"
                                   r"^\d+(st|nd|rd|th)? \w+ \d{4}\s*-\s*\d{1,2}:\d{2}\b", re.I)),
    ("link", re.compile(r"^[A-Z]{2,}[A-Za-z ]*:\s")),  # "OPINION: Why you should…", section-labelled story links
]
# A reader comment's stamp ("February 3, 2011 at 8:05 am | Report abuse |"): the comment section starts here.
_COMMENT_STAMP = re.compile(r"\|\s*report abuse\s*\||\b\d{4} (?:\d{1,2}:\d{2}\s*[ap]m )?at \d{1,2}:\d{2}\s*[ap]\.?m\.?\s*\|",
                            re.I)
_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
_BYLINE = re.compile(rf"^(?:by\s+)?({_NAME})((?:\s*(?:\||,|and|&)\s*{_NAME})*)$")


_TIMESTAMP_PREFIX = re.compile(
    r"^(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+)?(?:page\s+)?(?:last\s+)?(?:updated|published|posted)\s+(?:at|on)\s+[\d:.]+\s*(?:[AP]M\s*)?(?:GMT|UTC|BST|[A-Z]{2,4})?"
    r"(?:,?\s*\w+day)?,?\s*(?:\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4})?(?:\s+[\d:.]+\s*(?:GMT|UTC|UK|BST)?)?\s*(?:Help\s+)?",
    re.I)


# A live page's clock stamp before an entry: "(9:22 p.m. ET, 3:22 a.m. in Nairobi) …", "(Update 2:15 p.m. in Lisbon,
# 7:15 a.m. ET) -- …", "KENYA, 6:28 p.m. ET, 1:28 a.m. local: …": when the entry was posted, not part of what it says
_CLOCK_PREFIX = re.compile(
    r"^(?:[(\[]\s*(?:[Uu]pdated?\s*(?:at\s*)?)?\d{1,2}:\d{2}\s*[aApP]\.?[mM]\.?[^)\]]{0,60}[)\]]\s*(?:--|[—–])?"
    r"|[A-Z][A-Z .'’-]{1,30},\s*\d{1,2}:\d{2}\s*[aApP]\.?[mM]\.?(?:[^:]|:(?=\d)){0,50}:)\s*")


# Apache's message where a server-side include failed, saved into the page in place of a fragment
_SSI_ERROR = re.compile(r"[\[(]\s*an error occurred while processing this directive\s*[\])]", re.I)


def strip_markup(line: str) -> str:
    """Stray Markdown emphasis, list markers, "Last updated at …" stamps and server-side-include errors are
    formatting, not text."""
    line = _CLOCK_PREFIX.sub("", _TIMESTAMP_PREFIX.sub("", _SSI_ERROR.sub(" ", line).strip()))
    line = re.sub(r"\*\*|__", "", line)
    line = re.sub(r"^#{1,6}\s+", "", line)
    line = re.sub(r"^\s*(?:[-*+•]|\d+[.)])\s+", "", line)
    return " ".join(line.split())


def furniture_reason(line: str) -> str | None:
    if len(line.split()) > FURNITURE_WORDS:
        return None
    for reason, pattern in _FURNITURE:
        if pattern.search(line):
            return reason
    return None


def is_sentence_line(line: str) -> bool:
    return bool(_END_PUNCT.search(line)) and len(line.split()) >= 3



def looks_like_title(line: str) -> bool:
    words = line.split()
    if not 4 <= len(words) <= 25:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised / len(words) >= 0.5 or len(words) <= 12


def normalise_key(text: str) -> str:
    """Comparison key: accents, case and punctuation do not make two paragraphs different."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\W+", " ", text.lower()).strip()


def clean(source: str, meta: dict, body: str, main_text: bool = False) -> Article:
    """Turn raw lines into body paragraphs, metadata and a record of what was removed. With `main_text` a
    reader has already chosen the page's main text block by block (a web page), so its headings and list items
    are kept as text; in a pasted or saved text they are more often menus and captions."""
    article = Article(source=source)
    seen: set[str] = set()
    if main_text and isinstance(meta.get("title"), str):
        seen.add(normalise_key(meta["title"]))  # the page's headline, repeated above its text
    short_lines: list[str] = []  # lines with no full stop: headings and captions, unless the text has nothing else
    in_comments = False
    lines = [line for raw in re.split(r"\n", body) if (line := strip_markup(raw))]
    speakers = find_speakers(lines)
    for line in lines:
        in_comments = in_comments or bool(_COMMENT_STAMP.search(line))
        if in_comments:
            article.removed.append(f"reader comment: {line}")
            continue
        if starts_turn(line, speakers):  # "ROE: Thanks": a turn, however short or often said
            article.paragraphs.append(line)
            continue
        key = normalise_key(line)
        if key in seen:
            article.removed.append(f"duplicate: {line}")
            continue
        seen.add(key)
        reason = furniture_reason(line)
        if reason == "link" and line.startswith(("http", "www")) and not article.url:
            article.url = line
        if reason:
            article.removed.append(f"{reason}: {line}")
            continue
        date = parse_date_line(line)
        if date:
            article.published = article.published or date
            continue
        byline = _BYLINE.match(line)
        if byline and not article.authors and not is_sentence_line(line) and ("|" in line or line.lower().startswith("by ") or len(line.split()) <= 4) and not article.paragraphs:
            names = re.split(r"\s*(?:\||,|\band\b|&)\s*", re.sub(r"^by\s+", "", line, flags=re.I))
            article.authors = [n for n in names if n]
            continue
        if not is_sentence_line(line):
            if main_text:
                article.paragraphs.append(line)
            elif not article.title and looks_like_title(line):
                article.title = line
            else:
                article.removed.append(f"heading, caption or link: {line}")
                short_lines.append(line)
            continue
        article.paragraphs.append(line)
    apply_metadata(article, meta)
    if not article.paragraphs and short_lines:  # a list (results, a schedule): its lines are its text
        article.paragraphs = short_lines
        article.removed = [r for r in article.removed if not r.startswith("heading, caption or link: ")]
    if not article.paragraphs:
        raise IngestError("no article text after removing page furniture")
    if len(article.paragraphs) > MAX_PARAGRAPHS:
        raise IngestError(f"too many paragraphs ({len(article.paragraphs):,}; the limit is {MAX_PARAGRAPHS:,})")
    if (length := sum(map(len, article.paragraphs))) > MAX_CHARACTERS:
        raise IngestError(f"too long for a news article ({length:,} characters of text; the limit is "
                          f"{MAX_CHARACTERS:,})")
    if speakers:
        _read_turns(article, lines, speakers)
    else:
        drop_glued_preamble(article)
        if not article.title:
            article.title = split_glued_headline(article)
    if not article.outlet and article.url:
        host = urlparse(article.url).hostname or ""
        article.outlet = re.sub(r"^(www|p|m|amp)\.", "", host)
    article.sentences = split_sentences(source, article.paragraphs, article.turns)
    if not article.title:
        article.title = title_from_lead(article)
    return article


def _read_turns(article: Article, lines: list[str], speakers: dict[str, str]) -> None:
    """A transcript: labels out of the text, each paragraph's speaker and each speaker's role written as the
    article writes those words, its presenters as its authors, and the show's title from the header when the
    metadata gives no title."""
    roles = roles_of(lines, speakers)
    article.paragraphs, turns = split_turns(article.paragraphs, speakers)
    text = "\n".join(article.paragraphs)
    names = {name: as_written(name, text) for name in roles}
    article.turns = [names.get(turn, "") for turn in turns]
    article.speakers = {names[name]: as_written(role, text, name=False) for name, role in roles.items()}
    article.authors = article.authors or presenters(article.speakers)  # who tells the story, not a voice in it
    if not article.title and (title := show_title(lines[0])):
        article.title = title


def title_from_lead(article: Article) -> str:
    """No headline: the lead sentence, or its first words."""
    lead = article.sentences[0].text if article.sentences else article.paragraphs[0]
    if lead[:1] in "\"“" and lead.count(lead[0]) == 1 and "”" not in lead:
        lead = lead[1:].lstrip()  # the closing mark of a quote the previous paragraph opened
    return lead if len(lead.split()) <= TITLE_WORDS else first_words(lead, TITLE_WORDS)


# "Nairobi, Kenya (CNN) -- ", "NAIROBI Oct 5 (Reuters) - ": where a wire story's lead begins
_DATELINE = re.compile(r"(?:(?:[A-Z][\w.'’/-]*|\d{1,2})[ ,]+){0,6}\((?P<agency>[A-Z][A-Za-z.]{1,15})\)\s?[-—–]{1,2}\s+")
_STAFF_BYLINE = re.compile(r"^By (?:the )?(?:[A-Z][\w.]*\s+){1,4}Staff\s+")
DATELINE_WITHIN = 1500  # characters from the start of the text: later, "(X) --" is part of the story


def drop_glued_preamble(article: Article) -> None:
    """Text copied from a wire page can glue the headline, bullet points and a byline before the dateline
    ("By the CNN Wire Staff Mother … says Nairobi, Kenya (CNN) -- A woman …"): the lead starts after it. The
    agency the dateline names is the outlet when the metadata names none (a source of the report, never a voice)."""
    before = 0
    for number, paragraph in enumerate(article.paragraphs):
        m = _DATELINE.search(paragraph[:DATELINE_WITHIN - before])
        if m and paragraph[m.end():].strip():
            article.outlet = article.outlet or m.group("agency")
            dropped = [*article.paragraphs[:number], paragraph[:m.end()].strip()]
            article.removed += [f"headline and dateline before the lead: {text}" for text in dropped]
            article.paragraphs[:number + 1] = [paragraph[m.end():].strip()]
            return
        before += len(paragraph)
        if before >= DATELINE_WITHIN:
            break
    staff = _STAFF_BYLINE.match(article.paragraphs[0])
    if staff and article.paragraphs[0][staff.end():].strip():  # no dateline: at least not "By the … Staff Kenya …"
        article.removed.append(f"byline: {staff.group(0).strip()}")
        article.paragraphs[0] = article.paragraphs[0][staff.end():]


def split_glued_headline(article: Article) -> str:
    """"Doctor found guilty A singer's doctor has been found guilty …": a headline run into the lead,
    which restates its first words; the headline is returned and cut from the lead (else "")."""
    words = article.paragraphs[0].split()
    plain = [w.strip(",.;:'’\"“”").lower() for w in words]
    for cut in range(4, min(GLUED_HEADLINE_WORDS, len(words) - 3)):
        if re.search(r"[.!?]$", words[cut - 1]):
            return ""
        if plain[cut:cut + 3] == plain[:3]:
            article.removed.append(f"headline run into the lead: {' '.join(words[:cut])}")
            article.paragraphs[0] = " ".join(words[cut:])
            return " ".join(words[:cut])
    return ""


GLUED_HEADLINE_WORDS = 25
TITLE_WORDS = 20


def first_words(text: str, count: int) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")
