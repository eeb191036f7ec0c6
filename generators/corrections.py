"""Editors' corrections that survive every regeneration: content/corrections.yml.

Items are matched by name (actors, voices) or by words from their sentence
(events, figures, quotes), never by generated ids, which change as articles
are added. A correction that matches nothing is reported, not dropped silently.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .extract.actors import fold
from .ingest import compose_yaml, is_calendar_date, load_yaml
from .model import Actor, Conflict, DateRef, Story
from .project import CORRECTIONS
from .reconcile import mark_disputed_events, voices

FILE = CORRECTIONS
TEMPLATE = """\
# Corrections applied on every regeneration. Match items by name (actors, voices) or by
# words from their text (events, figures, quotes). Unmatched corrections are reported.
#
# reject:                      # drop items from every page and the export
#   - "Words from an event, figure or quote, or an actor's name"
# dates:                       # fix an event's date (YYYY, YYYY-MM or YYYY-MM-DD)
#   "words from the event": 2025-04-13
# values:                      # fix a figure's value
#   "words from the figure's sentence": 1250
# rename:                      # fix a name everywhere
#   "Old Name": "New Name"
# merge:                       # one actor under several names
#   "Full Name": ["Other Name"]
# split:                       # a name wrongly merged into an actor becomes its own actor
#   "Full Name": ["Other Person's Name"]
# stances:                     # for | against | mixed | unclear
#   "Speaker Name": mixed
# pin:                         # always on the timeline, however long the story grows
#   - "words from the event"
# publish:                     # put a disagreement held back for review (review.yml) on the site
#   - "its title, as review.yml gives it, or words from one of its sentences"
# title: "The city's new harbour"   # the story's name: overview title, tabs, site name (default: the
#                              # headline most like the others that is not a question or an opinion
#                              # piece's; `question:` also works)
# debate: "Should the city build the new harbour?"   # what the voices are for or against (default: the
#                              # headline when it asks for something and two voices take a side; else none)
"""
STANCES = {"for", "against", "mixed", "unclear"}
MAX_TITLE = 300  # characters: the story's name is on every page, in its tab and its header


class CorrectionsError(Exception):
    """corrections.yml cannot be read; nothing in it is applied."""


@dataclass
class Corrections:
    reject: list[str] = field(default_factory=list)
    dates: dict[str, str] = field(default_factory=dict)
    values: dict[str, float] = field(default_factory=dict)
    rename: dict[str, str] = field(default_factory=dict)
    merge: dict[str, list[str]] = field(default_factory=dict)
    stances: dict[str, str] = field(default_factory=dict)
    split: dict[str, list[str]] = field(default_factory=dict)
    pin: list[str] = field(default_factory=list)
    publish: list[str] = field(default_factory=list)
    question: str = ""
    debate: str = ""


# What each kind holds: a list of matchers, or a mapping from a matcher to a value of one type.
_LISTS = ("reject", "pin", "publish")
_MAPPINGS = {"dates": "date", "values": "number", "rename": "name", "merge": "names", "split": "names",
             "stances": "stance"}


def load(content: Path) -> Corrections:
    """The editors' corrections, checked kind by kind: a wrong type, an empty matcher (which would match every
    item), a date that is no day, a number that is not finite are errors naming the kind and its line."""
    path = content / FILE
    if not path.exists():
        return Corrections()
    try:
        text = path.read_text("utf-8")
        data, root = load_yaml(text) or {}, compose_yaml(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorrectionsError(f"{FILE}: unreadable ({' '.join(str(exc).split())})") from None
    except RecursionError:
        raise CorrectionsError(f"{FILE}: unreadable (nested too deeply)") from None
    if not isinstance(data, dict):
        raise CorrectionsError(f"{FILE}: must be a mapping of correction kinds")
    lines = {key.value: key.start_mark.line + 1 for key, _ in root.value} if isinstance(root, yaml.MappingNode) else {}

    def fail(kind: str, problem: str):
        raise CorrectionsError(f"{FILE}, line {lines.get(kind, '?')}: {kind}: {problem}")

    unknown = set(data) - {*_LISTS, *_MAPPINGS, "title", "question", "debate"}
    if unknown:
        raise CorrectionsError(f"{FILE}: unknown kind(s): {', '.join(sorted(map(str, unknown)))}")
    checked: dict = {}
    for kind in _LISTS:
        items = data.get(kind) or []
        if not isinstance(items, list) or not all(_text(x) for x in items):
            fail(kind, "must be a list of non-empty words or names, e.g. [\"words from the item\"]")
        checked[kind] = [str(x) for x in items]
    for kind, value_type in _MAPPINGS.items():
        mapping = data.get(kind) or {}
        if not isinstance(mapping, dict) or not all(_text(k) for k in mapping):
            fail(kind, "must map non-empty words or names to values")
        checked[kind] = {}
        for key, value in mapping.items():
            checked[kind][str(key)] = _value(value_type, value,
                                             lambda problem, kind=kind, key=key: fail(kind, f"{key!r}: {problem}"))
    title, debate = ("title" if "title" in data else "question"), "debate"  # "question": the older name of "title"
    for kind in (title, debate):
        text = data.get(kind) or ""
        if not isinstance(text, str) or len(text) > MAX_TITLE:
            fail(kind, f"must be one line of text of at most {MAX_TITLE} characters")
    return Corrections(**checked, question=" ".join((data.get(title) or "").split()),
                       debate=" ".join((data.get(debate) or "").split()))


def _text(value) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool) and bool(str(value).strip())


def _value(value_type: str, value, fail):
    if value_type == "date":
        if not (isinstance(value, (str, int)) and is_calendar_date(str(value))):
            fail("not a day, month or year (YYYY-MM-DD, YYYY-MM or YYYY)")
        return str(value)
    if value_type == "number":
        try:
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                fail("not a finite number")
            return float(value)
        except OverflowError:
            fail("not a finite number (too large)")
    if value_type == "stance":
        if not isinstance(value, str) or value not in STANCES:
            fail(f"stance must be one of {', '.join(sorted(STANCES))}")
        return value
    names = value if isinstance(value, list) else [value]
    if not names or not all(_text(n) for n in names) or (value_type == "name" and isinstance(value, list)):
        fail("must be a non-empty name" + ("" if value_type == "name" else " or a list of names"))
    return str(value) if value_type == "name" else [str(n) for n in names]


def _matches(words: str, text: str) -> bool:
    return fold(words) in fold(text)


@dataclass
class Applied:
    unmatched: list[str] = field(default_factory=list)  # one line per correction that matched nothing
    changed: list[str] = field(default_factory=list)  # how many items each matching correction changed
    broad: list[str] = field(default_factory=list)  # those that changed more than half the items of their kind

    def count(self, what: str, hits: int, pool: int) -> None:
        line = f"{what}: {hits} of {pool} items"
        self.changed.append(line)
        if pool >= 4 and hits > pool / 2:
            self.broad.append(line)


def apply(story: Story, corrections: Corrections) -> tuple[Story, Applied]:
    """The corrected story, and what each correction did (nothing, how much, suspiciously much)."""
    applied = Applied()
    unmatched = applied.unmatched
    actors, events, figures = story.actors, story.events, story.figures
    said = story.quotes + story.statements  # quotations and reported statements: their speakers follow the actors

    for target, others in corrections.merge.items():
        keep = next((a for a in actors if fold(a.name) == fold(target)), None)
        gone = [a for a in actors if keep and a is not keep and fold(a.name) in {fold(o) for o in others}]
        if keep is None or not gone:
            unmatched.append(f"merge {target!r}: no such actors")
            continue
        for actor in gone:
            keep.aliases += [n for n in [actor.name, *actor.aliases] if n not in keep.aliases and n != keep.name]
            keep.roles += [r for r in actor.roles if r not in keep.roles]
            keep.mentions += actor.mentions
            keep.provenance += [p for p in actor.provenance if p not in keep.provenance]
        names = {a.name for a in gone}
        actors = [a for a in actors if a not in gone]
        said = [replace(q, speaker=keep.name) if q.speaker in names else q for q in said]

    for owner, split_names in corrections.split.items():
        owner_actor = next((a for a in actors if fold(a.name) == fold(owner)), None)
        for name in split_names:
            if owner_actor is None or fold(name) not in {fold(a) for a in owner_actor.aliases}:
                unmatched.append(f"split {name!r} from {owner!r}: no such alias")
                continue
            owner_actor.aliases = [a for a in owner_actor.aliases if fold(a) != fold(name)]
            own_names = [owner_actor.name, *owner_actor.aliases]
            theirs = [p for p in owner_actor.provenance if _matches(name, p.quote)
                      and not any(_matches(n, p.quote) for n in own_names)]
            owner_actor.provenance = [p for p in owner_actor.provenance if p not in theirs]
            actors.append(Actor(f"{owner_actor.id}-split-{len(actors)}", name, owner_actor.kind, [], [], len(theirs),
                                theirs))
            said = [replace(q, speaker=name) if q.speaker == owner_actor.name
                    and any(_matches(name, p.quote) for p in q.provenance) else q for q in said]

    for old, new in corrections.rename.items():
        hit = False
        for actor in actors:
            if fold(actor.name) == fold(old):
                actor.aliases = [n for n in [actor.name, *actor.aliases] if n != new]
                actor.name, hit = new, True
        said = [replace(q, speaker=new) if fold(q.speaker) == fold(old) else q for q in said]
        if not hit:
            unmatched.append(f"rename {old!r}: no such actor")

    for words in corrections.reject:
        before = len(actors) + len(events) + len(figures) + len(said)
        rejected_names = {a.name for a in actors if fold(a.name) == fold(words)}
        pool = len(actors) if rejected_names else len(events) + len(figures) + len(said)  # what it could match
        if rejected_names:  # an actor's name rejects the actor and their voice, not every sentence naming them
            actors = [a for a in actors if a.name not in rejected_names]
            said = [q for q in said if q.speaker not in rejected_names]
        else:
            events = [e for e in events if not _matches(words, e.text)]
            figures = [f for f in figures if not any(_matches(words, p.quote) for p in f.provenance)]
            said = [q for q in said if not _matches(words, q.text)]
        removed = before - len(actors) - len(events) - len(figures) - len(said)
        if removed == 0:
            unmatched.append(f"reject {words!r}: matches nothing")
        elif removed >= pool >= 4:
            raise CorrectionsError(f"{FILE}: reject {words!r} would remove all {pool} items it could match; "
                                   "nothing written (use more words of the one item meant)")
        else:
            applied.count(f"reject {words!r}", removed, pool)

    for words, date in corrections.dates.items():
        hits = [e for e in events if _matches(words, e.text)]
        for event in hits:
            event.date = DateRef(date, {4: "year", 7: "month", 10: "day"}[len(date)], "on")
        if not hits:
            unmatched.append(f"date for {words!r}: no such event")
        else:
            applied.count(f"date for {words!r}", len(hits), len(events))
    events = sorted(events, key=lambda e: e.date.value)

    for words, value in corrections.values.items():
        figure_hits = [f for f in figures if any(_matches(words, p.quote) for p in f.provenance)]
        for figure in figure_hits:
            figure.value = value
        if not figure_hits:
            unmatched.append(f"value for {words!r}: no such figure")
        else:
            applied.count(f"value for {words!r}", len(figure_hits), len(figures))

    for words in corrections.pin:
        hits = [e for e in events if _matches(words, e.text)]
        for event in hits:
            event.pinned = True
        if not hits:
            unmatched.append(f"pin {words!r}: no such event")
        else:
            applied.count(f"pin {words!r}", len(hits), len(events))

    question = corrections.question or story.question
    quotes = [q for q in said if not q.id.startswith("statement-")]
    statements = [q for q in said if q.id.startswith("statement-")]
    debate, views = voices(story.articles, actors, quotes, statements, question,  # of the corrected items
                           corrections.debate)
    for speaker, stance in corrections.stances.items():
        view_hits = [v for v in views if fold(v.speaker) == fold(speaker)]
        for view in view_hits:
            view.stance = stance
        if not view_hits:
            unmatched.append(f"stance for {speaker!r}: no such voice")

    figure_sentences = {(p.source, p.sentence) for f in figures for p in f.provenance}

    def still_told(conflicts: list[Conflict]) -> list[Conflict]:
        """Without the disagreements about figures a correction rejected."""
        return [c for c in conflicts if c.kind not in ("figure", "period")
                or all((p.source, p.sentence) in figure_sentences for v in c.values for p in v.provenance)]
    conflicts, held_back = still_told(story.conflicts), still_told(story.held_back)
    for words in corrections.publish:
        chosen = [c for c in held_back if fold(words) == fold(c.about)]  # its title, as review.yml gives it
        chosen = chosen or [c for c in held_back if any(_matches(words, p.quote) for v in c.values for p in v.provenance)]
        if not chosen:
            unmatched.append(f"publish {words!r}: no disagreement held back")
            continue
        applied.count(f"publish {words!r}", len(chosen), len(held_back))
        held_back = [c for c in held_back if c not in chosen]
        published = [replace(c, doubt="", items=list(c.items)) for c in chosen]
        mark_disputed_events(published, events)
        conflicts += published
    return replace(story, actors=actors, events=events, figures=figures, quotes=quotes, statements=statements,
                   views=views, conflicts=sorted(conflicts, key=_number), held_back=held_back,
                   question=question, debate=debate, debate_set=bool(corrections.debate)), applied


def _number(conflict: Conflict) -> int:
    """Disagreements in the order found (conflict-2 before conflict-10), an editor's among them."""
    return int(conflict.id.rsplit("-", 1)[-1]) if conflict.id.rsplit("-", 1)[-1].isdigit() else 0
