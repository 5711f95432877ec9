"""Fixtures of the minutes reader's tests: the seed folder and generated samples."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from .builders import sample_text, write_docx, write_odt, write_pdf

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS.resolve()}")
    return SEEDS


def _encoded(text: str, encoding: str) -> bytes:
    if encoding == "utf-8-bom":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if encoding == "utf-16":
        return text.encode("utf-16")  # with BOM
    if encoding == "utf-16-le-nobom":
        return text.encode("utf-16-le")
    if encoding == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    return text.encode(encoding)


# sample record → (file written for the test, how)
LAYOUTS = {
    "council.txt": ("council.txt", "utf-8"),
    "deputy_mayor.txt": ("deputy_mayor.txt", "utf-8-bom"),
    "committee.txt": ("committee.txt", "cp950"),
    "district.txt": ("district.txt", "utf-16"),
    "debris.txt": ("debris.txt", "utf-16-le-nobom"),
    "two_records.txt": ("two_records.txt", "crlf"),
    "article.txt": ("article.txt", "utf-8"),
    "working_group.txt": ("working_group.docx", "docx"),
    "review.txt": ("review.odt", "odt"),
    "pdf_record.txt": ("pdf_record.pdf", "pdf"),
}


@pytest.fixture(scope="session")
def sample_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("samples")
    files = {}
    for source, (target, how) in LAYOUTS.items():
        text, path = sample_text(source), folder / target
        if how == "docx":
            write_docx(text.splitlines(), path)
        elif how == "odt":
            write_odt(text.splitlines(), path)
        elif how == "pdf":
            write_pdf(text.splitlines(), path)
        else:
            path.write_bytes(_encoded(text, how))
        files[source] = path
    return files
