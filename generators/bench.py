"""`make bench`: wall time and peak memory of each stage, on the seeds and the development corpora.

A report, not a test: it prints figures and exits 0. Each run is a fresh process, so peak memory
(ru_maxrss, which only grows) is read after every stage; the median of several runs is printed.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"seeds": ROOT / "seeds", "t17-mj": ROOT.parent / "shared" / "corpora" / "t17-mj" / "articles",
           "t17-libya": ROOT.parent / "shared" / "corpora" / "t17-libya" / "articles"}
STAGES = ["ingest", "extract", "reconcile", "render", "mkdocs build"]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_run(seeds: Path, work: Path, cache: Path | None) -> dict:
    """All stages once, in this process."""
    from .ingest import read_articles
    from .pipeline import build_site, extract_all, story_reference
    from .reconcile import reconcile
    from .render import render_site

    figures, clock = {}, time.perf_counter()

    def mark(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        figures[stage] = {"seconds": now - clock, "peak_mb": peak_mb()}
        clock = now

    articles, skipped = read_articles(seeds)
    mark("ingest")
    extractions = extract_all(articles, story_reference(articles), cache=cache)
    mark("extract")
    story = reconcile(articles, extractions)
    mark("reconcile")
    render_site(story, work / "content", skipped)
    mark("render")
    build_site(ROOT / "mkdocs.yml", work / "content", work / "site")
    mark("mkdocs build")
    figures["articles"] = len(articles)
    return figures


def in_subprocess(seeds: Path, work: Path, cache: Path | None = None) -> dict:
    command = [sys.executable, "-m", "generators.bench", "--one", str(seeds), "--work", str(work)]
    if cache:
        command += ["--cache", str(cache)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(runs: int, names: list[str]) -> None:
    per_article = {}
    for name in names:
        seeds = CORPORA[name]
        if not seeds.is_dir():
            print(f"{name}: not found at {seeds}")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            results = [in_subprocess(seeds, Path(tmp) / f"run{i}") for i in range(runs)]
        total = [sum(r[s]["seconds"] for s in STAGES) for r in results]
        count = results[0]["articles"]
        print(f"\n{name}: {count} articles, median of {runs} run(s)")
        print(f"  {'stage':<14}{'seconds':>9}{'peak MB':>9}")
        for stage in STAGES:
            print(f"  {stage:<14}{statistics.median(r[stage]['seconds'] for r in results):>9.2f}"
                  f"{statistics.median(r[stage]['peak_mb'] for r in results):>9.0f}")
        print(f"  {'whole build':<14}{statistics.median(total):>9.2f}"
              f"{statistics.median(r['mkdocs build']['peak_mb'] for r in results):>9.0f}")
        per_article[name] = statistics.median(total) / count
        print(f"  per article   {per_article[name] * 1000:>7.0f} ms")
    if "t17-mj" in per_article and "t17-libya" in per_article:
        print(f"\ntime per article, t17-libya / t17-mj: {per_article['t17-libya'] / per_article['t17-mj']:.2f}")
    incremental()


def incremental() -> None:
    """Rebuild after one edited page; a second build of t17-libya with one new article, cache warm."""
    from .pipeline import build_site, generate

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        generate(CORPORA["seeds"], work / "content")
        build_site(ROOT / "mkdocs.yml", work / "content", work / "site")
        page = work / "content" / "timeline.md"
        page.write_text(page.read_text("utf-8") + "\nAn editor's line.\n", "utf-8")
        start = time.perf_counter()
        build_site(ROOT / "mkdocs.yml", work / "content", work / "site")
        print(f"\nseeds: rebuild after one edited page: {time.perf_counter() - start:.2f} s")
        libya = CORPORA["t17-libya"]
        if not libya.is_dir():
            return
        seeds, cache = work / "libya", work / "cache"
        shutil.copytree(libya, seeds)
        extra = sorted(seeds.glob("*.md"))[-1]
        held_back = extra.read_bytes()
        extra.unlink()
        in_subprocess(seeds, work / "first", cache)
        (seeds / ("zz-" + extra.name)).write_bytes(held_back)
        second = in_subprocess(seeds, work / "second", cache)
        print(f"t17-libya: second build with one new article (cache warm): "
              f"{sum(second[s]['seconds'] for s in STAGES):.1f} s (extract {second['extract']['seconds']:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m generators.bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", action="append", choices=list(CORPORA), help="default: all three")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one, args.work, args.cache)))
        return
    report(args.runs, args.corpus or list(CORPORA))


if __name__ == "__main__":
    main()
