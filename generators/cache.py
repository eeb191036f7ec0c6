"""Folders of pickled results keyed by a digest of what they were made from.

Ingest (read articles), extract (per-article extractions) and the MkDocs page hook (converted pages)
all reuse earlier work this way. A missing or damaged entry is a miss, never an error. Work that depends only
on the installed version (compiled templates, ours and the theme's; the Vega bundle) is kept once per user (`user_cache_folder`).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from contextlib import suppress
from functools import cache
from pathlib import Path

import jinja2
import jinja2.bccache
import platformdirs

from . import __version__

MISS = object()


def user_cache_folder(kind: str) -> Path | None:
    """A folder of the user's cache for work that depends only on the installed code, or None when it cannot be
    made (a read-only home) or could hold another user's files (its compiled templates are loaded as code): then
    the work is done again, and nothing fails."""
    folder = Path(platformdirs.user_cache_dir("news-explainer")) / __version__ / kind
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        state = folder.stat()
    except OSError:
        return None
    if hasattr(os, "getuid") and (state.st_uid != os.getuid() or state.st_mode & 0o022):
        return None
    return folder


def digest(*parts: str | bytes) -> str:
    """One key from several parts; the separator keeps ("ab", "c") and ("a", "bc") apart."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8") if isinstance(part, str) else part)
        hasher.update(b"\x00")
    return hasher.hexdigest()


@cache
def code_digest(*files: Path) -> str:
    """The source of the code that made a result: changing a rule invalidates it without a version bump."""
    return digest(*(f.read_bytes() for f in files))


def load(folder: Path, key: str):
    try:
        return pickle.loads((folder / f"{key}.pickle").read_bytes())
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
        return MISS


def write_atomic(path: Path, data: bytes) -> None:
    """Written whole or not at all: a process stopped halfway leaves the old file (or none), never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def store(folder: Path, key: str, value) -> None:
    write_atomic(folder / f"{key}.pickle", pickle.dumps(value))


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's compiled templates on disk (checked against each template's source); a cache that cannot be read
    or written is no cache, never a failed build."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)


def compiled_templates(folder: Path | None) -> jinja2.BytecodeCache | None:
    """Compiled templates in `folder` (see user_cache_folder): compiling them took 2 s of every build."""
    return _CompiledTemplates(str(folder)) if folder else None
