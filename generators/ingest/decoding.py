"""Bytes to text: articles arrive in whatever encoding their newsroom or browser saved them in."""

from __future__ import annotations

import codecs
import re

from .errors import IngestError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # control characters (category Cc) but tab, newlines, form feed

BINARY_SNIFF = 8000  # a NUL this early means binary (git's rule); a stray one later is dropped with the controls
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # UTF-32 first: its little-endian BOM starts with UTF-16's


def decode(data: bytes) -> str:
    """UTF-16/32 with a BOM; UTF-8 (with or without BOM, a rare broken byte replaced); else Windows-1252, which
    also covers Latin-1. Control characters (which no article needs and which break the chart renderer) go."""
    if not data.strip():
        raise IngestError("empty file")
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding:
        text = data.decode(encoding, errors="replace").lstrip("\ufeff")
    elif b"\x00" in data[:BINARY_SNIFF]:
        raise IngestError("binary file (contains NUL bytes)")
    else:
        text = data.decode("utf-8-sig", errors="replace")
        broken = text.count("\ufffd")
        if broken and sum(1 for ch in text if ord(ch) > 127) - broken <= broken:
            text = data.decode("cp1252", errors="replace")  # no more good UTF-8 than broken: a Windows file
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise IngestError("binary file (control characters)")
    text = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError("empty file")
    return text
