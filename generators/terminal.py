"""Lines for a person at a terminal: file names and article text shown, never run as escape sequences."""

from __future__ import annotations

from .controls import TERMINAL_CONTROLS


def for_terminal(text: str) -> str:
    """A file name or article text printed on a terminal: control characters (escape sequences) shown, not run."""
    return TERMINAL_CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def describe(exc: BaseException) -> str:
    """An OS or encoding error as a reader can act on it: the file and the reason."""
    if isinstance(exc, OSError):
        names = " -> ".join(str(f) for f in (exc.filename, exc.filename2) if f is not None)
        return f"{names}: {exc.strerror or exc}" if names else str(exc)
    return f"{exc.__class__.__name__}: {exc}"
