"""Open exported files in LibreOffice, as their readers will: converted headless to PDF."""

import shutil
import subprocess

import pytest
from pypdf import PdfReader

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (.ci/run installs it)"
)


def printed_pages(files, tmp_path) -> dict:
    """{file: [pypdf page, ...]} for each file as LibreOffice prints it."""
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {file: PdfReader(tmp_path / "pdf" / f"{file.stem}.pdf").pages for file in files}
