"""Shared fixtures: the seeds' site is generated and built once per test session."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generators.pipeline import build_site, generate

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPORA = ROOT.parent / "shared" / "corpora"

os.environ["TZ"] = "UTC"
time.tzset()


def corpus(name: str) -> Path:
    """The articles of a development corpus, or a skip that says where they are expected."""
    folder = CORPORA / name / "articles"
    if not folder.is_dir():
        pytest.skip(f"development corpus {name} not found: ../shared/corpora/{name}/articles is expected "
                    "beside the repository")
    return folder


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """Generate content/ and build site/ from the default seeds, in a temporary folder."""
    base = tmp_path_factory.mktemp("seeds-build")
    content, site = base / "content", base / "site"
    result = generate(SEEDS, content)
    build_site(ROOT / "mkdocs.yml", content, site)
    return result, content, site
