"""The shared scorers on our output (CoNLL-2003 names, GGT quotes, stance) and the web page reader on
trafilatura's evaluation set."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from ..ingest import DEFAULT_MAX_BYTES, IngestError, read_article
from . import ROOT
from .gold import Score


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

    from ..pipeline import analyse
    from ..render import export

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

    from ..extract.stance import stance_of

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
