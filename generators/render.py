"""Render the story into `content/`: Markdown pages from site_src templates, the export, charts and assets.

Everything article-derived is escaped on the way into Markdown: the Jinja
environment escapes every `{{ … }}` by default (`finalize`), and only Markdown
that this module builds itself is marked `Trusted`. Files that an editor changed
since the last generation are kept and reported, never overwritten.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import html
import io
import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.resources import files
from itertools import product
from pathlib import Path

import jinja2

from . import __version__, corrections
from .cache import write_atomic
from .charts import (
    NARROW_BELOW,
    NARROW_WIDTH,
    STATIC_WIDTH,
    Chart,
    build_charts,
    javascript_bundle,
    printable,
    render_svg,
    vl_convert_version,
)
from .ingest import Skipped
from .model import Article, Conflict, Provenance, Sentence, Story
from .reconcile import by_reach, headline_counts, revisions, sources_count
from .reconcile.boundary import story_keywords
from .timeline import publication_days, select_timeline

SITE_SRC = Path(str(files("generators.site_src")))  # the repository's site_src/, installed as package data
MANIFEST = ".generated.json"
STANCES = ["for", "against", "mixed", "unclear"]


class Trusted(str):
    """Markdown or HTML the generator wrote itself; the template leaves it as it is."""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # from file names: never raw bytes in a page
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#+!|])")


def md_text(value) -> str:
    """Article text as literal Markdown: no markup, HTML, template or extension syntax survives."""
    if isinstance(value, Trusted):
        return value
    if value is None:
        return ""
    text = re.sub(r"\s+", " ", _CONTROL.sub("", str(value)))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^(\d+)\.|^-", lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)


def attr(value) -> Trusted:
    """For raw HTML (an attribute or a paragraph's text), where Markdown escapes would show literally."""
    return Trusted(html.escape(" ".join(_CONTROL.sub("", str(value)).split()), quote=True))


def _short(title: str, limit: int = 48) -> str:
    """A link's text in a list of many: the headline's first words."""
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0] + "…"


def signed(figure) -> str:
    """A percentage change as a reader compares it: "fell 16%" is −16%, "rose 40%" is +40%."""
    if figure.unit == "%" and figure.label.startswith(("fall", "rise")):
        sign = "−" if figure.label.startswith("fall") else "+"
        return re.sub(r"[+\-−]?(?=\d)", sign, figure.text, count=1)  # "around 16%" is "around −16%"
    return figure.text


def front_matter_str(value) -> Trusted:
    """A front-matter string: MkDocs and Material place a page's title unescaped into <title>, the header and meta
    tags (in double quotes), so it is HTML-escaped first (an apostrophe stays readable), then quoted as YAML (JSON
    is YAML) so nothing can end the value."""
    escaped = html.escape(" ".join(str(value).split()), quote=False).replace('"', "&quot;")
    return Trusted(json.dumps(escaped, ensure_ascii=True))


SLUG_LENGTH = 100  # characters of a file name kept readable in its page's name


def slug(name: str) -> str:
    """A page name for a file name, unique per file name even on a disk that ignores case: "news-1.txt" is
    news-1-txt; a name that loses more than its extension's dot ("news 1.txt", "news.1.txt", "é.txt") or has
    capitals ("E.txt" beside "e.txt") is lower-cased and carries a digest of itself."""
    readable = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-") or "source"
    if re.fullmatch(r"[a-z0-9_-]+\.[a-z0-9]+", name) and len(readable) <= SLUG_LENGTH:
        return readable
    readable = readable[:SLUG_LENGTH].strip("-")  # a file name may take 255 bytes; a page name and its partial
    return f"{readable}-{hashlib.sha256(name.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"  # copy less


def source_page(source: str, part: int = 1) -> str:
    """An article's page; a long article's later parts follow it (".part2": a dot no slug holds, so no file's page
    can take a part's name)."""
    return f"sources/{slug(source)}{f'.part{part}' if part > 1 else ''}.md"


ARTICLE_PAGE_WEIGHT = 60_000  # bytes of an article's text as HTML on one page: a 200,000-character dump runs over
# four pages, each well within the reader's 150 KB


def _weight(sentence: Sentence) -> int:
    """What a sentence weighs on the page: its escaped text and the span around it (a page of one-word sentences
    is mostly markup)."""
    return len(html.escape(sentence.text).encode("utf-8")) + 40


def article_parts(article: Article) -> list[list[list[Sentence]]]:
    """The article's paragraphs (each a list of sentences) cut into pages of about ARTICLE_PAGE_WEIGHT, between
    sentences: one page for any ordinary article."""
    parts: list[list[list[Sentence]]] = [[]]
    weight, last_paragraph = 0, None
    for sentence in article.sentences:
        if weight and weight + _weight(sentence) > ARTICLE_PAGE_WEIGHT:
            parts.append([])
            weight, last_paragraph = 0, None
        if sentence.paragraph != last_paragraph:
            parts[-1].append([])
            last_paragraph = sentence.paragraph
        parts[-1][-1].append(sentence)
        weight += _weight(sentence)
    return parts


def sentence_parts(articles: list[Article]) -> dict[str, dict[int, int]]:
    """For each article of more than one page: the page each sentence is on (links to a sentence go there)."""
    layout = {}
    for article in articles:
        if sum(map(_weight, article.sentences)) > ARTICLE_PAGE_WEIGHT:
            layout[article.source] = {s.index: number for number, part in enumerate(article_parts(article), 1)
                                      for paragraph in part for s in paragraph}
    return layout


def sentence_page(item: Provenance, parts: dict[str, dict[int, int]]) -> str:
    """The page that shows a cited sentence (`parts`: from sentence_parts)."""
    return source_page(item.source, parts.get(item.source, {}).get(item.sentence, 1))


MAX_CITED = 5  # footnotes per item; a fact forty articles repeat shows five of them, the export all forty
MORE_LINKS = 25  # links under one item's "+N more"
MORE_LINKS_PER_PAGE = 300  # and on one page: sixty rows of a long story each folding 25 links weighed 114 KB
FOOTNOTES_PER_PAGE = 80  # past this, a long story's page cites fewer sentences per item (at least one), the rest
# folded under "+N more": each footnote is a mark, a definition and two links, a reader's weight and tab stops


@dataclass
class Footnotes:
    """Per page: one numbered footnote per cited sentence, defined once at the end of the page."""

    articles: dict[str, Article]
    prefix: str  # path from this page to the content root
    per_item: int = MAX_CITED
    parts: dict[str, dict[int, int]] = field(default_factory=dict)  # see sentence_parts
    numbers: dict[Provenance, int] = field(default_factory=dict)
    items: int = 0  # how many items cited
    more_links: int = 0  # links folded under "+N more" so far on this page

    def cite(self, provenance: list[Provenance]) -> Trusted:
        """Footnote marks for an item's sentences: one per source first, at most `per_item`; the export has all."""
        self.items += 1
        firsts = {p.source: p for p in reversed(provenance)}
        ordered = [p for p in provenance if firsts[p.source] is p] + [p for p in provenance if firsts[p.source] is not p]
        shown, hidden = ordered[:self.per_item], len(ordered) - self.per_item
        numbers = []
        for item in shown:
            key = Provenance(item.source, item.sentence, item.quote)
            if key not in self.numbers:
                self.numbers[key] = len(self.numbers) + 1
            numbers.append(self.numbers[key])
        refs = "".join(f"[^{n}]" for n in sorted(numbers))  # read as ³⁴, not ⁴³
        return Trusted(refs + (self._more(ordered[self.per_item:]) if hidden > 0 else ""))

    def _more(self, rest: list[Provenance]) -> str:
        """The sentences past those cited, folded: each a link to its sentence on its article's page, up to
        MORE_LINKS per item and MORE_LINKS_PER_PAGE per page (a title repeated by 300 articles would weigh more
        than the page; the export has them all)."""
        links = []
        shown = rest[:max(0, min(MORE_LINKS, MORE_LINKS_PER_PAGE - self.more_links))]
        self.more_links += len(shown)
        for item in shown:
            article = self.articles.get(item.source)
            title = html.escape(_short(article.title if article and article.title else item.source))
            page = sentence_page(item, self.parts).removesuffix(".md") + ".html"  # raw HTML: MkDocs does not rewrite it
            links.append(f'<a href="{html.escape(self.prefix + page)}#s-{item.sentence}">{title}</a>')
        if len(rest) > len(shown):
            links.append(f"{'and ' if shown else ''}{len(rest) - len(shown)} more in the downloads")
        return (f'<details class="more-sources"><summary>+{len(rest)} more</summary>{"; ".join(links)}</details>')

    def definitions(self) -> Trusted:
        lines = []
        for item, number in self.numbers.items():
            article = self.articles.get(item.source)
            title = article.title if article else item.source
            meta = ", ".join(x for x in (article.outlet if article else "", article.published if article else "") if x)
            link = f"{self.prefix}{sentence_page(item, self.parts)}#s-{item.sentence}"
            lines.append(f"[^{number}]: *{md_text(title)}*{' (' + md_text(meta) + ')' if meta else ''}: "
                         f"“{md_text(item.quote)}” [Read in context]({link})")
        # the footnotes close the page: under a heading of their own, search files their sentences there and
        # not under whatever section happened to come last
        heading = "## The sentences cited on this page { #cited }\n\n" if lines else ""
        return Trusted(heading + "\n".join(lines))


def table(header: list[str], rows: list[list[str]], indent: str = "") -> Trusted:
    """A Markdown table with every cell escaped."""
    lines = ["| " + " | ".join(md_text(h) for h in header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(md_text(cell) for cell in row) + " |" for row in rows]
    return Trusted("\n".join(indent + line for line in lines))


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(SITE_SRC / "templates"),
        finalize=md_text,
        autoescape=False,  # we write Markdown: escaping is md_text's job, applied to every expression
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["attr"] = attr
    env.filters["table"] = table
    env.filters["trusted"] = Trusted  # only for the output of our own macros, whose values are escaped inside
    env.filters["yaml_str"] = front_matter_str
    env.filters["page"] = lambda source: Trusted(source_page(source))
    env.filters["sources"] = sources_count
    env.filters["short"] = _short
    env.filters["signed"] = signed
    env.globals["narrow_below"] = NARROW_BELOW  # for the chart macro, which templates import without context
    env.globals["table_rows"] = TABLE_ROWS
    return env


# ------------------------------------------------------------------ export

def _provenance(items: list[Provenance]) -> list[dict]:
    return [{"source": p.source, "sentence": p.sentence, "quote": p.quote} for p in items]


def export(story: Story, charts: dict[str, list[Chart]]) -> dict:
    """The machine-readable story (schema: generators/story.schema.json)."""
    return {
        "generator": {"name": "generators", "version": __version__},
        "question": story.question,
        "debate": {"question": story.debate, "set_by": ("editor" if story.debate_set else "sources") if story.debate else ""},
        "summary": _provenance(story.summary),
        "sources": [{"id": a.source, "title": a.title, "outlet": a.outlet, "published": a.published,
                     "published_inferred": a.published_inferred, "url": a.url, "authors": a.authors,
                     "removed": a.removed} for a in story.articles],
        "set_aside": [{"id": s.source, "title": s.title, "reason": s.reason} for s in story.set_aside],
        "events": [{"id": e.id, "date": e.date.value, "precision": e.date.precision, "text": e.text,
                    "date_given": e.date.relation != "reported",
                    "scheduled": e.scheduled, "signal": e.signal, "source_count": sources_count(e.provenance),
                    "sources": _provenance(e.provenance)} for e in story.events],
        "figures": [{"id": f.id, "value": f.value, "unit": f.unit, "label": f.label, "period": f.period,
                     "upper": f.upper, "approximate": f.approximate, "vague": f.vague, "text": f.text, "signal": f.signal,
                     "source_count": sources_count(f.provenance),
                     "sources": _provenance(f.provenance)} for f in story.figures],
        "actors": [{"id": a.id, "name": a.name, "kind": a.kind, "aliases": a.aliases, "role": a.role,
                    "roles": a.roles, "mentions": a.mentions, "signal": a.signal,
                    "source_count": sources_count(a.provenance),
                    "sources": _provenance(a.provenance)} for a in story.actors],
        "quotes": [{"id": q.id, "speaker": q.speaker, "text": q.text, "signal": q.signal,
                    "source_count": sources_count(q.provenance),
                    "sources": _provenance(q.provenance)} for q in story.quotes],
        "views": [{"speaker": v.speaker, "stance": v.stance, "summary": v.summary, "quotes": v.quotes,
                   "deciding": _provenance(v.deciding), "evidence": _provenance(v.reported)} for v in story.views],
        "conflicts": [{"id": c.id, "kind": c.kind, "about": c.about, "minor": c.minor, "items": c.items,
                       "values": [{"value": v.value, "source": p.source, "quote": p.quote}
                                  for v in c.values for p in v.provenance]} for c in story.conflicts],
        "charts": [{"name": c.name, "title": c.title, "caption": c.caption, "spec": c.spec}
                   for page in charts.values() for c in page],
    }


def json_lines(data: dict) -> str:
    """JSON with one line per item of each list: diffable, and written by the fast C encoder (indent= is not)."""
    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            parts.append(f" {dump(key)}: [\n  " + ",\n  ".join(dump(v) for v in value) + "\n ]")
        else:
            parts.append(f" {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A spreadsheet runs a cell that starts like a formula: text gets a leading apostrophe (OWASP's advice)."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def csv_text(header: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


# ------------------------------------------------------------------ writing

@dataclass
class RenderReport:
    written: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)  # (path, diff of what would have been written)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_STAMP = re.compile(rb"\A---\ngenerated: ([0-9a-f]{64})\n")


def stamp(page: bytes) -> bytes:
    """A generated page carries the digest of its own text in its front matter, so that it is recognised as the
    generator's (and regenerated) even when the manifest is lost: only an editor's change breaks the stamp."""
    assert page.startswith(b"---\n"), "every generated page opens with front matter"
    return b"---\ngenerated: " + _digest(page).encode() + b"\n" + page[4:]


def is_stamped(page: bytes) -> bool:
    """True if the page is exactly as the generator wrote it (its stamp matches its text)."""
    found = _STAMP.match(page)
    return found is not None and _digest(b"---\n" + page[found.end():]) == found.group(1).decode()


def read_manifest(path: Path) -> dict[str, str | list[str]]:
    """What the generator wrote last time: file -> digest (or digests, while a write was under way; see
    ContentWriter.finish). A missing, damaged or wrongly shaped manifest counts as empty: pages are then
    recognised by their stamp, other files by being identical to what would be written now."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    def valid(value) -> bool:
        return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
    return {k: v for k, v in data.items() if isinstance(k, str) and valid(v)} if isinstance(data, dict) else {}


DIFF_LINES = 40  # of a kept page's diff, printed; the rest is counted
_CHART_FILE = re.compile(r"assets/charts/[\w.-]+\.(?:svg|json)")
CHARTS = "assets/charts/"  # the generator's own folder: what no page uses any more goes, manifest or not
_LEFTOVER = re.compile(r"\..+\.\d+\.tmp")  # write_atomic's partial file of a process stopped mid-write


class ContentWriter:
    """Writes generated files, keeping any that an editor changed.

    Files are written at `finish`, each atomically, after a manifest that already lists both their old and
    their new digests and every file about to go: a build stopped at any point leaves every file whole, none
    mistaken for an edit, none forgotten. The caller holds the content folder's lock."""

    def __init__(self, root: Path):
        self.root = root
        self.report = RenderReport()
        self.previous = read_manifest(root / MANIFEST)
        self.current: dict[str, str | list[str]] = {}
        self.pending: dict[str, bytes] = {}
        for leftover in root.rglob(".*.tmp"):  # no other build runs here (the lock), so these are a dead one's
            if _LEFTOVER.fullmatch(leftover.name) and leftover.is_file():
                leftover.unlink(missing_ok=True)

    def generated(self, relative: str) -> set[str]:
        """Digests of the versions of a file the generator wrote."""
        recorded = self.previous.get(relative, [])
        return {recorded} if isinstance(recorded, str) else set(recorded)

    def is_generated(self, relative: str, existing: bytes) -> bool:
        """A file is the generator's if it is as the generator wrote it: the manifest or the page's stamp says so."""
        return _digest(existing) in self.generated(relative) or (relative.endswith(".md") and is_stamped(existing))

    def write(self, relative: str, data: str | bytes) -> None:
        payload = data.encode("utf-8") if isinstance(data, str) else data
        if relative.endswith(".md"):
            payload = stamp(payload)
        path = self.root / relative
        if path.exists():
            try:
                existing = path.read_bytes()
            except OSError as exc:  # unreadable (permissions): it may be an edit, so it is left as it is
                self.current[relative] = self.previous.get(relative, "")
                self.report.kept.append((relative, f"(unreadable: {exc.strerror or exc.__class__.__name__})"))
                return
            if existing == payload:
                self.current[relative] = _digest(payload)
                return  # unchanged: not touched, so a watching `mkdocs serve` does not rebuild again
            if not self.is_generated(relative, existing):
                self.current[relative] = self.previous.get(relative, "")
                if not relative.startswith("assets/"):
                    diff = difflib.unified_diff(existing.decode("utf-8", "replace").splitlines(),
                                                payload.decode("utf-8", "replace").splitlines(),
                                                f"{relative} (yours)", f"{relative} (generated)", lineterm="", n=1)
                    lines = list(diff)
                    more = f"\n… {len(lines) - DIFF_LINES} more lines" if len(lines) > DIFF_LINES else ""
                    self.report.kept.append((relative, "\n".join(lines[:DIFF_LINES]) + more))
                return
        self.pending[relative] = payload
        self.current[relative] = _digest(payload)
        self.report.written.append(relative)

    def keep_if_unchanged(self, relative: str) -> bool:
        """True if the file is there exactly as last generated; it is then kept without being rebuilt."""
        path = self.root / relative
        try:
            existing = path.read_bytes()
        except OSError:
            return False
        if _digest(existing) in self.generated(relative):
            self.current[relative] = _digest(existing)
            return True
        return False

    def reuse(self, relative: str, recipe: str) -> bool:
        """True if the file is there as last generated from the same recipe (a chart's spec): not rebuilt."""
        key = f"{relative}#recipe"
        if self.previous.get(key) == recipe and self.keep_if_unchanged(relative):
            self.current[key] = recipe
            return True
        self.current[key] = recipe
        return False

    def _editors_pages(self, pages: list[str]) -> list[str]:
        """Pages an editor owns: those kept as edits, and their own pages (never written by the generator)."""
        kept = {relative for relative, _ in self.report.kept}
        return [r for r in pages if r in kept or (r not in self.current and not self._generated_on_disk(r))]

    def _generated_on_disk(self, relative: str) -> bool:
        path = self.root / relative
        try:
            return path.is_file() and not path.is_symlink() and self.is_generated(relative, path.read_bytes())
        except OSError:
            return False  # unreadable: not ours to judge

    def _keep_pictures_of(self, pages: list[str]) -> None:
        """Chart pictures and specs an editor's page shows stay, though no generated page uses them any more."""
        for relative in pages:
            try:
                shown = (self.root / relative).read_text("utf-8", "replace")
            except OSError:
                continue
            for picture in _CHART_FILE.findall(shown):
                if picture not in self.current and (self.root / picture).is_file():
                    self.current[picture] = self.previous.get(picture, "")

    def _stale(self, pages: list[str]) -> list[str]:
        """Files the generator wrote before and not this time (an article gone, a chart no longer drawn), unless an
        editor changed them: those the manifest lists, every stamped page and every file in the charts folder."""
        candidates = {r for r in self.previous if "#" not in r} | set(pages)
        if (self.root / CHARTS).is_dir():
            candidates |= {CHARTS + p.name for p in (self.root / CHARTS).iterdir() if _CHART_FILE.fullmatch(CHARTS + p.name)}
        return [r for r in sorted(candidates - set(self.current))
                if (r.startswith(CHARTS) and (self.root / r).is_file()) or self._generated_on_disk(r)]

    def finish(self) -> RenderReport:
        """The manifest with old and new digests of every file about to change or go, the files, the removals,
        then the manifest. A recipe is recorded only once its file is written."""
        pages = sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.md"))
        self._keep_pictures_of(self._editors_pages(pages))
        stale = self._stale(pages)
        during = {k: v for k, v in self.current.items() if k.removesuffix("#recipe") not in self.pending}
        for relative in self.pending:
            now = self.current[relative]
            during[relative] = sorted(self.generated(relative) | ({now} if isinstance(now, str) else set(now)))
        for relative in stale:
            during[relative] = self.previous.get(relative, "")
        self._write_manifest(during)
        for relative, payload in self.pending.items():
            write_atomic(self.root / relative, payload)
        for relative in stale:
            (self.root / relative).unlink(missing_ok=True)
        self._write_manifest(self.current)
        return self.report

    def _write_manifest(self, entries: dict) -> None:
        write_atomic(self.root / MANIFEST, (json.dumps(dict(sorted(entries.items())), indent=1) + "\n").encode())


PAGE_LIMIT = 60  # actors or figures on one page; the export and CSV files keep them all
OVERVIEW_SOURCES = 12  # articles listed on the home page; a longer story lists its latest and links to all
QUOTED_CONFLICTS_UP_TO = 30  # disagreements quoted inline on their page; past this their sentences are footnotes
CITED_CONFLICTS = 20  # disagreements with every side's sentences cited; the rest link to one sentence per value
VOICES_LIMIT = 30  # voices on the views page (five quotes each, three in a long story): an evening, not a week
SEARCHABLE_SOURCES_UP_TO = 100  # articles; past this search finds article pages by title, not by their full text
ARTICLE_EVENTS_LISTED = 50  # events listed on an article's page; the timeline and the export have them all
OTHER_CONFLICTS = 60  # disagreements past the cited ones, one line each; the export has them all
OTHER_CONFLICT_LINKS = 200  # and the links of those lines (one per value)
SOURCES_LISTED = 400  # articles in the sources page's table (the latest); search finds every page by its headline
TABLE_ROWS = 60  # rows of a chart's data table on a page; its spec file and the export hold every row


def listed_conflicts(conflicts: list[Conflict]) -> tuple[set[str], list[Conflict]]:
    """What the disagreements page shows: the ids of those cited in full (the widest reach first, while their
    values fit the page's footnotes) and those given one line each (while their links fit OTHER_CONFLICT_LINKS);
    the rest are in the export, and marks of their items link to the page's "others"."""
    cited: set[str] = set()
    room = FOOTNOTES_PER_PAGE
    for conflict in by_reach(conflicts)[:CITED_CONFLICTS]:
        if cited and len(conflict.values) > room:
            break
        cited.add(conflict.id)
        room -= len(conflict.values)
    others: list[Conflict] = []
    links = OTHER_CONFLICT_LINKS
    for conflict in (c for c in conflicts if c.id not in cited):
        if len(others) == OTHER_CONFLICTS or len(conflict.values) > links:
            break
        others.append(conflict)
        links -= len(conflict.values)
    return cited, others


def first_reported(story: Story) -> dict[str, str]:
    """Each figure's date of report: the earliest publication date among the articles that give it."""
    published = {a.source: a.published for a in story.articles if a.published}
    return {f.id: min((published[p.source] for p in f.provenance if p.source in published), default="")
            for f in story.figures}


def render_site(story: Story, content: Path, skipped: list[Skipped], timeline_dates: int | None = None,
                sentences_per_date: int | None = None) -> RenderReport:
    content.mkdir(parents=True, exist_ok=True)
    writer = ContentWriter(content)
    timeline = select_timeline(story.events, timeline_dates, sentences_per_date, publication_days(story.articles),
                               keywords=story_keywords(story.actors, len(story.articles)))
    charts = build_charts(story, timeline)
    env = environment()
    latest = max((a.published for a in story.articles if a.published), default="")
    layout = sentence_parts(story.articles)
    cited, others = listed_conflicts(story.conflicts)
    listed = cited | {c.id for c in others}
    anchor = {c.id: c.id if c.id in listed else "others" for c in story.conflicts}  # where the page has each
    context = {
        "story": story, "charts": charts, "skipped": skipped, "latest": latest, "stances": STANCES,
        "chart_by_name": {c.name: c for page in charts.values() for c in page},
        "timeline": timeline,
        # item -> its first conflict, as far as a mark needs it: one the page does not list links to "the others"
        "disputed": {item: {"minor": c.minor, "id": anchor[c.id]} for c in reversed(story.conflicts) for item in c.items},
        "conflict_anchor": anchor,
        "shown_views": story.views[:VOICES_LIMIT],
        "quotes_per_voice": 5 if len(story.views) <= VOICES_LIMIT // 2 else 3,  # a long story: more voices, fewer words
        "quoted_conflicts_up_to": QUOTED_CONFLICTS_UP_TO,
        "cited_conflicts": cited,
        "other_conflicts": others,
        "listed_sources": story.articles if len(story.articles) <= SOURCES_LISTED else
        sorted(story.articles, key=lambda a: (a.published, a.source), reverse=True)[:SOURCES_LISTED],
        "shown_actors": story.actors[:PAGE_LIMIT],
        "shown_figures": sorted(story.figures, key=lambda f: (-sources_count(f.provenance), f.id))[:PAGE_LIMIT]
        if len(story.figures) > PAGE_LIMIT else story.figures,
        "key_figures": [f for key in story.key_figures for f in story.figures if f.id == key],  # not those rejected
        "running_counts": headline_counts(revisions(story.figures, story.articles)),
        "first_reported": first_reported(story),
        "overview_sources": story.articles if len(story.articles) <= OVERVIEW_SOURCES else
        sorted(story.articles, key=lambda a: (a.published, a.source), reverse=True)[:OVERVIEW_SOURCES],
        "actor_by_name": {a.name: a for a in story.actors},
        "article_by_source": {a.source: a for a in story.articles},
        "quote_by_id": {q.id: q for q in story.quotes},
        "sentence_parts": layout,
        "sentence_page": lambda item: Trusted(sentence_page(item, layout)),
    }
    to_draw: list[tuple[str, dict, bool, int]] = []
    for chart in (c for page_charts in charts.values() for c in page_charts):
        for mode, narrow in product(("light", "dark"), (False, True) if chart.fits_width else (False,)):
            width = NARROW_WIDTH if narrow else STATIC_WIDTH
            recipe = _digest(json.dumps([chart.spec, mode, width, vl_convert_version()], sort_keys=True).encode())
            path = f"assets/charts/{chart.picture(mode, narrow)}"
            if path not in {job[0] for job in to_draw} and not writer.reuse(path, recipe):  # a quarter second each
                to_draw.append((path, chart.spec, mode == "dark", width))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as drawing:  # vl-convert releases the GIL:
        pictures = drawing.map(lambda job: render_svg(job[1], job[2], job[3]), to_draw)  # drawn as pages render
        _write_pages(story, context, env, writer)
        for (path, _, _, _), picture in zip(to_draw, pictures, strict=True):
            writer.write(path, picture)
    specs = {c.spec_file: c.spec for page_charts in charts.values() for c in page_charts}
    for name, spec in sorted(specs.items()):
        writer.write(f"assets/charts/{name}", json.dumps(printable(spec), sort_keys=True, separators=(",", ":"), ensure_ascii=False))
    data = export(story, charts)
    writer.write("data/story.json", json_lines(data))
    writer.write("data/events.csv", csv_text(["id", "date", "precision", "date_given", "scheduled", "text", "sources",
                                              "signal"],
                                             [[e["id"], e["date"], e["precision"], e["date_given"], e["scheduled"], e["text"],
                                               e["source_count"], e["signal"]] for e in data["events"]]))
    writer.write("data/figures.csv", csv_text(["id", "value", "unit", "label", "period", "text", "sources", "signal"],
                                              [[f["id"], f["value"], f["unit"], f["label"], f["period"], f["text"],
                                                f["source_count"], f["signal"]] for f in data["figures"]]))
    bundle = f"assets/javascripts/vega-bundle-{vl_convert_version()}.js"
    for asset in sorted((SITE_SRC / "assets").rglob("*")):
        if asset.is_file():
            shipped = asset.read_bytes()
            if asset.name == "charts.js":  # it fetches the bundle by its versioned name
                shipped = shipped.replace(b"__VEGA_BUNDLE__", Path(bundle).name.encode())
            writer.write(f"assets/{asset.relative_to(SITE_SRC / 'assets').as_posix()}", shipped)
    if not writer.keep_if_unchanged(bundle):  # building the 900 KB bundle takes seconds; it depends only on vl-convert
        writer.write(bundle, javascript_bundle())
    if not (content / corrections.FILE).exists():
        write_atomic(content / corrections.FILE, corrections.TEMPLATE.encode())  # the editors' file from now on
    return writer.finish()


def _as_seen_from(source: str, conflict: Conflict, anchor: str) -> dict:
    """A disagreement as one article's page shows it: its own value and the others' values, not the list of every
    article behind them (which would redraw hundreds of pages each time an article joins a long story);
    `anchor`: where the disagreements page has it."""
    says = [v.value for v in conflict.values if any(p.source == source for p in v.provenance)]
    return {"id": anchor, "about": conflict.about, "says": says,
            "others": [v.value for v in conflict.values if v.value not in says]}


def _write_pages(story: Story, context: dict, env: jinja2.Environment, writer: ContentWriter) -> None:
    """The overview pages, then one page per article (an article page whose recipe is unchanged is kept)."""
    articles = context["article_by_source"]
    parts = context["sentence_parts"]
    pages = ["index", "timeline", "figures", "actors", "views", "disagreements", "sources/index"]
    for page in pages:
        prefix = "../" if "/" in page else ""
        template = env.get_template(f"{page}.md.j2")
        notes = Footnotes(articles, prefix, parts=parts)
        text = template.render(**context, notes=notes, root=Trusted(prefix))
        if len(notes.numbers) > FOOTNOTES_PER_PAGE:  # drawn again with fewer sentences cited per item
            notes = Footnotes(articles, prefix, per_item=max(1, min(MAX_CITED, FOOTNOTES_PER_PAGE // notes.items)),
                              parts=parts)
            text = template.render(**context, notes=notes, root=Trusted(prefix))
        writer.write(f"{page}.md", text)
    article_template = env.get_template("article.md.j2")
    searchable = len(story.articles) <= SEARCHABLE_SOURCES_UP_TO
    events_by_source: dict[str, list] = {}
    for event in story.events:
        for source in {p.source for p in event.provenance}:
            events_by_source.setdefault(source, []).append(event)
    conflicts_by_source: dict[str, list] = {}
    for conflict in story.conflicts:
        for source in dict.fromkeys(p.source for v in conflict.values for p in v.provenance):
            conflicts_by_source.setdefault(source, []).append(conflict)
    code = _digest((SITE_SRC / "templates" / "article.md.j2").read_bytes() + Path(__file__).read_bytes())
    for article in story.articles:
        mine = events_by_source.get(article.source, [])
        conflicts = [_as_seen_from(article.source, c, context["conflict_anchor"][c.id])
                     for c in conflicts_by_source.get(article.source, [])]
        only_here = [e for e in mine if sources_count(e.provenance) == 1]
        confirmed = [e for e in mine if sources_count(e.provenance) > 1]
        recipe = json.dumps([  # everything the page shows: an unchanged page of a long story is not redrawn
            code, searchable, story.question, article.source, article.title, article.outlet, article.published,
            article.published_inferred, article.url, article.authors, len(article.removed),
            [(s.index, s.paragraph, s.text) for s in article.sentences],
            [(e.date.value, e.text, [p.sentence for p in e.provenance if p.source == article.source]) for e in only_here],
            [(e.date.value, e.text, sources_count(e.provenance)) for e in confirmed],
            conflicts,
        ], ensure_ascii=False)
        pieces = article_parts(article)
        for number, paragraphs in enumerate(pieces, 1):
            page = source_page(article.source, number)
            if writer.reuse(page, _digest(f"{number}/{recipe}".encode())):
                continue
            text = article_template.render(**context, article=article, paragraphs=paragraphs, conflicts=conflicts,
                                           only_here=only_here, confirmed=confirmed, root=Trusted("../"),
                                           searchable=searchable, part=number, parts=len(pieces),
                                           part_pages=[Trusted(source_page(article.source, k).removeprefix("sources/"))
                                                       for k in range(1, len(pieces) + 1)],
                                           events_listed=ARTICLE_EVENTS_LISTED)
            writer.write(page, text)
