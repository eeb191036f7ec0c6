"""One actor per person, place or organisation across articles: the names, spellings, kinds and titles that
different newsrooms give the same actor are gathered under the one most of them use."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..extract.actors import NameIndex, fold, spelling_key
from ..model import Actor, Extraction

FORMER = re.compile(r"\b(former|ex-|then-|then )", re.I)  # "late" means dead, not former


def merge_actors(extractions: list[Extraction]) -> tuple[list[Actor], dict[str, str]]:
    """One actor per name across articles; returns the actors and a map from every name to its canonical one."""
    index = NameIndex()
    kinds: dict[str, Counter] = defaultdict(Counter)  # an actor is what most of its mentions say it is
    signals: dict[tuple[str, str], str] = {}  # and the clue for that kind
    pending = [a for x in extractions for a in x.actors]
    used_as_name = Counter(a.name for a in pending)  # in how many articles each spelling is an actor's own name
    pending.sort(key=lambda a: (-len(a.name.split()), -a.mentions, a.name, a.provenance[0].source))
    for actor in pending:
        key = index.resolve(actor.name, kind=actor.kind)
        for alias in actor.aliases:
            if key is None and len(alias.split()) > 1:
                key = index.resolve(alias, kind=actor.kind)
        if key is None:
            key = index.add(Actor("", actor.name, actor.kind, list(actor.aliases), list(actor.roles), actor.mentions,
                                  list(actor.provenance), actor.signal))
            kinds[key][actor.kind] += actor.mentions
            signals[(key, actor.kind)] = actor.signal
            continue
        target = index.actors[key]
        kinds[key][actor.kind] += actor.mentions
        signals.setdefault((key, actor.kind), actor.signal)
        for name in [actor.name, *actor.aliases]:
            if name != target.name and name not in target.aliases:
                target.aliases.append(name)
                index.alias(key, name)
        for role in actor.roles:
            if fold(role) not in {fold(r) for r in target.roles}:
                target.roles.append(role)
        target.mentions += actor.mentions
        for provenance in actor.provenance:
            index.cite(key, provenance)
    for key, actor in index.actors.items():
        actor.kind = max(kinds[key].items(), key=lambda kv: (kv[1], kv[0] == actor.kind))[0]
        actor.signal = signals[(key, actor.kind)]
    for actor in index.actors.values():
        _choose_name(actor, used_as_name)
    merged = merge_acronyms(merge_same_names(merge_spellings(list(index.actors.values()))))
    for actor in merged:
        _order_roles(actor)
    actors = sorted(merged, key=_prominence)
    canonical: dict[str, str] = {}
    for number, actor in enumerate(actors, 1):
        actor.id = f"actor-{number}"
        for name in [actor.name, *actor.aliases]:
            canonical[fold(name)] = actor.name
    return actors, canonical


def _sources(actor: Actor) -> int:
    return len({p.source for p in actor.provenance})


def _prominence(actor: Actor) -> tuple:
    return -len({p.source for p in actor.provenance}), -actor.mentions, actor.name


def _absorb(target: Actor, other: Actor) -> None:
    for name in [other.name, *other.aliases]:
        if name != target.name and name not in target.aliases:
            target.aliases.append(name)
    target.roles += [r for r in other.roles if fold(r) not in {fold(t) for t in target.roles}]
    target.mentions += other.mentions
    cited = set(target.provenance)
    target.provenance += [p for p in other.provenance if p not in cited]


def merge_spellings(actors: list[Actor]) -> list[Actor]:
    """One person spelt differently by different newsrooms ("Mohammed al-Hassan", "Muhammad al-Hasan", "Mohamed
    el-Hassan") is one actor; two spellings that mostly meet in the same articles are two people."""
    by_key: dict[str, list[Actor]] = defaultdict(list)
    for actor in actors:
        if actor.kind == "person" and len(actor.name.split()) > 1:
            by_key[spelling_key(actor.name)].append(actor)
    absorbed: set[int] = set()
    for group in by_key.values():
        group.sort(key=_prominence)
        target = group[0]
        for other in group[1:]:
            mine, theirs = {p.source for p in target.provenance}, {p.source for p in other.provenance}
            if len(mine & theirs) * 4 > min(len(mine), len(theirs)):
                continue  # mostly in the same articles: two people (a stray mixed spelling is let pass)
            _absorb(target, other)
            absorbed.add(id(other))
    return [a for a in actors if id(a) not in absorbed]


_MINOR_WORDS = {"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le"}


def initials(name: str) -> str:
    """"United Nations" -> "UN", "North Atlantic Treaty Organization" -> "NATO"; "" for a name of one word or one
    that holds an acronym itself ("U.S.", "USS Stout")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w.lower() not in _MINOR_WORDS]
    if len(words) < 2 or any(len(w) < 2 or w.isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).upper()


def merge_acronyms(actors: list[Actor]) -> list[Actor]:
    """A place or organisation and its acronym ("UN" and "United Nations", "US" and "United States") are one:
    of the same kind, named together in some article, and the name it abbreviates used by NAME_SWITCH_RATIO times
    as many sources as any other of that kind (a typo's "Untied States" does not count against it; "Red Cross" and
    "Red Crescent" both do; "U.S." the place is not "United Steelworkers"); the name most sources use is kept."""
    expansions: dict[str, list[Actor]] = defaultdict(list)
    for actor in actors:
        if actor.kind in ("place", "organisation") and initials(actor.name):
            expansions[initials(actor.name)].append(actor)
    absorbed: set[int] = set()
    for actor in actors:
        name = actor.name.replace(".", "")
        if actor.kind not in ("place", "organisation") or not (2 <= len(name) <= 6 and name.isupper()):
            continue
        told = {p.source for p in actor.provenance}
        candidates = sorted((a for a in expansions.get(name, []) if id(a) not in absorbed and a is not actor
                             and a.kind == actor.kind and told & {p.source for p in a.provenance}),
                            key=_prominence)
        if not candidates or id(actor) in absorbed or (len(candidates) > 1 and _sources(candidates[0])
                                                       < NAME_SWITCH_RATIO * _sources(candidates[1])):
            continue
        target, other = sorted([actor, candidates[0]], key=_prominence)
        _absorb(target, other)
        absorbed.add(id(other))
    return [a for a in actors if id(a) not in absorbed]


def merge_same_names(actors: list[Actor]) -> list[Actor]:
    """Actors that came to be called the same ("Unfortunately Harbour Energy" and "Harbour Energy" both so named) are one; then so
    are organisations whose names of three words or more differ only in their order ("National Transitional
    Council", "Transitional National Council")."""
    def in_any_order(actor: Actor) -> str:
        words = fold(actor.name).split()
        return " ".join(sorted(words)) if actor.kind == "organisation" and len(words) >= 3 else fold(actor.name)

    return _merge_by(_merge_by(actors, lambda actor: fold(actor.name)), in_any_order)


def _merge_by(actors: list[Actor], key) -> list[Actor]:
    by_name: dict[str, list[Actor]] = defaultdict(list)
    for actor in actors:
        by_name[key(actor)].append(actor)
    kept = []
    for group in by_name.values():
        group.sort(key=_prominence)
        for other in group[1:]:
            _absorb(group[0], other)
        kept.append(group[0])
    return kept


def _order_roles(actor: Actor) -> None:
    """The title most sources give comes first, in its fullest current form: "Foreign Secretary", not "Secretary"."""
    quotes = [(p.source, fold(p.quote)) for p in actor.provenance] if len(actor.roles) > 1 else []
    said_by = {r: len({source for source, quote in quotes if fold(r) in quote}) for r in actor.roles}
    actor.roles.sort(key=lambda r: -said_by[r])
    if actor.roles:
        top = re.compile(rf"\b{re.escape(fold(actor.roles[0]))}\b")
        fuller = [r for r in actor.roles[1:] if top.search(fold(r)) and not FORMER.search(r)]
        if fuller:
            actor.roles.remove(fuller[0])
            actor.roles.insert(0, fuller[0])


NAME_SWITCH_RATIO = 5  # another name used as this many times more often replaces a place's or body's name


def _choose_name(actor: Actor, used_as_name: Counter) -> None:
    """The spelling most articles use ("Kenya", not a dateline's "KENYA"), with its accents if any; and for a
    place or organisation named so by one or a few articles, the name the others use ("Nairobi", not
    "Nairobi Central Hospital" that one article glued it into)."""
    used: Counter[str] = Counter()
    for name in [actor.name, *actor.aliases]:
        used[fold(name)] += used_as_name[name]  # "Núñez" and "Nunez" are one spelling, accents shown
    names = [n for n in [actor.name, *actor.aliases] if fold(n) == fold(actor.name)]
    current, most = used[fold(actor.name)], max(used.values())
    if actor.kind != "person" and (current <= 1 or most >= NAME_SWITCH_RATIO * current):
        names = [actor.name, *actor.aliases]  # a name few articles glued together ("Nairobi Medical Center")
    best = max(names, key=lambda n: (used[fold(n)], not n.isascii(), used_as_name[n], n == actor.name))
    if best != actor.name:
        actor.aliases = [actor.name, *[n for n in actor.aliases if n != best]]
        actor.name = best
