"""The metadata an article carries (title, date, outlet, address, authors) and what a date may be.

Front matter, sources.yml and the text's own date lines all give dates; one set of rules checks them all.
"""

from __future__ import annotations

import datetime
import re

from ..model import Article
from .errors import IngestError

METADATA_FIELDS = ("title", "published", "outlet", "url", "authors")
SOURCE_SWITCHES = ("keep_repeated", "about_story")  # sources.yml only: what the generator may set aside, kept by an editor
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]

_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted)\s*:?\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:(\d{1,2})\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?:(\d{1,2}),?\s+)?(\d{4})$", re.I)
_ISO_DATE_LINE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


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


MAX_TEXT, MAX_URL, MAX_AUTHORS = 300, 2_000, 20  # a title is on every page of its article: bounded, like the rest


def cut(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word with an ellipsis."""
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def apply_metadata(article: Article, meta: dict, known_keys_only: bool = False) -> None:
    """Front matter and sources.yml win over what the text suggests; wrong types (and, with `known_keys_only`,
    unknown keys) are errors, and then nothing of `meta` is applied."""
    unknown = sorted(map(str, set(meta) - set(METADATA_FIELDS) - set(SOURCE_SWITCHES)))
    if known_keys_only and unknown:
        raise IngestError(f"unknown key(s) {', '.join(unknown)}; known: {', '.join(METADATA_FIELDS + SOURCE_SWITCHES)}")
    for key in SOURCE_SWITCHES:
        if known_keys_only and not isinstance(meta.get(key, False), bool):
            raise IngestError(f"'{key}' must be true or false")
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
            changes["authors"] = [cut(" ".join(str(v).split()), MAX_TEXT) for v in value[:MAX_AUTHORS]]
        elif key == "published":
            changes["published"] = normalise_published(value)
        elif isinstance(value, (str, int, float)):
            changes[key] = cut(" ".join(str(value).split()), MAX_URL if key == "url" else MAX_TEXT)
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
