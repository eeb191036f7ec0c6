"""Writing `content/`: every file atomically, a manifest of what the generator wrote, and an editor's change
kept (and reported with the diff of what would have been written), never overwritten."""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import write_atomic

MANIFEST = ".generated.json"


@dataclass
class RenderReport:
    written: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)  # (path, diff of what would have been written)
    unsettled: str = ""  # the build's line on charted counts stated nowhere as they stand (unsettled_note)
    held_back: str = ""  # the build's line pointing the editor to what was held back (review_note)


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_STAMP = re.compile(rb"\A---\ngenerated: ([0-9a-f]{64})\n")


def stamp(page: bytes) -> bytes:
    """A generated page carries the digest of its own text in its front matter, so that it is recognised as the
    generator's (and regenerated) even when the manifest is lost: only an editor's change breaks the stamp."""
    assert page.startswith(b"---\n"), "every generated page opens with front matter"
    return b"---\ngenerated: " + digest_of(page).encode() + b"\n" + page[4:]


def is_stamped(page: bytes) -> bool:
    """True if the page is exactly as the generator wrote it (its stamp matches its text)."""
    found = _STAMP.match(page)
    return found is not None and digest_of(b"---\n" + page[found.end():]) == found.group(1).decode()


def read_manifest(path: Path) -> dict[str, str | list[str]]:
    """What the generator wrote last time: file -> digest (or digests, while a write was under way; see
    ContentWriter.finish). A missing, damaged or wrongly shaped manifest counts as empty: pages are then
    recognised by their stamp, other files by being identical to what would be written now."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    def valid(value) -> bool:
        return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
    return {k: v for k, v in data.items() if isinstance(k, str) and valid(v)} if isinstance(data, dict) else {}


DIFF_LINES = 40  # of a kept page's diff, printed; the rest is counted
_CHART_FILE = re.compile(r"assets/charts/[\w.-]+\.(?:svg|json)")
CHARTS = "assets/charts/"  # the generator's own folder: what no page uses any more goes, manifest or not
_LEFTOVER = re.compile(r"\..+\.\d+\.tmp")  # write_atomic's partial file of a process stopped mid-write


class ContentWriter:
    """Writes generated files, keeping any that an editor changed.

    Files are written at `finish`, each atomically, after a manifest that already lists both their old and
    their new digests and every file about to go: a build stopped at any point leaves every file whole, none
    mistaken for an edit, none forgotten. The caller holds the content folder's lock."""

    def __init__(self, root: Path):
        self.root = root
        self.report = RenderReport()
        self.previous = read_manifest(root / MANIFEST)
        self.current: dict[str, str | list[str]] = {}
        self.pending: dict[str, bytes] = {}
        for leftover in root.rglob(".*.tmp"):  # no other build runs here (the lock), so these are a dead one's
            if _LEFTOVER.fullmatch(leftover.name) and leftover.is_file():
                leftover.unlink(missing_ok=True)

    def generated(self, relative: str) -> set[str]:
        """Digests of the versions of a file the generator wrote."""
        recorded = self.previous.get(relative, [])
        return {recorded} if isinstance(recorded, str) else set(recorded)

    def is_generated(self, relative: str, existing: bytes) -> bool:
        """A file is the generator's if it is as the generator wrote it: the manifest or the page's stamp says so."""
        return digest_of(existing) in self.generated(relative) or (relative.endswith(".md") and is_stamped(existing))

    def write(self, relative: str, data: str | bytes) -> None:
        payload = data.encode("utf-8") if isinstance(data, str) else data
        if relative.endswith(".md"):
            payload = stamp(payload)
        path = self.root / relative
        if path.exists():
            try:
                existing = path.read_bytes()
            except OSError as exc:  # unreadable (permissions): it may be an edit, so it is left as it is
                self.current[relative] = self.previous.get(relative, "")
                self.report.kept.append((relative, f"(unreadable: {exc.strerror or exc.__class__.__name__})"))
                return
            if existing == payload:
                self.current[relative] = digest_of(payload)
                return  # unchanged: not touched, so a watching `mkdocs serve` does not rebuild again
            if not self.is_generated(relative, existing):
                self.current[relative] = self.previous.get(relative, "")
                if not relative.startswith("assets/"):
                    diff = difflib.unified_diff(existing.decode("utf-8", "replace").splitlines(),
                                                payload.decode("utf-8", "replace").splitlines(),
                                                f"{relative} (yours)", f"{relative} (generated)", lineterm="", n=1)
                    lines = list(diff)
                    more = f"\n… {len(lines) - DIFF_LINES} more lines" if len(lines) > DIFF_LINES else ""
                    self.report.kept.append((relative, "\n".join(lines[:DIFF_LINES]) + more))
                return
        self.pending[relative] = payload
        self.current[relative] = digest_of(payload)
        self.report.written.append(relative)

    def keep_if_unchanged(self, relative: str) -> bool:
        """True if the file is there exactly as last generated; it is then kept without being rebuilt."""
        path = self.root / relative
        try:
            existing = path.read_bytes()
        except OSError:
            return False
        if digest_of(existing) in self.generated(relative):
            self.current[relative] = digest_of(existing)
            return True
        return False

    def reuse(self, relative: str, recipe: str) -> bool:
        """True if the file is there as last generated from the same recipe (a chart's spec): not rebuilt."""
        key = f"{relative}#recipe"
        if self.previous.get(key) == recipe and self.keep_if_unchanged(relative):
            self.current[key] = recipe
            return True
        self.current[key] = recipe
        return False

    def _editors_pages(self, pages: list[str]) -> list[str]:
        """Pages an editor owns: those kept as edits, and their own pages (never written by the generator)."""
        kept = {relative for relative, _ in self.report.kept}
        return [r for r in pages if r in kept or (r not in self.current and not self._generated_on_disk(r))]

    def _generated_on_disk(self, relative: str) -> bool:
        path = self.root / relative
        try:
            return path.is_file() and not path.is_symlink() and self.is_generated(relative, path.read_bytes())
        except OSError:
            return False  # unreadable: not ours to judge

    def _keep_pictures_of(self, pages: list[str]) -> None:
        """Chart pictures and specs an editor's page shows stay, though no generated page uses them any more."""
        for relative in pages:
            try:
                shown = (self.root / relative).read_text("utf-8", "replace")
            except OSError:
                continue
            for picture in _CHART_FILE.findall(shown):
                if picture not in self.current and (self.root / picture).is_file():
                    self.current[picture] = self.previous.get(picture, "")

    def _stale(self, pages: list[str]) -> list[str]:
        """Files the generator wrote before and not this time (an article gone, a chart no longer drawn), unless an
        editor changed them: those the manifest lists, every stamped page and every file in the charts folder."""
        candidates = {r for r in self.previous if "#" not in r} | set(pages)
        if (self.root / CHARTS).is_dir():
            candidates |= {CHARTS + p.name for p in (self.root / CHARTS).iterdir() if _CHART_FILE.fullmatch(CHARTS + p.name)}
        return [r for r in sorted(candidates - set(self.current))
                if (r.startswith(CHARTS) and (self.root / r).is_file()) or self._generated_on_disk(r)]

    def finish(self) -> RenderReport:
        """The manifest with old and new digests of every file about to change or go, the files, the removals,
        then the manifest. A recipe is recorded only once its file is written."""
        pages = sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.md"))
        self._keep_pictures_of(self._editors_pages(pages))
        stale = self._stale(pages)
        during = {k: v for k, v in self.current.items() if k.removesuffix("#recipe") not in self.pending}
        for relative in self.pending:
            now = self.current[relative]
            during[relative] = sorted(self.generated(relative) | ({now} if isinstance(now, str) else set(now)))
        for relative in stale:
            during[relative] = self.previous.get(relative, "")
        self._write_manifest(during)
        for relative, payload in self.pending.items():
            write_atomic(self.root / relative, payload)
        for relative in stale:
            (self.root / relative).unlink(missing_ok=True)
        self._write_manifest(self.current)
        return self.report

    def _write_manifest(self, entries: dict) -> None:
        write_atomic(self.root / MANIFEST, (json.dumps(dict(sorted(entries.items())), indent=1) + "\n").encode())
