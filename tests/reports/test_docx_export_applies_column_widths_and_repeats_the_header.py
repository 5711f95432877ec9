"""The .docx table keeps its column widths (a fixed layout, the widths on the grid and on
every cell), repeats its bold, shaded header row on every page and has borders on all
cells; the page is A4 landscape."""

import io

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm

from livinglab.reports.exports import WIDTHS_CM, Report, Section, report_to_docx, to_docx
from livinglab.reports.layout import PAGE_WIDTH_CM
from livinglab.reports.tracking_table import build_table, headers


@pytest.fixture
def document(registry):
    return Document(io.BytesIO(to_docx(build_table(registry.body))))


def test_page_is_a4_landscape_with_room_for_the_table(document):
    page = document.sections[0]
    assert page.orientation == WD_ORIENT.LANDSCAPE
    assert round(page.page_width.cm, 1) == 29.7 and round(page.page_height.cm, 1) == 21.0
    margins = (page.left_margin, page.right_margin, page.top_margin, page.bottom_margin)
    assert all(0 < margin.cm <= 2 for margin in margins)
    printable = page.page_width.cm - page.left_margin.cm - page.right_margin.cm
    assert sum(WIDTHS_CM) <= printable + 0.01
    assert sum(WIDTHS_CM) == pytest.approx(PAGE_WIDTH_CM)


def test_every_cell_has_its_column_width_in_a_fixed_layout(document):
    table = document.tables[0]
    assert table.autofit is False  # w:tblLayout fixed
    grid = [int(column.get(qn("w:w"))) for column in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert grid == [Cm(width).twips for width in WIDTHS_CM]  # what LibreOffice reads
    assert len(table.rows) == 3
    for row in table.rows:  # what Word reads
        assert [round(cell.width.cm, 2) for cell in row.cells] == list(WIDTHS_CM)


def test_header_row_repeats_on_every_page_bold_and_shaded(document):
    header, *body = document.tables[0].rows
    assert [cell.text for cell in header.cells] == headers()
    repeat = header._tr.trPr.find(qn("w:tblHeader"))
    assert repeat is not None and repeat.get(qn("w:val")) in (None, "true", "1")
    for row in body:
        assert row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None
    for cell in header.cells:
        assert all(run.bold for run in cell.paragraphs[0].runs)
        shading = cell._tc.tcPr.find(qn("w:shd"))
        assert shading is not None and shading.get(qn("w:fill")) not in (None, "auto")


def test_all_cells_have_borders(document):
    borders = document.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = borders.find(qn(f"w:{edge}"))
        assert line is not None and line.get(qn("w:val")) == "single", edge


def test_title_and_subtitle_come_first_the_title_bold_and_larger(document, registry):
    title, subtitle = document.paragraphs[:2]
    assert registry.body.name in title.text
    assert subtitle.text  # meeting number and date
    assert all(run.bold and run.font.size.pt >= 14 for run in title.runs)


def test_every_section_table_of_a_report_has_its_widths_and_repeated_header():
    widths = [(1.2, 26.5), (10.0, 10.0, 7.7)]
    sections = [
        Section("一", ["編號", "案由"], [["1", "甲"]], widths[0]),
        Section("二", ["甲", "乙", "丙"], [["1", "2", "3"], ["4", "5", "6"]], widths[1]),
    ]
    document = Document(io.BytesIO(report_to_docx(Report("標題", "副標題", sections))))
    assert len(document.tables) == 2
    for table, expected in zip(document.tables, widths, strict=True):
        assert table.autofit is False
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        for row in table.rows:
            assert [round(cell.width.cm, 2) for cell in row.cells] == list(expected)
