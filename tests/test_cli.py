"""The command line's report to the editor."""

from __future__ import annotations

from types import SimpleNamespace

from generators.cli import notes
from generators.ingest.repetition import set_aside_repeated
from generators.render import RenderReport

from .ingest.test_repetition import FOOTER, folder


def told_about(articles) -> str:
    result = SimpleNamespace(story=SimpleNamespace(articles=articles, set_aside=[]), unmatched=[], broad=[],
                             corrected=[], render=RenderReport())
    return "\n".join(line for _, line in notes(result))


def test_the_build_says_what_it_set_aside_as_repeated_and_how_to_keep_it():
    articles = folder(20, footer_in=6)
    set_aside_repeated(articles)
    told = told_about(articles)
    assert "1 sentence(s) from 6 article(s)" in told and repr(FOOTER) in told and "keep_repeated: true" in told
    assert told_about(folder(20, footer_in=0)) == ""


def test_the_stance_command_prints_one_reading_per_pair_in_order_and_names_a_bad_line(tmp_path, capsys):
    from generators.cli import main

    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"question": "We should build the harbour", "statement": "The harbour is needed and will help"}\n'
                     '{"question": "We should build the harbour", "statement": "The harbour is a dangerous mistake"}\n'
                     "\n"
                     '{"question": "We should build the harbour"}\n'
                     '{"question": "We should build the harbour", "statement": "It rained in the harbour today"}\n',
                     "utf-8")
    assert main(["stance", str(pairs)]) == 1
    out, err = capsys.readouterr()
    assert out.split() == ["for", "against", "unclear", "unclear"]
    assert "line 4" in err and "pairs.jsonl" in err
