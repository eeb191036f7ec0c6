"""`make eval`: every report in turn."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import CORPORA, DEV_CORPORA, ROOT
from . import __doc__ as ABOUT
from .benchmarks import report_conll, report_quotes, report_stance, report_web_pages
from .corpora import report_corpora
from .gold import CORPUS_GOLDS, GOLD, report_gold


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m generators.evaluate", description=ABOUT,
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
