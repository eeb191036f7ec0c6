"""What the command line and the MkDocs plugin share about a story project, light enough to load before any build
starts (no language model, no chart renderer): where the package's site sources are, the editors' corrections
file, the content folder's lock, and the rule for count settings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

from filelock import FileLock, Timeout

SITE_SRC = Path(str(files("generators.site_src")))  # the repository's site_src/, installed as package data
CORRECTIONS = "corrections.yml"  # in the content folder: the editors' file
LOCK = ".build.lock"


class BuildRunning(RuntimeError):
    """Another build is writing the same content folder."""


def positive(value) -> int:
    """A count setting (bytes, dates, sentences, jobs): a whole number of 1 or more, whoever gives it."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"must be a whole number of 1 or more, not {value!r}")
    return value


@contextmanager
def content_lock(content: Path) -> Iterator[None]:
    """One build at a time per content folder: a second one stops at once instead of interleaving writes."""
    content.mkdir(parents=True, exist_ok=True)
    lock = FileLock(content / LOCK)  # filelock: the operating system's lock on POSIX and on Windows alike
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise BuildRunning(f"another build is running in {content}; try again when it has finished") from None
    try:
        yield
    finally:
        lock.release()
