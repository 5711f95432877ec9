"""A file the reader cannot read is refused with a message in the secretary's language
that names the file and says what to do; no English reason or class name shows."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile


def _docx_with_entities() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
        )
    return out.getvalue()


CASES = [
    ("壞掉的紀錄.docx", b"PK\x03\x04" + b"\x00" * 64, "已損毀", ["corrupt", "BadZipFile"]),
    ("實體紀錄.docx", _docx_with_entities(), "為了安全", ["refused", "DTD"]),
    ("假的紀錄.pdf", b"%PDF-1.4 garbage", "已損毀", ["PdfReadError", "corrupt"]),
    ("紀錄.exe", b"MZ\x90\x00", "只能匯入", ["unsupported"]),
    ("亂碼.txt", bytes(range(256)) * 4, "不是純文字", ["binary"]),
]


@pytest.mark.parametrize("name,data,words,english", CASES, ids=[c[0] for c in CASES])
def test_refusal_is_explained_in_chinese_with_what_to_do(client, world, name, data, words, english):
    client.force_login(world.secretary)
    response = client.post(
        f"/imports/bodies/{world.body.pk}/", {"files": [SimpleUploadedFile(name, data)]}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert name in page and words in page
    for word in english:
        assert word not in page


def test_every_problem_the_reader_names_has_its_own_message():
    from livinglab.minutes import MinutesError, Problem
    from livinglab.tracking.services.unreadable import explain

    problems = [value for name, value in vars(Problem).items() if name.isupper()]
    messages = {explain("紀錄.docx", MinutesError("紀錄.docx", "x", p)) for p in problems}
    assert len(messages) == len(problems)
    assert all("紀錄.docx" in message for message in messages)
