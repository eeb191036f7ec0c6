"""Sentences with their offsets: every later step cites a sentence by article and index, so each must be a
verbatim slice of its paragraph."""

from __future__ import annotations

import re

from ..model import Sentence

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
    """"Dr. Mwangi", "U.S. troops" do not end a sentence; "… the U.S. In addition" does."""
    bare = word.lower().rstrip(".")
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare):
        return following not in _SENTENCE_STARTERS
    return bare in _ABBREVIATIONS or bool(re.fullmatch(r"[A-Z]", word.rstrip(".")))


def split_sentences(source: str, paragraphs: list[str], turns: list[str] | None = None) -> list[Sentence]:
    """Rule-based splitting that keeps every sentence a verbatim slice of its paragraph (`turns`: a transcript's
    speaker of each paragraph)."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs):
        speaker = turns[number] if turns else ""
        start = 0
        for match in _BOUNDARY.finditer(paragraph):
            before = paragraph[max(start, match.start() - 40):match.start()].split()
            following = paragraph[match.end():].split(" ", 1)[0]
            if before and _is_abbreviation(before[-1], following):
                continue
            end = match.start() + len(match.group(1))
            sentences.append(Sentence(source, len(sentences), paragraph[start:end], number, speaker))
            start = match.end()
        if paragraph[start:].strip():
            sentences.append(Sentence(source, len(sentences), paragraph[start:].strip(), number, speaker))
    return sentences
