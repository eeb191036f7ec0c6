"""`make eval`: how good is extraction? Scores against gold data; a report, not a test.

What it scores:
- the seeds against a hand-written gold annotation (`tests/gold/seeds.yml`): precision, recall and F1
  per kind, verbatim provenance, page furniture that reached the built site;
- timelines of the development corpora against journalists' timelines, with the T17 standard measure
  (tilse: alignment-based ROUGE-1/2 F1 and Date F1), beside a simple reference method and the
  published DATEWISE figures;
- with --web-pages, the web page reader on trafilatura's own evaluation set.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import shutil
import statistics
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from .ingest import DEFAULT_MAX_BYTES, IngestError, read_article, set_aside_in
from .model import Standing
from .reconcile import MAX_REVISION_CHARTS, format_number, revisions
from .reconcile.boundary import KEYWORD_SHARE, story_keywords
from .reconcile.figures import measure_key
from .timeline import PUBLISHED_WEIGHT, publication_days, select_timeline

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
DEV_CORPORA = ["t17-mj", "t17-egypt", "t17-libya"]
DATEWISE = {"rouge_1": 0.120, "rouge_2": 0.035, "date_f1": 0.544}  # published T17 averages

Timeline = dict[date, list[str]]


# --- the seeds against the gold annotation ------------------------------------------------------

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
    from .extract.actors import fold
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
    if "conflicts" in gold:
        scores.append(align("disagreements", story.conflicts, gold["conflicts"],
                            lambda c, g: c.kind == g["kind"] and cites_exactly(c, g["sources"])))
    return scores


def measure_coverage(story) -> int:
    """Figures whose label names a measure beyond their unit ("people killed", not "people")."""
    from .extract.actors import fold
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
    import yaml

    from .pipeline import analyse, build_site, publish

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


# --- timelines on the development corpora -------------------------------------------------------

def read_gold_timeline(path: Path) -> Timeline:
    """T17 format: a YYYY-MM-DD line, a CSV-quoted Python list of sentences, a line of dashes."""
    timeline: Timeline = {}
    lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    for i, line in enumerate(lines):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", line.strip()):
            field = next(csv.reader([lines[i + 1]]))[0]
            timeline[date.fromisoformat(line.strip())] = [s.strip() for s in ast.literal_eval(field)]
    return timeline


def timeline_size(gold: Timeline) -> tuple[int, int]:
    """The standard cut: the gold timeline's number of dates and (rounded) average sentences per date."""
    return len(gold), max(1, round(statistics.mean(len(s) for s in gold.values())))


def predicted_timeline(story, dates: int, per_date: int, setting: tuple[float, float] | None = None) -> Timeline:
    """Our own timeline, cut as the site cuts a long story (the same function on the same events). `setting`:
    (published weight, keyword share), the site's by default."""
    timeline: Timeline = defaultdict(list)
    weight, share = setting or SITE_SETTING
    keywords = story_keywords(story.actors, len(story.articles), share)
    for event in select_timeline(story.events, dates, per_date, publication_days(story.articles), weight, keywords):
        if event.date.precision == "day":  # an editor's pinned month or year cannot be scored against days
            timeline[date.fromisoformat(event.date.value)].append(event.text)
    return dict(timeline)


def reference_timeline(articles, dates: int, per_date: int) -> Timeline:
    """The reference method: the days with most articles, the first sentences of each day's first article."""
    by_day: dict[str, list] = defaultdict(list)
    for article in sorted(articles, key=lambda a: a.source):
        if len(article.published) == 10:
            by_day[article.published].append(article)
    busiest = sorted(by_day, key=lambda d: (-len(by_day[d]), d))[:dates]
    return {date.fromisoformat(d): [s.text for s in by_day[d][0].sentences[:per_date]] for d in busiest}


def score_timeline(predicted: Timeline, gold: Timeline) -> dict[str, float]:
    """tilse's align+ m:1 ROUGE with the pure-Python ROUGE, and Date F1; texts tokenised as T17's are."""
    from nltk.tokenize import TreebankWordTokenizer
    from tilse.data.timelines import GroundTruth
    from tilse.data.timelines import Timeline as TilseTimeline
    from tilse.evaluation import dates as tilse_dates
    from tilse.evaluation import rouge

    tokenizer = TreebankWordTokenizer()

    def tilse_timeline(timeline: Timeline) -> TilseTimeline:
        return TilseTimeline({d: [" ".join(tokenizer.tokenize(s)) for s in sentences]
                              for d, sentences in timeline.items()})

    truth = GroundTruth([tilse_timeline(gold)])
    mine = tilse_timeline(predicted)
    evaluator = rouge.TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"}, rouge_computation="reimpl")
    scores = evaluator.evaluate_align_date_content_costs_many_to_one(mine, truth)
    return {"rouge_1": scores["rouge_1"]["f_score"], "rouge_2": scores["rouge_2"]["f_score"],
            "date_f1": tilse_dates.evaluate_dates(mine, truth)["f_score"] if mine else 0.0}


# The timeline's free parameters, chosen by leave-one-topic-out: how much an article published on a day counts
# towards that day, beside the sources that refer to it; and in what share of the articles an actor must be named
# for its name to be one of the story's keywords (1.0: no keywords).
SITE_SETTING = (PUBLISHED_WEIGHT, KEYWORD_SHARE)
SETTINGS = [(weight, share) for weight in (0.0, 0.5, 1.0, 2.0) for share in (0.1, 0.3, 0.5, 1.0)]
COPIED_TIMELINE = 3  # an article quoting this many of the gold timeline's sentences is a copy of it


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def copies_of_gold(articles: Path, gold: Timeline) -> list[str]:
    """Articles that are the journalists' timeline itself (T17 crawled some: t17-mj's gold is one of its
    articles). A timeline built from them scores what no unseen story offers, so evaluation leaves them out."""
    quoted = {_letters(s)[:60] for sentences in gold.values() for s in sentences if len(_letters(s)) >= 40}
    copies = []
    for path in sorted(articles.glob("*.md")):
        text = _letters(path.read_text("utf-8", errors="replace"))
        if sum(q in text for q in quoted) >= COPIED_TIMELINE:
            copies.append(path.name)
    return copies


def evaluate_corpus(folder: Path) -> dict:
    """Our timeline for each candidate weight, and the reference method, scored against the gold timeline,
    on the corpus without the copies of the gold timeline."""
    from .pipeline import analyse

    gold = read_gold_timeline(folder / "gold-timeline.txt")
    dates, per_date = timeline_size(gold)
    copies = copies_of_gold(folder / "articles", gold)
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((folder / "articles").glob("*")):
            if path.name not in copies:
                shutil.copyfile(path, Path(tmp) / path.name)
        story, _ = analyse(Path(tmp), cache=ROOT / ".cache")
    return {"ours": {s: score_timeline(predicted_timeline(story, dates, per_date, s), gold) for s in SETTINGS},
            "reference": score_timeline(reference_timeline(story.articles, dates, per_date), gold),
            "copies": copies, "set_aside": "\n".join([set_aside_line(story.articles), left_out_line(story),
                                                      disagreements_line(story), standing_line(story, folder.name)])}


STANDING_GOLD = ROOT / "tests" / "gold" / "standing-counts.yml"


def standing_line(story, corpus: str) -> str:
    """The overview's counts as they stand against what the latest articles give, read by hand (the gold)."""
    gold = (yaml.safe_load(STANDING_GOLD.read_text("utf-8")) or {}).get(corpus, {})
    by_id = {f.id: f for f in story.figures}
    families: dict[str, Standing | None] = {}
    for revision in revisions(story.figures, story.articles)[:MAX_REVISION_CHARTS]:
        # the exact measure: "deaths", not "deaths (americans)"
        families.setdefault(measure_key(by_id[revision.reports[0].figure]), revision.standing)
    parts = []
    for family, expected in gold.items():
        standing = families.get(family)
        said = "none" if standing is None else format_number(standing.value, standing.upper)
        right = (standing is None) if expected == "none" else (
            standing is not None and expected[0] <= standing.value <= expected[1])
        parts.append(f"{family} {said} (gold {expected if expected == 'none' else '–'.join(map(str, expected))}: "
                     f"{'right' if right else 'WRONG'})")
    return "  counts as they stand: " + ("; ".join(parts) if parts else "no gold")


def disagreements_line(story) -> str:
    """How many disagreements of each kind the site shows: a reader's audit starts from the kinds that swell."""
    kinds = Counter(("minor " if c.minor else "") + c.kind for c in story.conflicts)
    return f"  disagreements: {len(story.conflicts)}" + (
        f" ({', '.join(f'{kind} {n}' for kind, n in sorted(kinds.items()))})" if kinds else "")


def left_out_line(story) -> str:
    """How many articles were left out as beside the story, with a sample for a reader to check."""
    line = f"  articles left out as beside the story: {len(story.set_aside)} of {len(story.set_aside) + len(story.articles)}"
    return line + "".join(f"\n      {s.source}: {s.title[:90]}" for s in story.set_aside[:8])


def set_aside_line(articles) -> str:
    """How many sentences were set aside as furniture repeated across the folder, with the commonest for a reader
    to check."""
    found, touched = set_aside_in(articles)
    line = f"  sentences set aside as repeated furniture: {len(found)} in {touched} articles"
    return line + "".join(f"\n    {count:>4} x {text[:100]}" for text, count in found.most_common(5))


def _overall(scores: dict[str, float]) -> float:
    return scores["rouge_1"] + scores["rouge_2"] + scores["date_f1"]


def leave_one_topic_out(results: dict[str, dict]) -> dict[str, tuple[tuple[float, float], dict[str, float]]]:
    """For each topic, the setting the other topics score best with, and what that setting scores on this one:
    a figure for topics nobody tuned on. Ties go to the first setting."""
    held_out = {}
    for name in results:
        others = [n for n in results if n != name]
        best = max(SETTINGS, key=lambda s: (statistics.mean(_overall(results[n]["ours"][s]) for n in others),
                                            -SETTINGS.index(s)))
        held_out[name] = (best, results[name]["ours"][best])
    return held_out


def _row(name: str, method: str, scores: dict[str, float]) -> str:
    return f"  {name:<12}{method:<30}{scores['rouge_1']:>9.3f}{scores['rouge_2']:>9.3f}{scores['date_f1']:>9.3f}"


def _setting(setting: tuple[float, float]) -> str:
    return f"{setting[0]:g}/{setting[1]:g}"


def report_corpora(names: list[str]) -> None:
    print("\nTimelines on the development corpora (tilse align+ m:1, ROUGE F1; Date F1)")
    print(f"  {'corpus':<12}{'method':<30}{'ROUGE-1':>9}{'ROUGE-2':>9}{'Date F1':>9}")
    results = {}
    for name in names:
        folder = CORPORA / name
        if not (folder / "gold-timeline.txt").is_file():
            print(f"  {name}: not found at {folder}")
            continue
        results[name] = evaluate_corpus(folder)
        if results[name]["copies"]:
            print(f"  {name}: left out as copies of the gold timeline: {', '.join(results[name]['copies'])}")
        print(f"  {name}:" + results[name]["set_aside"].removeprefix(" "))
    if not results:
        return
    held_out = leave_one_topic_out(results) if len(results) > 1 else {}
    for name, result in results.items():
        print(_row(name, f"ours (site, {_setting(SITE_SETTING)})", result["ours"][SITE_SETTING]))
        if name in held_out:
            setting, scores = held_out[name]
            print(_row(name, f"ours, held out ({_setting(setting)})", scores))
        print(_row(name, "reference", result["reference"]))

    def mean(rows: list[dict[str, float]]) -> dict[str, float]:
        return {k: statistics.mean(s[k] for s in rows) for k in DATEWISE}
    print(_row("mean", "ours (site)", mean([r["ours"][SITE_SETTING] for r in results.values()])))
    if held_out:
        print(_row("mean", "ours, leave-one-topic-out", mean([scores for _, scores in held_out.values()])))
    print(_row("mean", "reference", mean([r["reference"] for r in results.values()])))
    print(_row("T17 (pub.)", "DATEWISE", DATEWISE))


def score_web_pages(tests: Path, half: str = "all") -> tuple[Score, list[str]]:
    """Our reader (trafilatura, then our cleaning) on trafilatura's evaluation set (`tests/` of its repository:
    evaldata.json, and the pages in cache/ and eval/): each page's "with" snippets should be in its text, its
    "without" snippets not, as trafilatura's own evaluation counts them. `half`: "first" or "second" by file
    name (the first is where we developed), or "all". Returns the counts and the pages skipped."""
    items = sorted(json.loads((tests / "evaldata.json").read_text("utf-8")).values(), key=lambda item: item["file"])
    items = {"first": items[:len(items) // 2], "second": items[len(items) // 2:]}.get(half, items)
    score, skipped = Score("web pages", found=0, correct=0, gold=0, recalled=0), []
    for item in items:
        path = next((p for d in ("cache", "eval") if (p := tests / d / item["file"]).is_file()), None)
        try:
            article = read_article(path, DEFAULT_MAX_BYTES) if path else None
        except IngestError as exc:
            article = None
            skipped.append(f"{item['file']} ({exc})")
        text = " ".join(" ".join([article.title, *article.paragraphs]).split()) if article else ""
        found = [" ".join(w.split()) in text for w in item["with"]]
        leaked = [" ".join(w.split()) in text for w in item["without"]]
        score.found += sum(found) + sum(leaked)
        score.correct += sum(found)
        score.recalled += sum(found)
        score.gold += len(found)
    return score, skipped


def report_web_pages(tests: Path | None) -> None:
    if tests is None or not (tests / "evaldata.json").is_file():
        print("\nSaved web pages: not scored (give --web-pages with the tests/ folder of a clone of "
              "https://github.com/adbar/trafilatura)")
        return
    print(f"\nSaved web pages: our reader on trafilatura's evaluation set ({tests}; P, R, F1 of its snippets)")
    for half in ("first", "second", "all"):
        score, skipped = score_web_pages(tests, half)
        print(f"  {half + (' (developed on)' if half == 'first' else ''):<22}{score.precision:>7.3f}"
              f"{score.recall:>7.3f}{score.f1:>7.3f}   skipped {len(skipped)}"
              + (f": {'; '.join(skipped)}" if skipped else ""))


def score_with_shared_tool(folder: Path, scorer_name: str) -> tuple[int, str] | None:
    """Build the corpus in `folder`, export it and score it with a scorer of ../shared/tools (not ours): the number
    of articles read and the scorer's report, or None when the corpus or the scorer is missing."""
    import json
    import subprocess
    import sys
    import tempfile

    from .pipeline import analyse
    from .render import export

    scorer = ROOT.parent / "shared" / "tools" / scorer_name
    if not (folder / "gold.json").is_file() or not scorer.is_file():
        return None
    story, _ = analyse(folder / "articles", cache=ROOT / ".cache")
    with tempfile.TemporaryDirectory() as tmp:
        exported = Path(tmp) / "story.json"
        exported.write_text(json.dumps(export(story, {})), "utf-8")
        done = subprocess.run([sys.executable, str(scorer), str(folder / "gold.json"), str(exported)],
                              capture_output=True, text=True, check=True)
    return len(story.articles), "\n".join("  " + line for line in done.stdout.splitlines())


def report_conll(folder: Path) -> None:
    """Actors against the CoNLL-2003 development split, scored by the benchmark's shared scorer."""
    scored = score_with_shared_tool(folder, "score_actors_conll.py")
    if scored is None:
        print(f"\nCoNLL-2003: not found at {folder}")
        return
    print(f"\nActors on CoNLL-2003 ({folder.name}, {scored[0]} documents; ../shared/tools/score_actors_conll.py)")
    print(scored[1])


def report_stance(folder: Path) -> None:
    """The stance reader on statements labelled for or against a proposal, through what `news-explainer stance`
    prints: the share it decides (for or against) and how often that decision is right. The cue words tune
    nothing on these files, so leave-one-question-out gives the same figures."""
    import json

    from .extract.stance import stance_of

    if not folder.is_dir():
        print(f"\nStance: not found at {folder}")
        return
    print(f"\nStance on labelled statements ({folder.name}; coverage = share decided for or against, right = of those)")
    for path in sorted(folder.glob("*.jsonl")):
        pairs = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        if not pairs:
            continue
        read = [stance_of([p["statement"]], p["question"]).stance for p in pairs]
        decided = [(r, p["stance"]) for r, p in zip(read, pairs, strict=True) if r in ("for", "against")]
        right = sum(r == gold for r, gold in decided)
        print(f"  {path.name:<22} pairs {len(pairs):>5}  coverage {len(decided) / len(pairs):.2f}  "
              f"right {right / len(decided) if decided else 0:.2f}")


def report_quotes(folder: Path) -> None:
    """Quotes, speakers, voices and people against the Gender Gap Tracker annotation, by its shared scorer."""
    scored = score_with_shared_tool(folder, "score_quotes_ggt.py")
    if scored is None:
        print(f"\nQuotes: not found at {folder}")
        return
    print(f"\nQuotes on {folder.name} ({scored[0]} articles; ../shared/tools/score_quotes_ggt.py; "
          "GGT's own pipeline: quotes F1 0.837, speaker right 0.860)")
    print(scored[1])


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m generators.evaluate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--corpus", action="append", help=f"development corpus (default: {', '.join(DEV_CORPORA)})")
    parser.add_argument("--web-pages", type=Path, help="trafilatura's tests/ folder, to score the web page reader")
    args = parser.parse_args()
    for gold in [args.gold, *CORPUS_GOLDS]:
        report_gold(gold, args.seeds)
    report_conll(CORPORA / "conll2003-dev")
    report_quotes(CORPORA / "ggt-dev")
    report_stance(CORPORA / "stance-dev")
    report_corpora(args.corpus or DEV_CORPORA)
    report_web_pages(args.web_pages)


if __name__ == "__main__":
    main()
