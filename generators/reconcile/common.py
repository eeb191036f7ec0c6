"""Small measures that several parts of reconciling share: how alike two sets of words are, how many
sources a claim has, how central a sentence is to the story."""

from __future__ import annotations

from collections import Counter

from ..model import Provenance


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
