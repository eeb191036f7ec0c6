"""Bytes to text: articles arrive in whatever encoding their newsroom or browser saved them in."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from .errors import IngestError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # control characters (category Cc) but tab, newlines, form feed

BINARY_SNIFF = 8000  # a NUL this early means binary (git's rule); a stray one later is dropped with the controls
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # UTF-32 first: its little-endian BOM starts with UTF-16's


def single_byte_encoding(data: bytes) -> str:
    """Windows-1252 (which covers Latin-1) unless charset_normalizer finds the bytes read more cleanly in another
    code page (Cyrillic cp1251, Arabic cp1256, Greek ISO-8859-7): then that one. On a tie Windows-1252 wins, then
    another Windows code page (what saved files use; the detector rates Mac and DOS pages as clean on a short
    text and names cp1250 for French)."""
    matches = list(from_bytes(data))
    if not matches:
        return "cp1252"
    cleanest = min(match.chaos for match in matches)
    tied = [match for match in matches if match.chaos == cleanest]
    if any("cp1252" in match.could_be_from_charset for match in tied):
        return "cp1252"
    return next((match.encoding for match in tied if match.encoding.startswith("cp125")), tied[0].encoding)


def decode(data: bytes) -> str:
    """UTF-16/32 with a BOM; UTF-8 (with or without BOM, a rare broken byte replaced); else the single-byte code
    page the bytes read best in. Control characters (which no article needs and which break the chart renderer)
    go."""
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
            text = data.decode(single_byte_encoding(data), errors="replace")  # no more good UTF-8 than broken
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise IngestError("binary file (control characters)")
    text = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError("empty file")
    return text
