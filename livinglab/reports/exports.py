"""The tracking table as office documents, laid out for A4 landscape.

Every format carries the body's name as the title, the meeting number and date under
it, then one row per case with the seven columns of `tracking_table.headers()`.
"""

import io

from livinglab.reports.tracking_table import TrackingTable, headers

FORMATS = ("ods", "odt", "xlsx", "docx")
CONTENT_TYPES = {
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
# Column widths in centimetres; they add up to the 27.7 cm between A4 landscape margins.
WIDTHS_CM = (1.2, 4.0, 3.5, 8.0, 5.5, 2.5, 3.0)


def export(table: TrackingTable, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    return {"ods": to_ods, "odt": to_odt, "xlsx": to_xlsx, "docx": to_docx}[fmt](table)


def _body_rows(table: TrackingTable) -> list[list[str]]:
    return [row.cells for row in table.rows]


def to_xlsx(table: TrackingTable) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    sheet = book.active
    sheet.title = "列管"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "3:3"
    sheet.append([table.title])
    sheet.append([table.subtitle])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=7)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=7)
    sheet["A1"].font = Font(size=16, bold=True)
    sheet["A1"].alignment = sheet["A2"].alignment = Alignment(horizontal="center")
    sheet.append(headers())
    for row in _body_rows(table):
        sheet.append(row)
    thin = Side(style="thin")
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if cell.row == 3:
                cell.font = Font(bold=True)
    for index, width in enumerate(WIDTHS_CM):
        sheet.column_dimensions[chr(ord("A") + index)].width = width * 4.5
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_docx(table: TrackingTable, images=()) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.0))
    document.add_heading(table.title, level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(table.subtitle).alignment = WD_ALIGN_PARAGRAPH.CENTER
    grid = document.add_table(rows=1, cols=7)
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, headers(), strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in _body_rows(table):
        for cell, text in zip(grid.add_row().cells, values, strict=True):
            cell.text = text
    for column, width in zip(grid.columns, WIDTHS_CM, strict=True):
        for cell in column.cells:
            cell.width = Cm(width)
    for image in images:
        document.add_picture(io.BytesIO(image), width=Cm(24))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _odf_page_layout(document):
    from odf.style import MasterPage, PageLayout, PageLayoutProperties

    layout = PageLayout(name="A4Landscape")
    layout.addElement(
        PageLayoutProperties(
            pagewidth="29.7cm",
            pageheight="21cm",
            printorientation="landscape",
            margin="1cm",
        )
    )
    document.automaticstyles.addElement(layout)
    document.masterstyles.addElement(MasterPage(name="Default", pagelayoutname=layout))


def _odf_cell(text: str, style=None):
    from odf.table import TableCell
    from odf.text import P

    cell = TableCell(valuetype="string", **({"stylename": style} if style else {}))
    for line in (text or "").split("\n"):
        cell.addElement(P(text=line))
    return cell


def _odf_columns(document, sheet):
    from odf.style import Style, TableColumnProperties
    from odf.table import TableColumn

    for index, width in enumerate(WIDTHS_CM):
        style = Style(name=f"col{index}", family="table-column")
        style.addElement(TableColumnProperties(columnwidth=f"{width}cm"))
        document.automaticstyles.addElement(style)
        sheet.addElement(TableColumn(stylename=style))


def _odf_cell_style(document):
    from odf.style import Style, TableCellProperties

    style = Style(name="cell", family="table-cell")
    style.addElement(TableCellProperties(border="0.5pt solid #000000", wrapoption="wrap"))
    document.automaticstyles.addElement(style)
    return style


def to_ods(table: TrackingTable) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow

    document = OpenDocumentSpreadsheet()
    _odf_page_layout(document)
    cell_style = _odf_cell_style(document)
    sheet = Table(name="列管")
    _odf_columns(document, sheet)
    for text in (table.title, table.subtitle):
        row = TableRow()
        row.addElement(_odf_cell(text))
        sheet.addElement(row)
    for values in [headers(), *_body_rows(table)]:
        row = TableRow()
        for text in values:
            row.addElement(_odf_cell(text, cell_style))
        sheet.addElement(row)
    document.spreadsheet.addElement(sheet)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def to_odt(table: TrackingTable, images=()) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style, TextProperties
    from odf.table import Table, TableRow
    from odf.text import H, P

    document = OpenDocumentText()
    _odf_page_layout(document)
    centred = Style(name="Centred", family="paragraph")
    centred.addElement(ParagraphProperties(textalign="center"))
    title = Style(name="Title", family="paragraph")
    title.addElement(ParagraphProperties(textalign="center"))
    title.addElement(TextProperties(fontsize="16pt", fontweight="bold"))
    for style in (centred, title):
        document.automaticstyles.addElement(style)
    document.text.addElement(H(outlinelevel=1, stylename=title, text=table.title))
    document.text.addElement(P(stylename=centred, text=table.subtitle))
    cell_style = _odf_cell_style(document)
    grid = Table(name="列管")
    _odf_columns(document, grid)
    for values in [headers(), *_body_rows(table)]:
        row = TableRow()
        for text in values:
            row.addElement(_odf_cell(text, cell_style))
        grid.addElement(row)
    document.text.addElement(grid)
    for index, image in enumerate(images):
        _odf_image(document, image, index)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def _odf_image(document, png: bytes, index: int):
    from odf.draw import Frame, Image
    from odf.text import P

    href = document.addPicture(f"Pictures/chart{index}.png", "image/png", png)
    frame = Frame(width="24cm", height="12cm", anchortype="paragraph", name=f"chart{index}")
    frame.addElement(Image(href=href))
    paragraph = P()
    paragraph.addElement(frame)
    document.text.addElement(paragraph)
