"""Hostile files are refused with a reason: zip bombs, XML entities, encrypted or
scanned PDFs, files over 20 MB."""

from __future__ import annotations

import io
import zipfile

import pytest

from livinglab.minutes import MinutesError, read_minutes

from .builders import write_pdf

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_bomb_docx_is_refused():
    bomb = _zip({"word/document.xml": b"<a>" + b" " * 60_000_000 + b"</a>"})
    with pytest.raises(MinutesError, match="zip bomb"):
        read_minutes(bomb, filename="bomb.docx")


def test_billion_laughs_docx_is_refused():
    with pytest.raises(MinutesError, match="DTD or entities"):
        read_minutes(_zip({"word/document.xml": LAUGHS}), filename="laughs.docx")


def test_entity_in_odt_is_refused():
    content = LAUGHS.replace(b"w:document", b"office:document-content")
    with pytest.raises(MinutesError, match="DTD or entities"):
        read_minutes(_zip({"content.xml": content}), filename="laughs.odt")


def test_scanned_pdf_without_text_is_refused(tmp_path):
    path = write_pdf([], tmp_path / "scan.pdf")
    with pytest.raises(MinutesError, match="scanned"):
        read_minutes(path)


def test_encrypted_pdf_is_refused(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = write_pdf(["某某會議紀錄", "時間：113年1月2日"], tmp_path / "plain.pdf")
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(MinutesError, match="encrypted"):
        read_minutes(buffer.getvalue(), filename="locked.pdf")


def test_corrupt_pdf_is_refused():
    with pytest.raises(MinutesError, match="corrupt"):
        read_minutes(b"%PDF-1.4 garbage", filename="bad.pdf")


def test_over_twenty_megabytes_is_refused():
    with pytest.raises(MinutesError, match="too large"):
        read_minutes(b" " * (20 * 1024 * 1024 + 1), filename="big.txt")


def test_error_names_the_file():
    with pytest.raises(MinutesError) as caught:
        read_minutes("/nonexistent/minutes.txt")
    assert caught.value.source == "/nonexistent/minutes.txt"
    assert str(caught.value).startswith("/nonexistent/minutes.txt: ")
