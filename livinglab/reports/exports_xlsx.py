"""The tracking table as an .xlsx sheet (openpyxl) that prints on A4 landscape.

Neither Excel nor LibreOffice fits a row's height to wrapped text when it opens a file
openpyxl wrote, so every row gets a height worked out from its text and column widths.
"""

import io

from livinglab.core.office import append_row
from livinglab.reports.layout import HEADER_FILL, TITLE_PT, WIDTHS_CM, line_count
from livinglab.reports.tracking_table import TrackingTable

SHEET = "列管"
# Column width units (about one half-width character of the default 11 pt font) a
# centimetre; a CJK character is two.
UNITS_PER_CM = 5.0
FONT_PT = 11
LINE_PT = 15.0  # one line of 11 pt CJK text, with its leading
MAX_ROW_PT = 409.0  # the tallest row Excel allows
TITLE_ROW, SUBTITLE_ROW, HEADER_ROW = 1, 2, 3


def column_units(widths_cm=WIDTHS_CM) -> list[float]:
    return [round(width * UNITS_PER_CM, 1) for width in widths_cm]


def row_height(values: list[str], units: list[float]) -> float:
    """Points a row needs for its tallest cell to show every line, wrapped."""
    # A character's width is left for the cell padding.
    lines = max(line_count(text, width - 1) for text, width in zip(values, units, strict=True))
    return min(MAX_ROW_PT, lines * LINE_PT + 4)


def to_xlsx(table: TrackingTable) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    names = table.headers
    count = len(names)
    last = get_column_letter(count)
    units = column_units()
    for index, width in enumerate(units, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    append_row(sheet, [table.title])
    append_row(sheet, [table.subtitle])
    for row, size in ((TITLE_ROW, TITLE_PT), (SUBTITLE_ROW, FONT_PT)):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=count)
        cell = sheet.cell(row=row, column=1)
        cell.font = Font(size=size, bold=row == TITLE_ROW)
        cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[TITLE_ROW].height = TITLE_PT * 1.8
    sheet.row_dimensions[SUBTITLE_ROW].height = LINE_PT + 4

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    append_row(sheet, names)
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill(fill_type="solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[HEADER_ROW].height = row_height(names, units)

    top = Alignment(wrap_text=True, vertical="top")
    for values in (row.cells for row in table.rows):
        append_row(sheet, values)
        number = sheet.max_row
        for cell in sheet[number]:
            cell.alignment = top
            cell.border = border
        sheet.row_dimensions[number].height = row_height(values, units)

    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{last}{sheet.max_row}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    # Inches: 1 cm at the sides, room for the page number at the foot.
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, footer=0.25)
    sheet.oddFooter.center.text = "&P / &N"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
