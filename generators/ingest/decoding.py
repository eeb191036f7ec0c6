"""Bytes to text: articles arrive in whatever encoding their newsroom or browser saved them in."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..controls import CONTROLS
from .errors import IngestError

BINARY_SNIFF = 8000  # a NUL this early means binary (git's rule); a stray one later is dropped with the controls
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # UTF-32 first: its little-endian BOM starts with UTF-16's


# The single-byte pages saved articles come in (Windows, ISO 8859, KOI8); DOS and Mac pages read as clean as these
# on a short text, so they are never candidates.
CODE_PAGES = ("cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "iso8859_2",
              "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_9", "iso8859_13",
              "iso8859_16", "koi8_r", "koi8_u")
CLEARLY_WORSE = 0.1  # chaos (charset_normalizer's share of odd characters) by which another page must beat cp1252


def single_byte_encoding(data: bytes) -> str:
    """Windows-1252 (which covers Latin-1, and so most Western text) unless it does not decode or reads clearly
    worse than the cleanest other code page (Cyrillic cp1251 or KOI8-R, Arabic cp1256, Greek): then that one. A
    short French or German text reads as clean in cp1250 or cp1257 as in cp1252, so a tie is cp1252's."""
    western = from_bytes(data, cp_isolation=["cp1252"], threshold=1.0).best()
    other = from_bytes(data, cp_isolation=list(CODE_PAGES)).best()
    if other is None or (western is not None and western.chaos <= other.chaos + CLEARLY_WORSE):
        return "cp1252"
    return other.encoding


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
    controls = len(CONTROLS.findall(text))
    if controls > max(8, len(text) // 100):
        raise IngestError("binary file (control characters)")
    text = CONTROLS.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError("empty file")
    return text
