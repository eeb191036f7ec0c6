"""`make bench`: wall time and peak memory of each stage, on the seeds and the development corpora.

A report, not a test: it prints figures and exits 0. Each run is a fresh process, so peak memory
(ru_maxrss, which only grows) is read after every stage. Per corpus: a cold first build (empty
caches, empty folders) and the median of several rebuilds of the same folders, as `make site` does
after set-up. Each corpus gets its own copy of mkdocs.yml, so its page cache starts empty.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]  # the repository
CORPORA = {"seeds": ROOT / "seeds", "t17-mj": ROOT.parent / "shared" / "corpora" / "t17-mj" / "articles",
           "t17-libya": ROOT.parent / "shared" / "corpora" / "t17-libya" / "articles"}
STAGES = ["ingest", "extract", "reconcile", "render", "mkdocs build"]


def peak_mb() -> float:
    import resource  # POSIX only: imported where used, so that the package imports on Windows

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_run(seeds: Path, work: Path, cache: Path | None) -> dict:
    """All stages once, in this process, into work/content and work/site with work/mkdocs.yml."""
    from ..ingest import read_articles
    from ..pipeline import build_site, extract_all, story_reference
    from ..reconcile import reconcile
    from ..render import render_site

    figures: dict[str, Any] = {}
    clock = time.perf_counter()

    def mark(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        figures[stage] = {"seconds": now - clock, "peak_mb": peak_mb()}
        clock = now

    articles, skipped = read_articles(seeds, cache=cache / "ingest" if cache else None)
    mark("ingest")
    extractions = extract_all(articles, story_reference(articles), cache=cache / "extract" if cache else None)
    mark("extract")
    story = reconcile(articles, extractions)
    mark("reconcile")
    render_site(story, work / "content", skipped)
    mark("render")
    build_site(work / "mkdocs.yml", work / "content", work / "site")
    mark("mkdocs build")
    figures["articles"] = len(articles)
    return figures


def workspace(work: Path) -> Path:
    """A folder with its own copy of the site configuration (and so its own page cache)."""
    work.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    (work / "seeds").mkdir(exist_ok=True)  # the plugin reads and watches it under `mkdocs serve`
    return work


def in_subprocess(seeds: Path, work: Path) -> dict:
    command = [sys.executable, "-m", "generators.evaluate.bench", "--one", str(seeds), "--work", str(work),
               "--cache", str(work / ".cache")]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_stages(title: str, results: list[dict]) -> float:
    total = [sum(r[s]["seconds"] for s in STAGES) for r in results]
    print(f"  {title}")
    for stage in STAGES:
        print(f"    {stage:<14}{statistics.median(r[stage]['seconds'] for r in results):>9.2f}"
              f"{statistics.median(r[stage]['peak_mb'] for r in results):>9.0f}")
    print(f"    {'whole build':<14}{statistics.median(total):>9.2f}"
          f"{statistics.median(r['mkdocs build']['peak_mb'] for r in results):>9.0f}")
    return statistics.median(total)


def model_load() -> None:
    """Importing spaCy and loading the model, in a fresh process: what a first build pays before extracting."""
    code = ("import time; t = time.perf_counter(); import spacy; i = time.perf_counter(); "
            "from generators import language; language.load(); "
            "print(i - t, time.perf_counter() - i, language.model_id())")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    imported, loaded, model = done.stdout.split(maxsplit=2)
    print(f"language model: import spaCy {float(imported):.2f} s, load {model.strip()} {float(loaded):.2f} s")


def report(runs: int, names: list[str]) -> None:
    model_load()
    per_article = {}
    for name in names:
        seeds = CORPORA[name]
        if not seeds.is_dir():
            print(f"{name}: not found at {seeds}")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            work = workspace(Path(tmp))
            cold = in_subprocess(seeds, work)
            warm = [in_subprocess(seeds, work) for _ in range(runs)]
        count = cold["articles"]
        print(f"\n{name}: {count} articles          seconds  peak MB")
        cold_total = print_stages("first build (empty caches)", [cold])
        warm_total = print_stages(f"rebuild, median of {runs}", warm)
        per_article[name] = cold_total / count
        print(f"  per article (first build) {per_article[name] * 1000:.0f} ms; rebuild {warm_total / count * 1000:.0f} ms")
    if "t17-mj" in per_article and "t17-libya" in per_article:
        print(f"\ntime per article, t17-libya / t17-mj: {per_article['t17-libya'] / per_article['t17-mj']:.2f}")
    incremental(runs)


def incremental(runs: int) -> None:
    """Rebuild after one edited page; t17-libya built, then built again with one new article (median of runs,
    each from a copy of the same first build, so no run finds the new article's pages already cached)."""
    from ..pipeline import build_site, generate

    with tempfile.TemporaryDirectory() as tmp:
        work = workspace(Path(tmp) / "seeds")
        generate(CORPORA["seeds"], work / "content")
        build_site(work / "mkdocs.yml", work / "content", work / "site")
        page = work / "content" / "timeline.md"
        page.write_text(page.read_text("utf-8") + "\nAn editor's line.\n", "utf-8")
        start = time.perf_counter()
        build_site(work / "mkdocs.yml", work / "content", work / "site")
        print(f"\nseeds: rebuild after one edited page: {time.perf_counter() - start:.2f} s")
        libya = CORPORA["t17-libya"]
        if not libya.is_dir():
            return
        first = workspace(Path(tmp) / "libya-first")
        seeds = Path(tmp) / "libya-articles"
        shutil.copytree(libya, seeds)
        extra = sorted(seeds.glob("*.md"))[-1]
        held_back = extra.read_bytes()
        extra.unlink()
        in_subprocess(seeds, first)
        (seeds / ("zz-" + extra.name)).write_bytes(held_back)
        seconds = []
        for _ in range(runs):
            work = Path(tmp) / "libya"
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(first, work)
            os.sync()  # the copy's writes land before the clock starts, not during the build
            second = in_subprocess(seeds, work)
            seconds.append({s: second[s]["seconds"] for s in STAGES})
        totals = sorted(sum(run.values()) for run in seconds)
        print(f"t17-libya: second build with one new article, median of {runs}: {statistics.median(totals):.1f} s "
              f"(range {totals[0]:.1f}-{totals[-1]:.1f}; "
              + ", ".join(f"{s} {statistics.median(run[s] for run in seconds):.1f}" for s in STAGES) + ")")


def letters(n: int) -> str:
    """n written in the letters a-z: a mark that reads as no number, date or name."""
    word = ""
    while True:
        n, digit = divmod(n, 26)
        word = chr(ord("a") + digit) + word
        if not n:
            return word


def whole_process(command: list[str]) -> tuple[float, float]:
    """Seconds and the largest process's peak memory (MB) of one command, pool workers included: measured from a
    fresh wrapper process, whose RUSAGE_CHILDREN holds only this command's tree."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True); "
            "sys.exit(done.stderr) if done.returncode not in (0, 3) else None; "  # 3: built, some articles skipped
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    done = subprocess.run([sys.executable, "-c", code, *command], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                          check=True)  # the command's problems reach the terminal
    seconds, peak = map(float, done.stdout.split())
    return seconds, peak


def at_scale(count: int = 2000) -> None:
    """t17-libya's articles copied until there are `count`, each copy marked so that none is a duplicate, built
    from nothing by the command a user runs and then again with nothing changed (whole process, all cores)."""
    libya = CORPORA["t17-libya"]
    if not libya.is_dir():
        print(f"\n{count} articles: skipped ({libya} not found)")
        return
    originals = sorted(libya.glob("*.md"))
    with tempfile.TemporaryDirectory() as tmp:
        work = workspace(Path(tmp))
        seeds = work / "seeds"
        for n in range(count):
            source = originals[n % len(originals)]
            text = source.read_text("utf-8")
            if n >= len(originals):
                text += f"\n\nFiled under {letters(n)}.\n"
            (seeds / f"{n // len(originals)}-{source.name}").write_text(text, "utf-8")
        command = [sys.executable, "-m", "generators", "build", "--seeds", str(seeds), "--content",
                   str(work / "content"), "--cache", str(work / ".cache"), "--site", str(work / "site"),
                   "--config", str(work / "mkdocs.yml"), "--quiet"]
        first = whole_process(command)
        again = [whole_process(command) for _ in range(3)]
        read = len(json.loads((work / "content" / "data" / "story.json").read_text("utf-8"))["sources"])
    print(f"\n{count} articles (t17-libya copied; {read} read, the rest the same text as another), whole process"
          f"   seconds  peak MB (largest process)")
    print(f"  first build (empty caches)      {first[0]:>9.1f}{first[1]:>9.0f}")
    print(f"  unchanged, median of 3          {statistics.median(a[0] for a in again):>9.1f}"
          f"{statistics.median(a[1] for a in again):>9.0f}")


SLOW_PROFILE = {"latency": 150, "download": 1.6e6 / 8, "upload": 0.75e6 / 8, "cpu": 4}  # 1.6 Mbps, 150 ms, CPU x4
MAIN_PAGES = ["index.html", "timeline.html", "figures.html", "actors.html", "views.html", "disagreements.html",
              "sources/index.html"]


def slow_profile_loads(site: Path) -> None:
    """Seconds to each main page's load event, cold cache, on a slow connection and CPU (Chromium's own
    throttling through the DevTools protocol); a report, never a test."""
    import contextlib
    import functools
    import http.server
    import threading

    chromium = Path("/usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("slow profile: skipped (Playwright is a test dependency: run `make test` once)")
        return
    if not chromium.exists() or not (site / "index.html").exists():
        print(f"slow profile: skipped (needs {chromium} and a built site in {site})")
        return
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def handle(self) -> None:
            with contextlib.suppress(ConnectionError):  # the browser moved on to the next page
                super().handle()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"\n{site}, slow profile (1.6 Mbps, 150 ms, CPU x4), seconds to the load event (and to live charts):")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
            for name in MAIN_PAGES:
                page = browser.new_page()
                cdp = page.context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.emulateNetworkConditions", {
                    "offline": False, "latency": SLOW_PROFILE["latency"],
                    "downloadThroughput": SLOW_PROFILE["download"], "uploadThroughput": SLOW_PROFILE["upload"]})
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOW_PROFILE["cpu"]})
                start = time.perf_counter()
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/{name}", wait_until="load", timeout=120_000)
                loaded = time.perf_counter() - start
                live = ""
                if page.locator(".story-chart").count():  # Vega arrives after the load event
                    page.wait_for_function("[...document.querySelectorAll('.story-chart')]"
                                           ".every(f => f.classList.contains('is-interactive'))", timeout=120_000)
                    live = f"{time.perf_counter() - start:>8.1f}"
                print(f"  {name:<22}{loaded:>6.1f}{live}")
                page.close()
            browser.close()
    finally:
        server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m generators.evaluate.bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", action="append", choices=list(CORPORA), help="default: all three")
    parser.add_argument("--scale", type=int, default=2000, metavar="N",
                        help="also build t17-libya copied to N articles, first and unchanged (0: not at all)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one, args.work, args.cache)))
        return
    report(args.runs, args.corpus or list(CORPORA))
    if args.scale:
        at_scale(args.scale)
    slow_profile_loads(ROOT / "site")


if __name__ == "__main__":
    main()
