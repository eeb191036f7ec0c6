"""Numbers as written in news text: digits, words ("twelve"), scales ("3 million"), vague plurals ("thousands",
kept as the range they can mean) and ranges ("between 200 and 300"), with the dates, codes and labels that only
look like numbers left out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import DateMatch

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2e6,
}
_MULTIPLES = {"tens": 10, "dozens": 12, "hundreds": 100}  # "tens of thousands": at least ten thousand
# A plural count word is vague: kept as written, compared as the range it can mean ("thousands": 2,000-9,999)
_VAGUE_RANGES = {"dozens": (24, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
                 "millions": (2_000_000, 9_999_999)}
VAGUE_PLURAL = re.compile(r"(?:dozens|hundreds|thousands|millions)$", re.I)  # "thousands of people": the noun after "of"
_SCALES = {"dozen": 12, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}
APPROX = r"(?P<approx>some|about|around|roughly|nearly|almost|approximately|an estimated|estimated|over|more than|less than|fewer than|at least|up to|close to)?\s*"
_NUMBER = re.compile(
    APPROX
    + r"(?<![A-Za-z0-9])(?P<currency>[$€£])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
    + r")\b(?:\s*(?P<scale>thousand|million|billion|trillion|bn|dozen)\b)?(?P<pct>\s*(?:%|percent\b|per cent\b))?",
    re.I,
)
TIME_RATE = re.compile(r"^\s*(?:per|a|an|every|each)\s+(?P<span>second|minute|hour|day|week|month|year)\b", re.I)


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: float
    written: str
    approximate: bool
    percent: bool
    currency: str
    upper: float | None = None
    vague: bool = False


def numbers_in(text: str, dates: list[DateMatch]) -> list[Number]:
    found = []
    for m in _NUMBER.finditer(text):
        num_start = m.start("num")
        if any(d.start <= num_start < d.end for d in dates):
            continue  # a day or year, not a quantity
        raw = m.group("num").lower()
        if raw == "one" and not re.match(r"\s+[a-z]+" + TIME_RATE.pattern[1:], text[m.end():], re.I):
            continue  # "one of them"; but "one death per day" is a rate
        if re.fullmatch(r"(?:1[89]|20)\d\d", raw) and not (m.group("pct") or m.group("currency") or m.group("scale")):
            continue  # "the 1969 coup": a year
        value = float(WORD_NUMBERS[raw]) if raw in WORD_NUMBERS else float(raw.replace(",", ""))
        start, written, approximate = m.start(), m.group(0), bool(m.group("approx"))
        upper, vague = None, raw in _VAGUE_RANGES and not m.group("scale")
        if vague:
            value, upper = map(float, _VAGUE_RANGES[raw])
        multiple = re.search(r"\b(tens|dozens|hundreds)\s+of\s+$", text[:num_start], re.I)
        if multiple and raw in ("thousands", "millions"):
            scale = _MULTIPLES[multiple.group(1).lower()] * value / 2  # the plural's own 2,000 was "some thousands"
            value, upper = scale, scale * 10 - 1  # "tens of thousands": 20,000-99,999
            start, written, approximate = multiple.start(), text[multiple.start():m.end()], True
        if m.group("scale"):
            value *= _SCALES[m.group("scale").lower()]
        previous = text[max(0, m.start() - 12):m.start()].lower()
        if re.search(r"per\s*$", previous) or re.search(
                r"\b(no\.|number|#|article|section|chapter|point|item|step|clause|paragraph|phase|stage)\s*$", previous):
            continue  # the base of a rate ("per 100,000") or a label ("point 6 of the plan"), not a figure
        if re.fullmatch(r"0\d[\d,]*", raw) or re.search(r"\d[ ]$", text[:num_start]) \
                or re.match(r"[ ]\d", text[m.end("num"):]):
            continue  # a code, a clock or a telephone number ("0370 60 60 900", "0100 GMT"): no count starts with 0
        if re.match(r"\s*(?:st|nd|rd|th)\b", text[m.end("num"):]):
            continue
        if _PROPORTION_BEFORE.search(text[:num_start]) or _proportion_after(text, m.end("num"), dates):
            continue  # "one in three voters", "5 out of 6 schools": a proportion, a count of neither
        if re.search(r"\d[:.]$", text[:num_start]) or (re.match(r"[:.]\d", text[m.end("num"):]) and not m.group("pct")):
            continue  # a time of day ("11:24 GMT")
        if text[m.end("num"):m.end("num") + 1] in "-–" and text[m.end("num") + 1:m.end("num") + 2].isalpha():
            continue  # "50-year-old", compound adjectives
        lead = len(written) - len(written.lstrip())
        found.append(Number(start + lead, m.end(), value, written.strip(), approximate or vague,
                             bool(m.group("pct")), m.group("currency") or "", upper, vague))
    return found


_A_NUMBER = r"(?:\d[\d,.]*|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
_PROPORTION_BEFORE = re.compile(rf"\b{_A_NUMBER}\s+(?:in|out\s+of)\s+$", re.I)
_PROPORTION_AFTER = re.compile(rf"\s+(?:in|out\s+of)\s+(?P<whole>{_A_NUMBER})\b", re.I)


def _proportion_after(text: str, end: int, dates: list[DateMatch]) -> bool:
    """The number at `end` is the part of a proportion ("3 in 10"), not a count told in a year ("3 in 2010")."""
    m = _PROPORTION_AFTER.match(text, end)
    return m is not None and not any(d.start <= m.start("whole") < d.end for d in dates)


_RANGE_GAP = re.compile(r"\s*(?:-|–|to)\s*")


def ranges_in(text: str, numbers: list[Number]) -> list[Number]:
    """"between 200 and 300 people", "12-15%", "20 to 30 troops": one figure from the first number to the second."""
    merged: list[Number] = []
    for number in numbers:
        previous = merged[-1] if merged else None
        gap = text[previous.end:number.start] if previous else ""
        between = previous is not None and re.search(r"\bbetween\s+$", text[:previous.start], re.I) \
            and re.fullmatch(r"\s+and\s+", gap)
        rising = previous is not None and re.search(r"\bfrom\s+$", text[:previous.start], re.I)  # a change, not a range
        if previous and previous.upper is None and not previous.percent and not rising \
                and (between or _RANGE_GAP.fullmatch(gap)) and previous.value < number.value and not number.vague:
            start = previous.start - (len("between ") if between else 0)
            merged[-1] = Number(start, number.end, previous.value, text[start:number.end].strip(), True,
                                 number.percent, previous.currency or number.currency, number.value)
        else:
            merged.append(number)
    return merged
