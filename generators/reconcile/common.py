"""Small measures that several parts of reconciling share: how alike two sets of words are, how many
sources a claim has, how central a sentence is to the story."""

from __future__ import annotations

import re
from collections import Counter

from ..extract.actors import fold
from ..model import Article, Provenance


def overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def add_provenance(target: list[Provenance], extra: list[Provenance]) -> None:
    present = set(target)
    target.extend(item for item in extra if item not in present)


def sources_count(provenance: list[Provenance]) -> int:
    return len({p.source for p in provenance})


def topicality(words: set[str], document_frequency: Counter) -> float:
    """How much of the story's shared vocabulary a sentence uses (long sentences do not win by length alone)."""
    return sum(document_frequency[w] for w in words) / (len(words) ** 0.7) if words else 0.0


def outlet_key(name: str) -> str:
    """"The Guardian" and "Guardian" are one outlet."""
    return re.sub(r"^the\s+", "", fold(name))


def publishers(articles: list[Article]) -> frozenset[str]:
    """The `outlet_key`s of the outlets that publish the articles and of the reporters who write any of them (a
    transcript's presenters: the anchor of one show interviewed on another): they tell the story, they are not in
    it."""
    return frozenset(outlet_key(name) for a in articles for name in [a.outlet, *a.authors] if name)
