"""From a path or bytes to decoded text: size limit, type by name or content."""

from __future__ import annotations

import os
from pathlib import Path

from .decode import decode_text, normalise
from .errors import MinutesError, Problem

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ".csv", ".tsv"}
KINDS = {".docx": "docx", ".odt": "odt", ".pdf": "pdf"}


def load_text(source: str | os.PathLike[str] | bytes, filename: str | None) -> tuple[str, str]:
    """(name to report, decoded text); raises MinutesError naming the file."""
    if isinstance(source, bytes | bytearray):
        name = filename or "<bytes>"
        data = bytes(source)
        _check_size(len(data), name)
    else:
        name = str(source)
        data = _read_file(Path(source), name)
        filename = filename or name
    kind = _kind(filename, data, name)
    return name, _extract(kind, data, name)


def _read_file(path: Path, name: str) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise MinutesError(name, "is a directory, not a file", Problem.CANNOT_OPEN)
        _check_size(size, name)
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise MinutesError(name, "file not found", Problem.CANNOT_OPEN) from exc
    except PermissionError as exc:
        raise MinutesError(name, "permission denied", Problem.CANNOT_OPEN) from exc
    except OSError as exc:
        raise MinutesError(
            name, f"cannot read file ({exc.strerror or exc})", Problem.CANNOT_OPEN
        ) from exc


def _check_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        mb = size / 1024 / 1024
        raise MinutesError(
            name, f"file too large ({mb:.1f} MB; the limit is 20 MB)", Problem.TOO_LARGE
        )


def _kind(filename: str | None, data: bytes, name: str) -> str:
    if filename:
        suffix = Path(filename).suffix.lower()
        if suffix in KINDS:
            return KINDS[suffix]
        if suffix and suffix not in TEXT_SUFFIXES:
            raise MinutesError(
                name,
                f"unsupported format '{suffix}' (use .txt, .docx, .odt or .pdf)",
                Problem.UNSUPPORTED,
            )
        if suffix:
            return "txt"
    return _sniff(data)


def _sniff(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "odt" if b"opendocument.text" in data[:200] else "docx"
    return "txt"


def _extract(kind: str, data: bytes, name: str) -> str:
    if kind == "txt":
        return decode_text(data, name)
    if kind == "docx":
        from .docx import docx_text

        return normalise(docx_text(data, name))
    if kind == "odt":
        from .odt import odt_text

        return normalise(odt_text(data, name))
    from .pdf import pdf_text

    return normalise(pdf_text(data, name))
