"""The command line's report to the editor."""

from __future__ import annotations

from generators.cli import report_repeated
from generators.ingest.repetition import set_aside_repeated

from .ingest.test_repetition import FOOTER, folder


def test_the_build_says_what_it_set_aside_as_repeated_and_how_to_keep_it(capsys):
    articles = folder(20, footer_in=6)
    set_aside_repeated(articles)
    report_repeated(articles)
    out = capsys.readouterr().out
    assert "1 sentence(s) from 6 article(s)" in out and repr(FOOTER) in out and "keep_repeated: true" in out
    report_repeated(folder(20, footer_in=0))
    assert capsys.readouterr().out == ""
