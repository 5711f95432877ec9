"""The .odt and .docx files carry the dashboard charts as PNG images; without a CJK font
they still export, with no images and a sentence saying why."""

import io
import zipfile

import pytest
from django.urls import reverse

from livinglab.reports import charts
from livinglab.reports.services import export_table
from tests.reports.readback import case_titles

PNG = b"\x89PNG\r\n\x1a\n"


def _images(fmt: str, data: bytes) -> list[bytes]:
    """The pictures the document shows, read back with the library that opens it."""
    if fmt == "docx":
        from docx import Document

        document = Document(io.BytesIO(data))
        assert len(document.inline_shapes) == len(charts.CHARTS)
        return [part.blob for part in document.part.package.image_parts]
    from odf.draw import Image
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    hrefs = [image.getAttribute("href") for image in document.getElementsByType(Image)]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [archive.read(href) for href in hrefs]


def _text(fmt: str, data: bytes) -> str:
    if fmt == "docx":
        from docx import Document

        return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    from odf import teletype
    from odf.opendocument import load
    from odf.text import P

    return "\n".join(teletype.extractText(p) for p in load(io.BytesIO(data)).getElementsByType(P))


@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_tracking_table_carries_the_charts(registry, fmt):
    data, count = export_table(registry.body, fmt)
    images = _images(fmt, data)
    assert len(images) == len(charts.CHARTS)
    assert all(image.startswith(PNG) for image in images)
    assert sorted(case_titles(fmt, data)) == ["共享電動機車停放管理", "河濱自行車道串連"]
    assert count == 2


@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_dashboard_file_carries_the_charts_and_the_tables(client, registry, fmt):
    client.force_login(registry.secretary)
    response = client.get(reverse("reports:dashboard_file", args=[registry.body.pk, fmt]))
    assert response.status_code == 200
    assert len(_images(fmt, response.content)) == len(charts.CHARTS)


@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_without_a_cjk_font_exports_say_the_charts_are_left_out(registry, fmt, monkeypatch):
    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    data, _count = export_table(registry.body, fmt)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not [n for n in archive.namelist() if n.endswith(".png")]
    assert "Noto Sans CJK" in _text(fmt, data)
    assert sorted(case_titles(fmt, data)) == ["共享電動機車停放管理", "河濱自行車道串連"]


@pytest.mark.parametrize("fmt", ["ods", "xlsx"])
def test_spreadsheets_stay_tables_only(registry, fmt):
    data, _count = export_table(registry.body, fmt)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not [n for n in archive.namelist() if n.endswith(".png")]
