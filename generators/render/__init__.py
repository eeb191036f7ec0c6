"""Render the story into `content/`: Markdown pages from site_src templates, the export, charts and assets.

Everything article-derived is escaped on the way into Markdown (`escaping`): the Jinja environment escapes every
`{{ … }}` by default (`finalize`), and only Markdown the generator builds itself is marked `Trusted`. Every cited
sentence is a footnote leading to its article's page (`citations`); files an editor changed since the last
generation are kept and reported, never overwritten (`writer`); `export` is the machine-readable story.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from itertools import product
from pathlib import Path

import jinja2

from .. import corrections
from ..cache import code_digest, compiled_templates, user_cache_folder, write_atomic
from ..charts import (
    NARROW_BELOW,
    NARROW_WIDTH,
    STATIC_WIDTH,
    build_charts,
    javascript_bundle,
    printable,
    render_svg,
    vl_convert_version,
)
from ..extract.events import dated_by_its_weekday
from ..ingest import Skipped
from ..model import Conflict, Story
from ..project import SITE_SRC
from ..reconcile import by_reach, headline_counts, revisions, sources_count, unsettled_note
from ..reconcile.boundary import story_keywords
from ..reconcile.figures import says_what_it_counts
from ..timeline import publication_days, select_timeline
from .citations import (
    FOOTNOTES_PER_PAGE,
    MAX_CITED,
    Footnotes,
    article_parts,
    sentence_page,
    sentence_parts,
    source_page,
)
from .escaping import Trusted, _short, attr, csv_text, front_matter_str, json_lines, md_text, signed, table
from .export import REVIEW, export, review, review_note
from .writer import MANIFEST, ContentWriter, RenderReport, digest_of

__all__ = ["MANIFEST", "RenderReport", "csv_text", "export", "md_text", "render_site", "source_page"]

STANCES = ["for", "against", "mixed", "unclear"]


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """One per process: its templates, once loaded, serve every build (`mkdocs serve` rebuilds, a test session)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(SITE_SRC / "templates"),
        # compiled code bakes in these settings and filters: keyed by this package's code and Jinja's version
        bytecode_cache=compiled_templates(user_cache_folder(
            f"templates-{code_digest(*sorted(Path(__file__).parent.glob('*.py')))[:16]}-{jinja2.__version__}")),
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
    found = revisions(story.figures, story.articles)  # the running counts: for their charts and the overview
    charts = build_charts(story, timeline, found)
    env = environment()
    latest = max((a.published for a in story.articles if a.published), default="")
    layout = sentence_parts(story.articles)
    cited, others = listed_conflicts(story.conflicts)
    listed = cited | {c.id for c in others}
    anchor = {c.id: c.id if c.id in listed else "others" for c in story.conflicts}  # where the page has each
    statements = {s.id: s for s in story.statements}
    listed_figures = [f for f in story.figures if says_what_it_counts(f)]
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
        "shown_figures": listed_figures if len(listed_figures) <= PAGE_LIMIT else
        sorted(listed_figures, key=lambda f: (-sources_count(f.provenance), f.id))[:PAGE_LIMIT],
        "key_figures": [f for key in story.key_figures for f in story.figures if f.id == key],  # not those rejected
        "running_counts": headline_counts(found),
        "first_reported": first_reported(story),
        "overview_sources": story.articles if len(story.articles) <= OVERVIEW_SOURCES else
        sorted(story.articles, key=lambda a: (a.published, a.source), reverse=True)[:OVERVIEW_SOURCES],
        "actor_by_name": {a.name: a for a in story.actors},
        "article_by_source": {a.source: a for a in story.articles},
        "weekday_told": {e.id for e in story.events if dated_by_its_weekday(e)},  # "said Wednesday": a day given
        "quote_by_id": {q.id: q for q in story.quotes},
        # each voice's reported statements but the one its stance was read from (the page quotes that one above)
        "reported_shown": {v.speaker: [s for i in v.reported for s in [statements[i]] if v.stance == "unclear"
                                       or (s.text, s.provenance) != (v.summary, v.deciding)] for v in story.views},
        "sentence_parts": layout,
        "sentence_page": lambda item: Trusted(sentence_page(item, layout)),
    }
    to_draw: list[tuple[str, dict, bool, int]] = []
    for chart in (c for page_charts in charts.values() for c in page_charts):
        for mode, narrow in product(("light", "dark"), (False, True) if chart.fits_width else (False,)):
            width = NARROW_WIDTH if narrow else STATIC_WIDTH
            recipe = digest_of(json.dumps([chart.spec, mode, width, vl_convert_version()], sort_keys=True).encode())
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
    writer.write(REVIEW, review(story))
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
    report = writer.finish()
    report.unsettled = unsettled_note(found)
    report.held_back = review_note(story, content / REVIEW)
    return report


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
    code = code_digest(SITE_SRC / "templates" / "article.md.j2", *sorted(Path(__file__).parent.glob("*.py")))
    for article in story.articles:
        mine = events_by_source.get(article.source, [])
        conflicts = [_as_seen_from(article.source, c, context["conflict_anchor"][c.id])
                     for c in conflicts_by_source.get(article.source, [])]
        only_here = [e for e in mine if sources_count(e.provenance) == 1]
        confirmed = [e for e in mine if sources_count(e.provenance) > 1]
        recipe = json.dumps([  # everything the page shows: an unchanged page of a long story is not redrawn
            code, searchable, story.question, article.source, article.title, article.outlet, article.published,
            article.published_inferred, article.url, article.authors, len(article.removed),
            [(s.index, s.paragraph, s.text, s.speaker) for s in article.sentences], article.speakers,
            [(e.date.value, e.text, [p.sentence for p in e.provenance if p.source == article.source]) for e in only_here],
            [(e.date.value, e.text, sources_count(e.provenance)) for e in confirmed],
            conflicts,
        ], ensure_ascii=False)
        pieces = article_parts(article)
        for number, paragraphs in enumerate(pieces, 1):
            page = source_page(article.source, number)
            if writer.reuse(page, digest_of(f"{number}/{recipe}".encode())):
                continue
            text = article_template.render(**context, article=article, paragraphs=paragraphs, conflicts=conflicts,
                                           only_here=only_here, confirmed=confirmed, root=Trusted("../"),
                                           searchable=searchable, part=number, parts=len(pieces),
                                           part_pages=[Trusted(source_page(article.source, k).removeprefix("sources/"))
                                                       for k in range(1, len(pieces) + 1)],
                                           events_listed=ARTICLE_EVENTS_LISTED)
            writer.write(page, text)
