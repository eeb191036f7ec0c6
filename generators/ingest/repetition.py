"""Furniture by repetition: a sentence found verbatim in many articles of the folder is an outlet's box, promo,
footer, caption or comment-form notice, whatever its words, so it is never a fact, a title or a summary.

No phrase list: only counts across the folder decide. A sentence is furniture when it recurs in at least
MIN_ARTICLES articles *and* MIN_SHARE of the folder (a five-article story never loses a sentence this way, a
large crawl loses only what its outlets print everywhere), or heads articles of MIN_TITLE_DAYS days as their
title, unless the articles that share it are copies of one story (a wire report reprinted: most of each article
is shared), whose sentences are the story itself.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass

from ..model import Article
from .cleaning import normalise_key, title_from_lead
from .sentences import split_sentences

MIN_ARTICLES = 5
MIN_SHARE = 0.03
MIN_TITLE_DAYS = 3  # a headline atop articles of three days whose texts differ is a promo's or a feed's, none of
# theirs (a wire story's lead atop its updates of a day or two is its own)
COPY_SHARE = 0.5  # articles that share at least half their text with each other are copies of one story
REASON = "repeated across the folder"


@dataclass(frozen=True)
class Repeated:
    """One sentence set aside, for the editor's report."""

    text: str
    articles: int  # how many articles of the folder print it


def threshold(articles: int) -> int:
    return max(MIN_ARTICLES, math.ceil(MIN_SHARE * articles))


def _are_copies(members: list[dict[str, int]]) -> bool:
    """Most of a typical member's text (in characters: a box's lines are short, a story's long) recurs in another
    member: a story reprinted, not a box."""
    if not members:
        return False
    seen = Counter(key for lengths in members for key in lengths)
    shares = [sum(n for key, n in lengths.items() if seen[key] > 1) / sum(lengths.values()) for lengths in members]
    return statistics.median(shares) >= COPY_SHARE


def find_repeated(articles: list[Article]) -> dict[str, int]:
    """Comparison key of each furniture sentence (or title) -> how many articles print it."""
    keys = [{key: len(s.text) for s in a.sentences if (key := normalise_key(s.text))} for a in articles]
    where: dict[str, list[int]] = {}
    for number, (article, sentence_keys) in enumerate(zip(articles, keys, strict=True)):
        for key in set(sentence_keys) | {normalise_key(article.title)} - {""}:
            where.setdefault(key, []).append(number)
    days_titled: dict[str, set[str]] = {}
    for article in articles:
        if key := normalise_key(article.title):
            days_titled.setdefault(key, set()).add(article.published)
    least = threshold(len(articles))
    return {key: len(members) for key, members in where.items()
            if (len(members) >= least or len(days_titled.get(key, ())) >= MIN_TITLE_DAYS)
            and not _are_copies([keys[i] for i in members if keys[i]])}


def set_aside_repeated(articles: list[Article], keep: frozenset[str] | set[str] = frozenset()) -> list[Repeated]:
    """Remove furniture sentences from each article (except those in `keep`, by source) and record each in the
    article's `removed`; a title that is furniture gives way to the lead's first words. Articles left with no
    text are left with no paragraphs, for the caller to skip."""
    repeated = find_repeated(articles)
    if not repeated:
        return []
    found: dict[str, Repeated] = {}
    for article in articles:
        if article.source in keep:
            continue
        drop = [(key, s) for s in article.sentences if (key := normalise_key(s.text)) in repeated]
        for key, sentence in drop:
            found.setdefault(key, Repeated(sentence.text, repeated[key]))
            article.removed.append(f"{REASON} ({repeated[key]} articles): {sentence.text}")
        if drop:
            gone = {s.index for _, s in drop}
            paragraphs = [" ".join(s.text for s in article.sentences if s.paragraph == number and s.index not in gone)
                          for number in range(len(article.paragraphs))]
            kept = [number for number, text in enumerate(paragraphs) if text]
            article.paragraphs = [paragraphs[number] for number in kept]
            article.turns = [article.turns[number] for number in kept] if article.turns else []
            article.sentences = split_sentences(article.source, article.paragraphs, article.turns)
        if (key := normalise_key(article.title)) in repeated:
            found.setdefault(key, Repeated(article.title, repeated[key]))
            article.removed.append(f"{REASON} ({repeated[key]} articles), as a title: {article.title}")
            article.title = title_from_lead(article) if article.sentences else ""
    return sorted(found.values(), key=lambda r: (-r.articles, r.text))


def set_aside_in(articles: list[Article]) -> tuple[Counter[str], int]:
    """Each sentence or title set aside this way -> in how many of `articles`, and how many articles lost one
    (for reports)."""
    found = [[line.split(": ", 1)[1] for line in dict.fromkeys(a.removed) if line.startswith(REASON)]
             for a in articles]
    return Counter(text for texts in found for text in texts), sum(1 for texts in found if texts)
