"""The data model every pipeline step shares.

Articles become sentences; extractors turn sentences into items that each keep
the exact sentence they came from (`Provenance`); reconcile merges items from
several articles into one `Story`, which render turns into pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article, verbatim, with its place in the cleaned text."""

    source: str  # the article's file name
    index: int  # position among the article's sentences (anchor on the source page)
    text: str
    paragraph: int
    speaker: str = ""  # in a broadcast transcript, who speaks it (the label before its turn); else ""


@dataclass
class Article:
    """One input file after ingest: metadata plus cleaned paragraphs."""

    source: str  # file name, the article's id everywhere
    title: str = ""
    outlet: str = ""
    published: str = ""  # ISO date (YYYY-MM-DD) or ""
    published_inferred: bool = False  # True when the date came from the text's content
    url: str = ""
    authors: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # furniture and duplicates, for the record
    about_story: bool | None = None  # an editor's word (sources.yml): in or out whatever the generator finds
    sentences: list[Sentence] = field(default_factory=list)
    turns: list[str] = field(default_factory=list)  # a transcript's speaker of each paragraph; empty otherwise
    speakers: dict[str, str] = field(default_factory=dict)  # a transcript's speakers, each with the role it gives


@dataclass(frozen=True)
class Provenance:
    """Where an item was found: the article and the exact sentence."""

    source: str
    sentence: int
    quote: str


@dataclass(frozen=True)
class DateRef:
    """A normalised date: `value` is YYYY, YYYY-MM or YYYY-MM-DD, `precision` says which; an event told without
    a date in an article without one has value "" and precision "none"."""

    value: str
    precision: str  # "year" | "month" | "day" | "none"
    relation: str = "on"  # "on" | "since" | "until" | "period" | "reported" (the day its article was published)


@dataclass
class Event:
    id: str
    date: DateRef
    text: str
    scheduled: bool
    provenance: list[Provenance] = field(default_factory=list)
    pinned: bool = False  # an editor keeps it on the timeline however long the story grows
    signal: str = ""  # the rule that found it, so that every item can explain itself


@dataclass
class Figure:
    id: str
    value: float
    unit: str
    label: str
    period: str
    approximate: bool
    text: str  # the number as written ("some 2,500")
    provenance: list[Provenance] = field(default_factory=list)
    signal: str = ""
    upper: float | None = None  # a range ("between 200 and 300") runs from value to upper
    vague: bool = False  # "thousands", "tens of thousands": shown as written, never a point, never disputed


@dataclass(frozen=True)
class Report:
    """One source's value of a running count, on the day its article was published."""

    day: str
    value: float
    upper: float | None
    source: str
    figure: str  # the Figure's id

    @property
    def top(self) -> float:
        """The highest value it gives: its own, or a range's upper end."""
        return self.value if self.upper is None else self.upper


@dataclass(frozen=True)
class Standing:
    """A running count as it stands: the highest value two sources give, in sentences of their own, among the
    story's latest reports; `low`–`high` is what the latest reports of it span and `sources` how many sources
    give those; `provenance` is the sentences that give the value."""

    value: float
    upper: float | None
    day: str
    low: float
    high: float
    sources: int
    provenance: tuple[Provenance, ...]


@dataclass
class Revision:
    """A count the story kept reporting ("people killed"): each source's value by date of report. A later,
    larger value is a revision; different values the same day are a disagreement. `standing`: the count as it
    stands, when the latest reports establish one."""

    measure: str
    reports: list[Report]
    standing: Standing | None = None


@dataclass
class Actor:
    id: str
    name: str
    kind: str  # "person" | "organisation" | "place"
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    provenance: list[Provenance] = field(default_factory=list)
    signal: str = ""

    @property
    def role(self) -> str:
        return self.roles[0] if self.roles else ""


@dataclass
class Quote:
    id: str
    speaker: str
    text: str
    provenance: list[Provenance] = field(default_factory=list)
    signal: str = ""


@dataclass
class View:
    speaker: str
    stance: str  # "for" | "against" | "mixed" | "unclear"
    summary: str  # the statement that decides the stance (a quote or a reported statement)
    quotes: list[str] = field(default_factory=list)  # quote ids
    deciding: list[Provenance] = field(default_factory=list)  # where the summary was said
    reported: list[str] = field(default_factory=list)  # ids of the statements reported of the voice, outside
    # quotation marks ("X said the plan was needed"; Story.statements)
    summary_reported: bool = False  # the summary is a reported statement, not the voice's own words


@dataclass
class ConflictValue:
    value: str
    provenance: list[Provenance]


@dataclass
class Conflict:
    id: str
    kind: str  # "figure" (values differ) | "period" (periods differ) | "role" (titles differ)
    about: str
    minor: bool
    values: list[ConflictValue] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # ids of the figures, events or actor it is about
    doubt: str = ""  # why the generator holds it back from the site for an editor ("" when it is published)


@dataclass
class Extraction:
    """What extract finds in one article; reconcile merges these."""

    source: str
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    statements: list[Quote] = field(default_factory=list)  # reported speech: a statement outside quotation marks
    words: frozenset[str] = frozenset()  # its content words: how many articles use a word, for the overview
    news: tuple[int, ...] = ()  # sentences telling news without a date, in the present perfect ("has asked")
    title_is_caption: bool = False  # its title describes a picture (describes_a_picture): it cannot name the story


@dataclass(frozen=True)
class SetAside:
    """An article left out of every page, and why (the sources page lists it)."""

    source: str
    title: str
    reason: str


@dataclass
class Story:
    articles: list[Article]
    events: list[Event]
    figures: list[Figure]
    actors: list[Actor]
    quotes: list[Quote]
    views: list[View]
    conflicts: list[Conflict]
    summary: list[Provenance]  # the overview's sentences
    question: str  # the story's name: the headline most like the others (or the editor's title)
    key_figures: list[str] = field(default_factory=list)  # ids of the overview's key numbers
    set_aside: list[SetAside] = field(default_factory=list)  # articles beside the story, left out
    debate: str = ""  # the proposal the views take sides on; "" when the sources argue about none
    debate_set: bool = False  # the editor set it in corrections.yml
    held_back: list[Conflict] = field(default_factory=list)  # disagreements the generator doubts: shown to the
    # editor (content/review.yml, the build's output), not to the reader, until corrections.yml publishes one
    statements: list[Quote] = field(default_factory=list)  # reported speech: a voice's statement outside quotation
    # marks, its text a verbatim part of its sentence
