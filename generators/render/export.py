"""The machine-readable story: everything the pages show and more, with every sentence behind it."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from .. import __version__
from ..charts import Chart
from ..extract.events import dated_by_its_weekday
from ..ingest import set_aside_in
from ..model import Provenance, Story
from ..project import CORRECTIONS
from ..reconcile import sources_count


def _provenance(items: list[Provenance]) -> list[dict]:
    return [{"source": p.source, "sentence": p.sentence, "quote": p.quote} for p in items]


def export(story: Story, charts: dict[str, list[Chart]]) -> dict:
    """The machine-readable story (schema: generators/story.schema.json)."""
    statement_by_id = {s.id: s for s in story.statements}
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
                    "date_given": e.date.relation != "reported" or dated_by_its_weekday(e),
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
        "statements": [{"id": s.id, "speaker": s.speaker, "text": s.text, "signal": s.signal,
                        "source_count": sources_count(s.provenance),
                        "sources": _provenance(s.provenance)} for s in story.statements],
        "views": [{"speaker": v.speaker, "stance": v.stance, "summary": v.summary, "quotes": v.quotes,
                   "statements": v.reported, "deciding": _provenance(v.deciding),
                   "evidence": [{"source": p.source, "sentence": p.sentence, "quote": statement_by_id[i].text}
                                for i in v.reported for p in statement_by_id[i].provenance]} for v in story.views],
        "conflicts": [{"id": c.id, "kind": c.kind, "about": c.about, "minor": c.minor, "items": c.items,
                       "values": [{"value": v.value, "source": p.source, "quote": p.quote}
                                  for v in c.values for p in v.provenance]} for c in story.conflicts],
        "charts": [{"name": c.name, "title": c.title, "caption": c.caption, "spec": c.spec}
                   for page in charts.values() for c in page],
    }


REVIEW = "review.yml"  # in content/ but never published: exclude_docs leaves out every file but pages and assets
REVIEW_HEADER = f"""\
# Held back from the site for an editor to check: what the generator doubts, with why, and the line that
# would publish it. Rewritten on every build unless you edit it (then your copy is kept and the build says so):
# act on it in {CORRECTIONS} or the seeds' sources.yml. Not part of the published site.
"""
SENTENCES_PER_SIDE = 3  # in the review file; story.json and the articles' pages have every sentence


def review(story: Story) -> str:
    """The editor's review list: disagreements held back, articles left out, sentences set aside as furniture."""
    def sentences(items: list[Provenance]) -> list[dict]:
        shown = [{"source": p.source, "sentence": p.quote} for p in items[:SENTENCES_PER_SIDE]]
        return shown + ([{"more": f"{len(items) - SENTENCES_PER_SIDE} more sentences"}]
                        if len(items) > SENTENCES_PER_SIDE else [])
    furniture, _ = set_aside_in(story.articles)
    data = {
        "disagreements held back": [
            {"about": c.about, "why": c.doubt,
             "sides": [{"value": v.value, "sentences": sentences(v.provenance)} for v in c.values],
             "to publish": f"{CORRECTIONS}: publish: [{json.dumps(c.about, ensure_ascii=False)}]"}
            for c in story.held_back],
        "articles left out": [{"source": s.source, "title": s.title, "why": s.reason} for s in story.set_aside],
        "sentences set aside as page furniture": [
            {"sentence": text, "articles": count,
             "to keep": "sources.yml: FILE: {keep_repeated: true} keeps one article's"}
            for text, count in sorted(furniture.items(), key=lambda item: (-item[1], item[0]))],
    }
    return REVIEW_HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


def review_note(story: Story, path: Path) -> str:
    """The build's line pointing the editor to what was held back from the site ("" when nothing was)."""
    if not story.held_back:
        return ""
    first = story.held_back[0]
    return (f"held back for review, not published: {len(story.held_back)} disagreement(s) the sources may not have "
            f"(such as {first.about!r}: {first.doubt}); {path} lists each with the corrections.yml line that "
            "publishes it")
