"""Find date expressions in a sentence and normalise them against a reference date.

Each rule is a named pattern; `find_dates` returns every match with its span, so
other extractors (figures' periods) can pick the date nearest to what they found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..ingest.metadata import MONTHS, is_calendar_date
from ..model import DateRef

_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
MONTH_WORDS = frozenset({*MONTHS, *_MONTH_ABBR})  # "may", "sept": a month's name or short name, lowercase
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_RELATION = r"(?:(?P<rel>since|until|till|by|from|before|after)\s+)?"


@dataclass(frozen=True)
class Reference:
    """What a year-less or relative date is read against: the article's own date, or the story's."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def from_iso(cls, value: str) -> Reference | None:
        match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", value or "")
        if not match:
            return None
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    def as_date(self) -> date | None:
        if self.month and self.day:
            return date(self.year, self.month, self.day)
        return None


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    date: DateRef
    rule: str


def _month_number(text: str) -> int:
    key = text.lower().rstrip(".")
    return MONTHS.index(key) + 1 if key in MONTHS else _MONTH_ABBR[key[:4] if key == "sept" else key[:3]]


def _relation(word: str | None) -> str:
    if not word:
        return "on"
    word = word.lower()
    return {"since": "since", "from": "since", "after": "since", "until": "until", "till": "until",
            "by": "until", "before": "until"}[word]


def _valid(year: int, month: int, day: int) -> bool:
    return is_calendar_date(f"{year:04d}-{month:02d}-{day:02d}")


def _day_ref(year: int, month: int, day: int, relation: str) -> DateRef | None:
    if not _valid(year, month, day):
        return None
    return DateRef(f"{year:04d}-{month:02d}-{day:02d}", "day", relation)


_RULES: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(_RELATION + r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    ("month-day-year", re.compile(_RELATION + r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b")),
    ("day-month-year", re.compile(_RELATION + r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b")),
    ("period-of-year", re.compile(r"\b(?:the\s+)?(?:first|last|past|opening)\s+(?P<count>\d+|\w+)\s+(?:days|weeks|months)\s+of\s+" + _YEAR + r"\b", re.I)),
    ("month-year", re.compile(_RELATION + r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"\b")),
    ("month-day", re.compile(_RELATION + r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})(?![\d,.]*\s*(?:%|per|percent))")),
    ("day-month", re.compile(_RELATION + r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b(?!,?\s+\d{4})")),
    ("in-month", re.compile(r"\b(?P<rel>(?i:in|since|until|by|from|early|late|mid|last|this|next))(?:\s+|-)" + _MONTH + r"\b(?!\s+\d)")),
    ("year", re.compile(r"\b(?P<rel>in|since|until|by|from|before|after|during|of|early|late|mid-?)\s+(?:the\s+year\s+)?" + _YEAR + r"\b(?![-–]\d|\s*(?:%|per\b|percent))", re.I)),
    ("year-first", re.compile(r"(?:^|(?<=[.,;:]\s))" + _YEAR + r"\b(?!\s*(?:%|per\b|percent))")),
    ("relative-year", re.compile(r"\b(?P<which>last|this|next|previous|past)\s+year\b", re.I)),
    ("relative-month", re.compile(r"\b(?P<which>last|this|next|previous|past)\s+month\b", re.I)),
    ("ago", re.compile(r"\b(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|year)s?\s+ago\b", re.I)),
    ("relative-day", re.compile(r"\b(?P<which>yesterday|today|tomorrow)\b", re.I)),
    ("weekday", re.compile(r"\b(?:(?P<rel>[Oo]n|[Ll]ast|[Tt]his|[Nn]ext)\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?(rel)|(?=['’]s\b))")),
]
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}
# Future wording earlier in the weekday's clause ("will meet on Monday", "planned to go on Thursday", "said he
# would meet on Saturday", "is due on Monday"): the coming one, as a reader takes it
_FUTURE_WORDING = re.compile(
    r"\b(?:will|would|shall|won[’']t|wouldn[’']t|(?:is|are|was|were|am)\s+(?:due|set|going|about|expected|scheduled|"
    r"slated|to)\b|(?:plan|expect|intend|hope|aim|schedul|prepar)\w*\s+to\b)|\w[’']ll\b", re.I)
_CLAUSE_END = re.compile(r"[.;:!?]\s")
REFERENCE_RULES = {"month-day", "day-month", "in-month"}  # read against the reference year
RELATIVE_RULES = ("relative-day", "weekday", "ago", "relative-month", "relative-year")  # "today", "on Monday"


def _from_match(rule: str, m: re.Match, ref: Reference | None) -> DateRef | None:
    groups = m.groupdict()
    rel_word = (groups.get("rel") or "").lower()
    relation = _relation(rel_word) if rel_word in {"since", "until", "till", "by", "from", "before", "after"} else "on"
    if rule == "iso":
        return _day_ref(int(groups["year"]), int(groups["mnum"]), int(groups["day"]), relation)
    if rule in ("month-day-year", "day-month-year"):
        return _day_ref(int(groups["year"]), _month_number(groups["month"]), int(groups["day"]), relation)
    if rule == "period-of-year":
        return DateRef(groups["year"], "year", "period")
    if rule == "month-year":
        return DateRef(f"{int(groups['year']):04d}-{_month_number(groups['month']):02d}", "month", relation)
    if rule in ("month-day", "day-month"):
        if ref is None:
            return None
        return _day_ref(ref.year, _month_number(groups["month"]), int(groups["day"]), relation)
    if rule == "in-month":
        if ref is None:
            return None
        month = _month_number(groups["month"])
        year = ref.year
        ahead = rel_word == "next" or (rel_word not in ("last", "this", "since") and bool(
            _FUTURE_WORDING.search(_clause_before(m.string, m.start()))))
        if rel_word == "last" and ref.month and month < ref.month:
            pass  # "last February" read in May: the February just gone, this year's
        elif rel_word == "last" or (not ahead and ref.month and month > ref.month + 1 and rel_word != "this"):
            year -= 1  # "in January" read in March is this year's; "in November" read in March, last year's
        if ahead:  # "will run in September", "next January": the coming one
            year += 1 if ref.month and month < ref.month + (rel_word == "next") else 0
        return DateRef(f"{year:04d}-{month:02d}", "month", relation)
    if rule in ("year", "year-first"):
        return DateRef(groups["year"], "year", relation)
    if rule == "relative-year":
        if ref is None:
            return None
        offset = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[groups["which"].lower()]
        return DateRef(str(ref.year + offset), "year")
    if rule == "relative-month":
        if ref is None or ref.month is None:
            return None
        offset = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[groups["which"].lower()]
        year, month = divmod(ref.year * 12 + ref.month - 1 + offset, 12)
        return DateRef(f"{year:04d}-{month + 1:02d}", "month")
    if rule == "ago" and groups["unit"].lower() == "year":
        if ref is None:
            return None
        count = groups["count"].lower()
        return DateRef(str(ref.year - (int(count) if count.isdigit() else _COUNTS[count])), "year")
    anchor = ref.as_date() if ref else None
    if anchor is None:
        return None
    if rule == "ago":
        count = groups["count"].lower()
        return DateRef((anchor - timedelta(days=int(count) if count.isdigit() else _COUNTS[count])).isoformat(), "day")
    if rule == "relative-day":
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[groups["which"].lower()]
        return DateRef((anchor + timedelta(days=offset)).isoformat(), "day")
    if rule == "weekday":
        target = WEEKDAYS.index(groups["weekday"].lower())
        before = m.string[max(0, m.start("weekday") - 40):m.start("weekday")]
        if not groups.get("rel") and re.search(r"\b[A-Z][\w'’-]*\s+$", before) and not re.search(r"[.:!?]\s*\S+\s+$", before):
            return None  # "Good Friday", "Super Tuesday": a name; but "said Monday", "Monday's attack" are days
        rel = (groups.get("rel") or "").lower()
        if rel == "next" or (rel != "last" and _FUTURE_WORDING.search(_clause_before(m.string, m.start("weekday")))):
            day = anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)
        elif rel == "last":  # "last Wednesday" said on a Wednesday: a week before
            day = anchor - timedelta(days=(anchor.weekday() - target) % 7 or 7)
        else:  # "met on Monday": the last one, or the article's own day
            day = anchor - timedelta(days=(anchor.weekday() - target) % 7)
        return DateRef(day.isoformat(), "day")
    return None


_BARE_WEEKDAY = re.compile(r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def day_of_bare_weekday(text: str, ref: Reference) -> str:
    """The day a news lead's lone weekday names ("a U.S. official said Wednesday", "shot his brothers Friday"):
    the last such day on or before the article's date `ref`; "" when it names none or several, or in future
    wording ("will meet Friday"), or as part of a name ("Good Friday")."""
    days = set()
    for m in _BARE_WEEKDAY.finditer(text):
        day = _from_match("weekday", m, ref)
        if day is None or _FUTURE_WORDING.search(_clause_before(text, m.start())):
            return ""
        days.add(day.value)
    return days.pop() if len(days) == 1 else ""


def _clause_before(text: str, position: int) -> str:
    """The words of the clause before `position` (up to 120 characters): where future wording would be."""
    clause = text[:position]
    return clause[max((c.end() for c in _CLAUSE_END.finditer(clause)), default=0):][-120:]


def without_dates(text: str) -> str:
    """The text with its dates blanked ("14 people were killed on March 20" keeps 14, not 20)."""
    for match in reversed(find_dates(text, Reference(2000, 1, 1))):
        text = text[:match.start] + " " * (match.end - match.start) + text[match.end:]
    return text


def calendar_days(text: str) -> set[tuple[str, str]]:
    """The months and days a text names as (month, day), day "" for a month ("in June" -> ("06", "")), whatever
    their year: what two sentences can agree on when only the year we read for them differs."""
    return {(d.date.value[5:7], d.date.value[8:10]) for d in find_dates(text, Reference(2000, 1, 1))
            if d.rule.split("+")[0] not in RELATIVE_RULES and d.date.precision in ("month", "day")}


def find_dates(text: str, ref: Reference | None) -> list[DateMatch]:
    """Every date in the text, earliest first; a longer expression wins over one it contains."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for rule, pattern in _RULES:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value = _from_match(rule, m, ref)
            if value is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMatch(m.start(), m.end(), value, rule))
    return sorted(_years_from_context(found), key=lambda d: d.start)


def _years_from_context(found: list[DateMatch]) -> list[DateMatch]:
    """"He was charged in February 2010 and in June was freed": a year-less date takes the one year its sentence
    names, rather than the article's, when that year is earlier; not a year a span starts from ("in power since
    1981, he will not run in September")."""
    years = {d.date.value[:4] for d in found if d.rule not in REFERENCE_RULES and d.date.relation == "on"
             and d.rule in ("iso", "month-day-year", "day-month-year", "month-year", "year", "year-first")}
    if len(years) != 1:
        return found
    (year,) = years
    result = []
    for d in found:
        if d.rule in REFERENCE_RULES and year < d.date.value[:4]:
            value = year + d.date.value[4:]
            if d.date.precision == "day" and not _valid(int(year), int(value[5:7]), int(value[8:10])):
                result.append(d)
                continue
            d = DateMatch(d.start, d.end, DateRef(value, d.date.precision, d.date.relation), d.rule + "+sentence-year")
        result.append(d)
    return result


def years_mentioned(text: str) -> list[int]:
    return [int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", text)]


_EXPLICIT_DAY = {"iso", "month-day-year", "day-month-year"}
_SCHEDULED = re.compile(r"\b(will|shall|scheduled|slated|due|set to|upcoming|is to|are to)\b", re.I)


def date_from_content(sentences: list[str]) -> str:
    """An undated article was written on or after the latest full date it names (with its year): that date,
    or "" when it names none. Scheduled dates are no guide, so sentences in future wording are left out."""
    found = [d.date.value for text in sentences if not _SCHEDULED.search(text)
             for d in find_dates(text, None) if d.rule in _EXPLICIT_DAY and d.date.relation == "on"]
    return max(found, default="")
