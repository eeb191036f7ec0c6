"""The seeds and one hand-read day of each development story against their gold annotations."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import CORPORA, ROOT
from .corpora import disagreements_line, left_out_line, set_aside_line

GOLD = ROOT / "tests" / "gold" / "seeds.yml"
CORPUS_GOLDS = sorted((ROOT / "tests" / "gold").glob("t17-*.yml"))  # one day of a development story each


@dataclass
class Score:
    """Precision over what we found, recall over the gold items; `duplicates`: gold items found twice."""

    kind: str
    found: int
    correct: int
    gold: int
    recalled: int
    duplicates: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.recalled / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def align(kind: str, predicted: list, gold: list, matches) -> Score:
    """Many-to-one: each predicted item is right if it matches some gold item; each gold item counts once."""
    hits = [[g for g, item in enumerate(gold) if matches(p, item)] for p in predicted]
    found_gold = Counter(g for h in hits for g in set(h[:1]))
    return Score(kind, len(predicted), sum(1 for h in hits if h), len(gold), len(found_gold),
                 sum(n - 1 for n in found_gold.values()))


def cites_exactly(conflict, sources: list[str]) -> bool:
    """Gold sources are file-name prefixes: every side cites only them, and together all of them."""
    cited = [{s for s in sources if p.source.startswith(s)} for v in conflict.values for p in v.provenance]
    return all(cited) and set().union(*cited) == set(sources)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def event_matches(event, gold: dict) -> bool:
    exact = event.date.value == gold["date"]
    coarser = (gold["precision"] == "day" and event.date.precision == "month"
               and gold["date"].startswith(event.date.value))
    said = " ".join(p.quote for p in event.provenance).lower()
    return ((exact or coarser) and any(w.lower() in said for w in gold["words"])
            and event.scheduled == gold.get("scheduled", False))


def figure_matches(figure, gold: dict) -> bool:
    described = f"{figure.label} {figure.unit}".lower()
    return abs(figure.value - float(gold["value"])) < 1e-6 and any(w in described for w in gold["words"])


def actor_names(item) -> set[str]:
    from ..extract.actors import fold
    names = [item.name, *item.aliases] if hasattr(item, "aliases") else [item["name"], *item.get("aliases", [])]
    return {fold(n) for n in names}


def quote_matches(quote, gold: dict, with_speaker: bool = True) -> bool:
    mine, theirs = _words(quote.text), _words(gold["text"])
    same_text = len(mine & theirs) / min(len(mine), len(theirs)) >= 0.6 if mine and theirs else False
    return same_text and (not with_speaker or quote.speaker == gold["speaker"])


def score_gold(story, gold: dict) -> list[Score]:
    """Every kind the gold annotates; actors named in its `neutral` list count neither way. Events the articles
    tell without a date (placed at their publication) are scored apart, against the gold's `reported` list."""
    dated = [e for e in story.events if e.date.relation != "reported"]
    scores = [align("events", dated, gold["events"], event_matches),
              align("figures", story.figures, gold["figures"], figure_matches)]
    kinds = {"people": "person", "organisations": "organisation", "places": "place"}
    neutral = set().union(*(actor_names({"name": n}) for n in gold["actors"].get("neutral", [])))
    for group, kind in kinds.items():
        wanted = gold["actors"][group]
        scores.append(align(f"actors: {group}", [a for a in story.actors if a.kind == kind
                                                 and not actor_names(a) & neutral], wanted,
                            lambda a, g: bool(actor_names(a) & actor_names(g))))
    if "reported" in gold:
        scores.append(align("events told without a date", [e for e in story.events if e not in dated],
                            gold["reported"], event_matches))
    scores.append(align("quotes", story.quotes, gold["quotes"], quote_matches))
    if "stances" in gold:
        scores.append(align("stances", story.views, gold["stances"],
                            lambda v, g: v.speaker == g["speaker"] and v.stance in g["stance"]))
    for kind, found in (("conflicts", story.conflicts), ("held_back", story.held_back)):
        if kind in gold:
            scores.append(align("disagreements" if kind == "conflicts" else "held back for the editor", found,
                                gold[kind], lambda c, g: c.kind == g["kind"] and cites_exactly(c, g["sources"])))
    return scores


def measure_coverage(story) -> int:
    """Figures whose label names a measure beyond their unit ("people killed", not "people")."""
    from ..extract.actors import fold
    return sum(1 for f in story.figures if f.label and set(fold(f.label).split()) - set(fold(f.unit).split()))


def speakers_right(story, gold: dict) -> tuple[int, int]:
    """Of the gold quotes we found (by text), how many have the right speaker."""
    found = [g for g in gold["quotes"] if any(quote_matches(q, g, with_speaker=False) for q in story.quotes)]
    right = [g for g in found if any(quote_matches(q, g) for q in story.quotes)]
    return len(right), len(found)


def verbatim_share(story, seeds: Path) -> tuple[int, int]:
    """Provenance sentences that occur word for word (up to spacing) in the file they cite."""
    from bs4 import BeautifulSoup

    texts = {}
    for path in seeds.iterdir():
        raw = path.read_text("utf-8", errors="replace")
        if path.suffix.lower() in (".html", ".htm"):
            raw = BeautifulSoup(raw, "html.parser").get_text(" ")
        texts[path.name] = " ".join(raw.split())
    provenance = [p for items in (story.events, story.figures, story.actors, story.quotes)
                  for item in items for p in item.provenance]
    provenance += [p for c in story.conflicts for v in c.values for p in v.provenance] + list(story.summary)
    verbatim = sum(1 for p in provenance if " ".join(p.quote.split()) in texts.get(p.source, ""))
    return verbatim, len(provenance)


def furniture_on_site(site: Path, strings: list[str]) -> list[str]:
    """Gold furniture strings found in the text of any built page or the search index."""
    from bs4 import BeautifulSoup

    pages = [*site.rglob("*.html"), site / "search" / "search_index.json"]
    text = " ".join(" ".join(BeautifulSoup(p.read_text("utf-8"), "html.parser").get_text(" ").split())
                    for p in pages if p.is_file())
    return [s for s in strings if " ".join(s.split()) in text]


def gold_articles(gold: dict, seeds: Path, into: Path) -> Path:
    """The folder a gold annotates: the seeds, or the gold's articles of a corpus copied into `into`
    (copies: the reader skips links that leave the folder)."""
    if "corpus" not in gold:
        return seeds
    into.mkdir()
    for name in gold["articles"]:
        source = CORPORA / gold["corpus"] / "articles" / name
        if source.is_file():
            shutil.copyfile(source, into / name)
    return into


def report_gold(gold_path: Path, seeds: Path = ROOT / "seeds") -> None:

    from ..pipeline import analyse, build_site, publish

    gold = yaml.safe_load(gold_path.read_text("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = gold_articles(gold, seeds, Path(tmp) / "articles")
        if len(list(folder.iterdir())) < len(gold.get("articles", [])):
            print(f"\n{gold_path.name}: articles not found ({gold.get('corpus', seeds)})")
            return
        story, skipped = analyse(folder)
        result = publish(story, skipped, Path(tmp) / "content")
        build_site(ROOT / "mkdocs.yml", Path(tmp) / "content", Path(tmp) / "site")
        leaked = furniture_on_site(Path(tmp) / "site", gold["furniture"])
        verbatim, total = verbatim_share(result.story, folder)
    print(f"\n{gold_path.name}: {len(story.articles)} articles against a gold written by reading")
    print(f"  {'kind':<24}{'found':>6}{'gold':>6}{'P':>7}{'R':>7}{'F1':>7}{'unmerged':>10}")
    for score in score_gold(result.story, gold):
        if score.kind in gold.get("recall_only", []):  # the gold lists the main items, not every one
            print(f"  {score.kind:<24}{score.found:>6}{score.gold:>6}{'-':>7}{score.recall:>7.2f}{'-':>7}"
                  f"{score.duplicates:>10}")
            continue
        print(f"  {score.kind:<24}{score.found:>6}{score.gold:>6}{score.precision:>7.2f}{score.recall:>7.2f}"
              f"{score.f1:>7.2f}{score.duplicates:>10}")
    right, found = speakers_right(result.story, gold)
    print(f"  quote speakers right: {right}/{found}")
    named = measure_coverage(result.story)
    print(f"  figures whose measure says more than the unit: {named}/{len(result.story.figures)}")
    print(f"  provenance sentences verbatim in their source: {verbatim}/{total} ({verbatim / max(total, 1):.0%})")
    print(f"  page furniture on the site: {len(leaked)}" + (f" ({'; '.join(leaked)})" if leaked else ""))
    print(set_aside_line(result.story.articles))
    print(left_out_line(result.story))
    print(disagreements_line(result.story))
