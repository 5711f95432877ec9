"""The command line prints the JSON contract and reports unreadable files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .builders import SAMPLES

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - fixed interpreter and module
        [sys.executable, "-m", "livinglab.minutes", *args, "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_prints_the_contract_for_good_files():
    result = _run(str(SAMPLES / "council.txt"), str(SAMPLES / "article.txt"))
    assert result.returncode == 0, result.stderr
    documents = json.loads(result.stdout)["documents"]
    assert [len(d["meetings"]) for d in documents] == [1, 0]
    assert "臺北市政府第2401次市政會議" in result.stdout  # UTF-8, not ASCII-escaped


def test_missing_corrupt_binary_and_oversized_files_are_reported(tmp_path):
    corrupt = tmp_path / "broken.docx"
    corrupt.write_bytes(b"not a zip at all")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    unsupported = tmp_path / "sheet.xlsx"
    unsupported.write_bytes(b"PK")
    missing = tmp_path / "nowhere.txt"
    good = SAMPLES / "district.txt"
    result = _run(str(missing), str(corrupt), str(binary), str(big), str(unsupported), str(good))
    assert result.returncode == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 5
    for path, reason in [
        (missing, "not found"),
        (corrupt, "corrupt"),
        (binary, "not a text file"),
        (big, "too large"),
        (unsupported, "unsupported format"),
    ]:
        assert any(str(path) in line and reason in line for line in errors), (path, errors)
    documents = json.loads(result.stdout)["documents"]
    assert [d["source"] for d in documents] == [str(good)]
