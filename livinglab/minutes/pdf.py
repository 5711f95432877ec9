"""Text of a text-based .pdf (pypdf); encrypted and scanned files are refused."""

from __future__ import annotations

import io
import re

from .errors import MinutesError, Problem

_WORDY = re.compile(r"[\w\u4e00-\u9fff]")


def pdf_text(data: bytes, source: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise MinutesError(source, "encrypted .pdf (password protected)", Problem.ENCRYPTED)
        pages = [page.extract_text() or "" for page in reader.pages]
    except MinutesError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise MinutesError(source, f"corrupt .pdf file ({type(exc).__name__})") from exc
    text = "\n".join(pages)
    if len(_WORDY.findall(text)) < 10 * max(1, len(pages)) // 2 + 1:
        raise MinutesError(source, "scanned .pdf with no text layer (needs OCR)", Problem.SCANNED)
    return text
