"""Read article files into `Article`s: one reader per format, then one cleaning pass.

Readers (chosen by extension, as in Pelican) only turn bytes into metadata and
raw lines. Cleaning is shared: it drops page furniture by *pattern* (navigation,
captions and credits, prompts, link lists), keeps repeated paragraphs once, finds
the metadata the text itself gives, and splits sentences with their offsets.
"""

from __future__ import annotations

import codecs
import datetime
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml

from .cache import MISS, code_digest, digest, load, store
from .model import Article, Sentence

DEFAULT_MAX_BYTES = 5_000_000
MAX_PARAGRAPHS = 5_000  # a news article has a few hundred at most; more is a dump, not an article
EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
METADATA_FIELDS = ("title", "published", "outlet", "url", "authors")


class IngestError(Exception):
    """An article that cannot be read; the message names the reason, the caller the file."""


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str


# ---------------------------------------------------------------- bytes to text

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # control characters (category Cc) but tab, newlines, form feed

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # UTF-32 first: its little-endian BOM starts with UTF-16's


def decode(data: bytes) -> str:
    """UTF-16/32 with a BOM; UTF-8 (with or without BOM, a rare broken byte replaced); else Windows-1252, which
    also covers Latin-1. Control characters (which no article needs and which break the chart renderer) go."""
    if not data.strip():
        raise IngestError("empty file")
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding:
        text = data.decode(encoding, errors="replace").lstrip("\ufeff")
    elif b"\x00" in data:
        raise IngestError("binary file (contains NUL bytes)")
    else:
        text = data.decode("utf-8-sig", errors="replace")
        broken = text.count("\ufffd")
        if broken and sum(1 for ch in text if ord(ch) > 127) - broken <= broken:
            text = data.decode("cp1252", errors="replace")  # no more good UTF-8 than broken: a Windows file
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise IngestError("binary file (control characters)")
    text = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError("empty file")
    return text


# ---------------------------------------------------------------- readers

class _NoAliasLoader(yaml.SafeLoader):
    """YAML without anchors and aliases (a few hundred bytes of nested aliases expand to gigabytes), and with
    dates left as text, so that "2025-02-30" is reported as no date by our own check, not raised by PyYAML."""

    yaml_implicit_resolvers = {  # noqa: RUF012 (PyYAML's own class attribute, replaced whole, never mutated)
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", event.start_mark)
        return super().compose_node(parent, index)


def load_yaml(text: str):
    """safe_load, refusing aliases; used for every YAML file the tool reads."""
    return yaml.load(text, Loader=_NoAliasLoader)


def compose_yaml(text: str):
    """The node tree, for the line numbers of keys (aliases refused likewise)."""
    return yaml.compose(text, Loader=_NoAliasLoader)


def split_front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter between `---` lines; malformed front matter is an error, not body text."""
    match = re.match(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", text, re.S)
    if not match:
        return {}, text
    try:
        meta = load_yaml(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise IngestError(f"malformed YAML front matter ({exc.__class__.__name__})") from None
    if not isinstance(meta, dict):
        raise IngestError("front matter is not a mapping")
    return meta, text[match.end():]


def read_html(text: str) -> tuple[dict, str]:
    """A saved web page: trafilatura finds the main text (one line per block) and the metadata (title, date via
    htmldate, authors, site name, address). Scripts, navigation, comments and asides never become text."""
    import trafilatura  # imported on first use: most stories have no web pages, and the import costs a second

    # favor_precision: furniture on an explainer's page costs more than a lost paragraph; it also keeps a short
    # page's navigation and captions out (trafilatura's fallback for short pages takes the whole body)
    document = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, include_tables=False,
                                           favor_precision=True)  # a Document (a dict only with as_dict=True)
    if document is None or isinstance(document, dict) or document.body is None:
        raise IngestError("no main text found in the web page")
    lines = [" ".join("".join(block.itertext()).split()) for block in document.body.iterchildren()]
    meta: dict = {key: value for key, value in (("title", document.title), ("outlet", document.sitename),
                                                ("url", document.url), ("published", document.date)) if value}
    if document.author:
        meta["authors"] = [name.strip() for name in document.author.split(";") if name.strip()]
    return meta, "\n\n".join(line for line in lines if line)


def read_file(path: Path, max_bytes: int) -> tuple[dict, str]:
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(f"too large ({size:,} bytes; the limit is {max_bytes:,}, set with --max-bytes)")
    text = decode(path.read_bytes())
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return read_html(text)
    if suffix in (".md", ".markdown"):
        return split_front_matter(text)
    return {}, text


# ---------------------------------------------------------------- furniture

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
_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted)\s*:?\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:(\d{1,2})\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?:(\d{1,2}),?\s+)?(\d{4})$", re.I)
_ISO_DATE_LINE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
_BYLINE = re.compile(rf"^(?:by\s+)?({_NAME})((?:\s*(?:\||,|and|&)\s*{_NAME})*)$")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]


_TIMESTAMP_PREFIX = re.compile(
    r"^(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+)?(?:page\s+)?(?:last\s+)?(?:updated|published|posted)\s+(?:at|on)\s+[\d:.]+\s*(?:[AP]M\s*)?(?:GMT|UTC|BST|[A-Z]{2,4})?"
    r"(?:,?\s*\w+day)?,?\s*(?:\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4})?(?:\s+[\d:.]+\s*(?:GMT|UTC|UK|BST)?)?\s*(?:Help\s+)?",
    re.I)


# Apache's message where a server-side include failed, saved into the page in place of a fragment
_SSI_ERROR = re.compile(r"[\[(]\s*an error occurred while processing this directive\s*[\])]", re.I)


def strip_markup(line: str) -> str:
    """Stray Markdown emphasis, list markers, "Last updated at …" stamps and server-side-include errors are
    formatting, not text."""
    line = _TIMESTAMP_PREFIX.sub("", _SSI_ERROR.sub(" ", line).strip())
    line = re.sub(r"\*\*|__", "", line)
    line = re.sub(r"^#{1,6}\s+", "", line)
    line = re.sub(r"^\s*(?:[-*+•]|\d+[.)])\s+", "", line)
    return " ".join(line.split())


def furniture_reason(line: str) -> str | None:
    for reason, pattern in _FURNITURE:
        if pattern.search(line):
            return reason
    return None


def is_sentence_line(line: str) -> bool:
    return bool(_END_PUNCT.search(line)) and len(line.split()) >= 3


def parse_date_line(line: str) -> str | None:
    iso = _ISO_DATE_LINE.match(line)
    if iso:
        return line if is_calendar_date(line) else None
    match = _DATE_LINE.match(line.strip())
    if not match:
        return None
    day = match.group(1) or match.group(3)
    month = MONTHS.index(match.group(2).lower()) + 1
    found = f"{match.group(4)}-{month:02d}-{int(day):02d}" if day else ""
    return found if found and is_calendar_date(found) else None


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


def clean(source: str, meta: dict, body: str) -> Article:
    """Turn raw lines into body paragraphs, metadata and a record of what was removed."""
    article = Article(source=source)
    seen: set[str] = set()
    short_lines: list[str] = []  # lines with no full stop: headings and captions, unless the text has nothing else
    in_comments = False
    for raw in re.split(r"\n", body):
        line = strip_markup(raw)
        if not line:
            continue
        in_comments = in_comments or bool(_COMMENT_STAMP.search(line))
        if in_comments:
            article.removed.append(f"reader comment: {line}")
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
            if not article.title and looks_like_title(line):
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
    drop_glued_preamble(article)
    if not article.title:
        article.title = split_glued_headline(article)
    if not article.outlet and article.url:
        host = urlparse(article.url).hostname or ""
        article.outlet = re.sub(r"^(www|p|m|amp)\.", "", host)
    article.sentences = split_sentences(source, article.paragraphs)
    if not article.title:  # no headline: the lead sentence, or its first words
        lead = article.sentences[0].text if article.sentences else article.paragraphs[0]
        if lead[:1] in "\"“" and lead.count(lead[0]) == 1 and "”" not in lead:
            lead = lead[1:].lstrip()  # the closing mark of a quote the previous paragraph opened
        article.title = lead if len(lead.split()) <= TITLE_WORDS else first_words(lead, TITLE_WORDS)
    return article


# "Tripoli, Libya (CNN) -- ", "TRIPOLI Oct 5 (Reuters) - ": where a wire story's lead begins
_DATELINE = re.compile(r"(?:(?:[A-Z][\w.'’/-]*|\d{1,2})[ ,]+){0,6}\([A-Z][A-Za-z.]{1,15}\)\s?[-—–]{1,2}\s+")
_STAFF_BYLINE = re.compile(r"^By (?:the )?(?:[A-Z][\w.]*\s+){1,4}Staff\s+")
DATELINE_WITHIN = 1500  # characters from the start of the text: later, "(X) --" is part of the story


def drop_glued_preamble(article: Article) -> None:
    """Text copied from a wire page can glue the headline, bullet points and a byline before the dateline
    ("By the CNN Wire Staff Mother … says Tripoli, Libya (CNN) -- A woman …"): the lead starts after it."""
    before = 0
    for number, paragraph in enumerate(article.paragraphs):
        m = _DATELINE.search(paragraph[:DATELINE_WITHIN - before])
        if m and paragraph[m.end():].strip():
            dropped = [*article.paragraphs[:number], paragraph[:m.end()].strip()]
            article.removed += [f"headline and dateline before the lead: {text}" for text in dropped]
            article.paragraphs[:number + 1] = [paragraph[m.end():].strip()]
            return
        before += len(paragraph)
        if before >= DATELINE_WITHIN:
            break
    staff = _STAFF_BYLINE.match(article.paragraphs[0])
    if staff and article.paragraphs[0][staff.end():].strip():  # no dateline: at least not "By the … Staff Libya …"
        article.removed.append(f"byline: {staff.group(0).strip()}")
        article.paragraphs[0] = article.paragraphs[0][staff.end():]


def split_glued_headline(article: Article) -> str:
    """"Doctor found guilty Michael Jackson's doctor has been found guilty …": a headline run into the lead,
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


def apply_metadata(article: Article, meta: dict, known_keys_only: bool = False) -> None:
    """Front matter and sources.yml win over what the text suggests; wrong types (and, with `known_keys_only`,
    unknown keys) are errors, and then nothing of `meta` is applied."""
    unknown = sorted(map(str, set(meta) - set(METADATA_FIELDS)))
    if known_keys_only and unknown:
        raise IngestError(f"unknown key(s) {', '.join(unknown)}; known: {', '.join(METADATA_FIELDS)}")
    changes: dict = {}
    for key in METADATA_FIELDS:
        if key not in meta or meta[key] in (None, ""):
            continue
        value = meta[key]
        if key == "authors":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
                raise IngestError("'authors' must be a name or a list of names")
            changes["authors"] = [str(v) for v in value]
        elif key == "published":
            changes["published"] = normalise_published(value)
        elif isinstance(value, (str, int, float)):
            changes[key] = " ".join(str(value).split())
        else:
            raise IngestError(f"'{key}' must be text")
    for key, value in changes.items():
        setattr(article, key, value)


def normalise_published(value) -> str:
    text = str(value).strip()
    match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not match:
        parsed = parse_date_line(text)
        if parsed:
            return parsed
        raise IngestError(f"'published' is not a date: {text[:40]!r}")
    iso = "-".join(part for part in match.groups() if part)
    if not is_calendar_date(iso):
        raise IngestError(f"'published' is not a date between {EARLIEST_YEAR} and {LATEST_YEAR}: {text[:40]!r}")
    return iso


EARLIEST_YEAR, LATEST_YEAR = 1800, 2199  # news; outside, weekdays, time stamps and MkDocs' sitemap overflow


def is_calendar_date(iso: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real day (no 30 February) in years a news story can carry."""
    parts = iso.split("-")
    try:
        datetime.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return False
    return len(parts) <= 3 and EARLIEST_YEAR <= int(parts[0]) <= LATEST_YEAR


# ---------------------------------------------------------------- sentences

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "lt", "col", "maj", "capt", "sgt", "sen",
    "rep", "gov", "pres", "rev", "hon", "inc", "co", "corp", "ltd", "no", "vs", "etc", "e.g", "i.e",
    "a.m", "p.m", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mt", "ft", "fig", "approx", "dept", "est", "univ",
}
_SENTENCE_STARTERS = {"The", "In", "He", "She", "It", "They", "We", "I", "But", "And", "This", "That", "However",
                      "A", "An", "His", "Her", "Their", "Its", "On", "At", "As", "For", "Meanwhile", "Still"}
_BOUNDARY = re.compile(r"([.!?…]+[\"”’')\]]*)\s+(?=[\"“‘'(\[]?[A-Z0-9À-Ý])")


def _is_abbreviation(word: str, following: str) -> bool:
    """"Dr. Murray", "U.S. troops" do not end a sentence; "… the U.S. In addition" does."""
    bare = word.lower().rstrip(".")
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare):
        return following not in _SENTENCE_STARTERS
    return bare in _ABBREVIATIONS or bool(re.fullmatch(r"[A-Z]", word.rstrip(".")))


def split_sentences(source: str, paragraphs: list[str]) -> list[Sentence]:
    """Rule-based splitting that keeps every sentence a verbatim slice of its paragraph."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs):
        start = 0
        for match in _BOUNDARY.finditer(paragraph):
            before = paragraph[max(start, match.start() - 40):match.start()].split()
            following = paragraph[match.end():].split(" ", 1)[0]
            if before and _is_abbreviation(before[-1], following):
                continue
            end = match.start() + len(match.group(1))
            sentences.append(Sentence(source, len(sentences), paragraph[start:end], number))
            start = match.end()
        if paragraph[start:].strip():
            sentences.append(Sentence(source, len(sentences), paragraph[start:].strip(), number))
    return sentences


# ---------------------------------------------------------------- the folder

def load_sources_yml(seeds: Path) -> tuple[dict, list[Skipped]]:
    path = seeds / "sources.yml"
    if not path.exists():
        return {}, []
    try:
        data = load_yaml(decode(path.read_bytes())) or {}
    except (OSError, yaml.YAMLError, IngestError) as exc:
        return {}, [Skipped("sources.yml", f"unreadable ({exc.__class__.__name__}); metadata corrections ignored")]
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        return {}, [Skipped("sources.yml", "must map file names to metadata; metadata corrections ignored")]
    return {str(k): v for k, v in data.items()}, []


def article_files(seeds: Path) -> list[Path]:
    return sorted(p for p in seeds.iterdir() if p.suffix.lower() in EXTENSIONS and not p.name.startswith("."))


def read_article(path: Path, max_bytes: int, cache: Path | None = None) -> Article:
    """One file, cleaned; with a cache, a file read before (same name, bytes and reader code) is not read again."""
    if cache is None:
        return clean(path.name, *read_file(path, max_bytes))
    if path.stat().st_size > max_bytes:
        read_file(path, max_bytes)  # raises the size error before the whole file is read for its key
    key = digest(code_digest(Path(__file__)), path.name, path.read_bytes())
    article = load(cache, key)
    if article is MISS:
        article = clean(path.name, *read_file(path, max_bytes))
        store(cache, key, article)
    return article


def read_articles(seeds: Path, max_bytes: int = DEFAULT_MAX_BYTES,
                  cache: Path | None = None) -> tuple[list[Article], list[Skipped]]:
    """Every readable article, sorted by file name, and one reason for each file skipped."""
    overrides, skipped = load_sources_yml(seeds)
    articles: list[Article] = []
    first_with_text: dict[str, str] = {}
    root = seeds.resolve()
    for path in article_files(seeds):
        try:
            try:
                target = path.resolve(strict=path.is_symlink())
            except RuntimeError:  # Python 3.11 raises this for a loop; later versions an OSError
                raise IngestError("symbolic link loop") from None
            if path.is_symlink() and root not in target.parents:
                raise IngestError("symbolic link pointing outside the seeds folder")
            if not path.is_file():
                raise IngestError("not a regular file")
            article = read_article(path, max_bytes, cache)
            if path.name in overrides:
                try:
                    apply_metadata(article, overrides[path.name], known_keys_only=True)
                except IngestError as exc:
                    skipped.append(Skipped("sources.yml", f"entry for {path.name} ignored: {exc}"))
        except IngestError as exc:
            skipped.append(Skipped(path.name, str(exc)))
            continue
        except OSError as exc:
            skipped.append(Skipped(path.name, f"unreadable ({exc.strerror or exc.__class__.__name__})"))
            continue
        text = digest("\n".join(article.paragraphs))
        if text in first_with_text:
            skipped.append(Skipped(path.name, f"same text as {first_with_text[text]}"))
            continue
        first_with_text[text] = path.name
        articles.append(article)
    return articles, skipped
