"""Bytes of a text file into str: BOMs, UTF-16 without BOM, UTF-8, Big5/CP950."""

from __future__ import annotations

import codecs
import re

from .errors import MinutesError, Problem

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?|[\f\v\x85\u2028\u2029]")


def decode_text(data: bytes, source: str) -> str:
    """Decode a plain-text file, or raise MinutesError when it is not text."""
    text = _decode(data)
    if text is None or _looks_binary(text):
        raise MinutesError(
            source, "not a text file (binary content or unknown encoding)", Problem.NOT_TEXT
        )
    return normalise(text)


def normalise(text: str) -> str:
    """One newline convention and no control characters; spans index into this."""
    text = _NEWLINES.sub("\n", text)
    return _CONTROL.sub("", text)


def _decode(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _try(data[len(bom) :], encoding)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _try(data, utf16)
    for encoding in ("utf-8", "cp950", "big5hkscs"):
        text = _try(data, encoding)
        if text is not None:
            return text
    return _guess(data)


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without BOM has NUL bytes on one side for ASCII characters."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    return None


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return None
    return data.decode(best.encoding, errors="replace")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    return bad > max(2, len(sample) * 0.02)
