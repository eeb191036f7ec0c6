"""`make eval`: how good is extraction? Scores against gold data; a report, not a test.

What it scores:
- the seeds against a hand-written gold annotation (`tests/gold/seeds.yml`): precision, recall and F1
  per kind, verbatim provenance, page furniture that reached the built site;
- timelines of the development corpora against journalists' timelines, with the T17 standard measure
  (tilse: alignment-based ROUGE-1/2 F1 and Date F1), beside a simple reference method and the
  published DATEWISE figures;
- with --web-pages, the web page reader on trafilatura's own evaluation set.

`gold` scores the seeds and the hand-read days of the development stories; `corpora` the development stories'
timelines, counts and disagreements; `benchmarks` the shared scorers (CoNLL names, GGT quotes, stance) and the
web page reader; `python -m generators.evaluate` runs them all. `bench` (`make bench`) measures time and memory.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository
CORPORA = ROOT.parent / "shared" / "corpora"
DEV_CORPORA = ["t17-mj", "t17-egypt", "t17-libya"]
DATEWISE = {"rouge_1": 0.120, "rouge_2": 0.035, "date_f1": 0.544}  # published T17 averages
