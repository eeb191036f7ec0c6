"""The development stories: timelines against journalists' (T17 measure, leave-one-topic-out), the counts as
they stand, disagreements by kind, what was set aside."""

from __future__ import annotations

import ast
import csv
import re
import shutil
import statistics
import tempfile
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import yaml

from ..ingest import set_aside_in
from ..model import Standing
from ..reconcile import MAX_REVISION_CHARTS, format_number, revisions
from ..reconcile.boundary import KEYWORD_SHARE, story_keywords
from ..reconcile.counts import measure_key
from ..timeline import PUBLISHED_WEIGHT, publication_days, select_timeline
from . import CORPORA, DATEWISE, ROOT

Timeline = dict[date, list[str]]


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
    from ..pipeline import analyse

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
    """How many disagreements of each kind the site shows, and how many it holds back for the editor: a reader's
    audit starts from the kinds that swell."""
    def kinds(conflicts) -> str:
        counted = Counter(("minor " if c.minor else "") + c.kind for c in conflicts)
        return f" ({', '.join(f'{kind} {n}' for kind, n in sorted(counted.items()))})" if counted else ""
    return (f"  disagreements: {len(story.conflicts)}{kinds(story.conflicts)}; held back for the editor: "
            f"{len(story.held_back)}{kinds(story.held_back)}")


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
