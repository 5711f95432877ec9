"""In .odt and .docx the charts start on a new page under a "圖表" heading; without charts
the sentence saying why stays a paragraph under the tables, with no page break."""

import io

from docx import Document
from odf.opendocument import load
from odf.style import ParagraphProperties, Style
from odf.text import H, P
from PIL import Image

from livinglab.reports.exports import Report, Section, report_to_docx, report_to_odt

HEADING = "圖表"
WHY = "圖表未列入：伺服器未安裝中文字型。"


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (600, 300), "white").save(out, format="PNG")
    return out.getvalue()


def _report(images: list[bytes], notice: str) -> Report:
    section = Section("", ["編號", "案由"], [["1", "河濱自行車道串連"]], (2.0, 25.7))
    return Report("標題", "副標題", [section], images, notice)


def _odt_break_before(data: bytes, text: str, kind) -> str | None:
    document = load(io.BytesIO(data))
    styles = {s.getAttribute("name"): s for s in document.automaticstyles.getElementsByType(Style)}
    (element,) = [e for e in document.text.getElementsByType(kind) if str(e) == text]
    style = styles.get(element.getAttribute("stylename"))
    if style is None:
        return None
    properties = style.getElementsByType(ParagraphProperties)
    return properties[0].getAttribute("breakbefore") if properties else None


def test_odt_charts_heading_starts_a_new_page():
    data = report_to_odt(_report([_png(), _png()], HEADING))
    assert _odt_break_before(data, HEADING, H) == "page"


def test_docx_charts_heading_starts_a_new_page():
    document = Document(io.BytesIO(report_to_docx(_report([_png(), _png()], HEADING))))
    (heading,) = [p for p in document.paragraphs if p.text == HEADING]
    assert heading.style.name.startswith("Heading")
    assert heading.paragraph_format.page_break_before is True
    assert len(document.inline_shapes) == 2


def test_without_charts_the_notice_is_a_paragraph_under_the_tables():
    assert _odt_break_before(report_to_odt(_report([], WHY)), WHY, P) in (None, "auto")
    document = Document(io.BytesIO(report_to_docx(_report([], WHY))))
    (notice,) = [p for p in document.paragraphs if p.text == WHY]
    assert not notice.style.name.startswith("Heading")
    assert not notice.paragraph_format.page_break_before
