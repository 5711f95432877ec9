"""Reports and the tracking table as .docx (python-docx), on A4 landscape.

Tables have a fixed layout: the widths are written on the grid (LibreOffice reads
those) and on every cell (Word reads these); the header row repeats on every page.
"""

import io

from livinglab.core.office import xml_safe
from livinglab.reports.layout import (
    HEADER_FILL,
    MARGIN_CM,
    TITLE_PT,
    WIDTHS_CM,
    Report,
    Section,
    image_cm,
)
from livinglab.reports.tracking_table import TrackingTable

BODY_PT = 10
# The elements that follow w:tblBorders in a w:tblPr (ECMA-376 order).
_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")
HEADING_PT = 13


def to_docx(table: TrackingTable, images=(), notice: str = "") -> bytes:
    rows = [row.cells for row in table.rows]
    section = Section("", table.headers, rows, WIDTHS_CM)
    return report_to_docx(Report(table.title, table.subtitle, [section], list(images), notice))


def report_to_docx(report: Report) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    document = Document()
    page = document.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(page, side, Cm(MARGIN_CM))
    _heading(document, xml_safe(report.title), 1, TITLE_PT).alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(xml_safe(report.subtitle)).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for section in report.sections:
        if section.heading:
            _heading(document, xml_safe(section.heading), 2, HEADING_PT)
        if section.note:
            document.add_paragraph(xml_safe(section.note))
        if section.rows or not section.note:
            _table(document, section)
    if report.notice and report.images:  # the charts' heading, on a page of their own
        heading = _heading(document, report.notice, 2, HEADING_PT)
        heading.paragraph_format.page_break_before = True
    elif report.notice:  # why there are no charts
        document.add_paragraph(report.notice)
    for image in report.images:
        width, height = image_cm(image)
        document.add_picture(io.BytesIO(image), width=Cm(width), height=Cm(height))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _heading(document, text: str, level: int, size: int):
    """A heading (in the outline) printed black and bold, not in the template's blue."""
    from docx.shared import Pt, RGBColor

    paragraph = document.add_heading(text, level=level)
    for run in paragraph.runs:
        run.font.size = Pt(size)
        run.font.bold = True
        run.font.color.rgb = RGBColor(0, 0, 0)
    return paragraph


def _table(document, section: Section):
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    widths = [Cm(width) for width in section.column_widths()]
    grid = document.add_table(rows=1, cols=len(section.headers))
    grid.style = "Table Grid"
    grid.autofit = False  # w:tblLayout fixed
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    properties = grid._tbl.tblPr
    properties.insert_element_before(_borders(), *_AFTER_BORDERS)
    total = properties.find(qn("w:tblW"))
    total.set(qn("w:type"), "dxa")
    total.set(qn("w:w"), str(sum(width.twips for width in widths)))
    for column, width in zip(grid._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(width.twips))

    header = grid.rows[0]
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for cell, text in zip(header.cells, section.headers, strict=True):
        cell.text = xml_safe(text)
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), HEADER_FILL)
        cell._tc.get_or_add_tcPr().append(shading)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in section.rows:
        row = grid.add_row()
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = xml_safe(text)
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_after = Pt(0)
                for run in paragraph.runs:
                    run.font.size = Pt(BODY_PT)
    return grid


def _borders():
    """Single thin lines around and between all cells."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    return borders
