"""The .xlsx prints as a table: body cells wrap, top-aligned, in rows tall enough for all
their lines; the header row is bold on a fill, bordered and repeated on every page; the
title is merged across the columns; the page is A4 landscape, fitted to its width."""

import io
import math
import unicodedata

import pytest
from openpyxl import load_workbook

from livinglab.reports.exports import WIDTHS_CM, to_xlsx
from livinglab.reports.tracking_table import build_table, headers

COLUMNS = "ABCDEFG"


@pytest.fixture
def sheet(registry):
    return load_workbook(io.BytesIO(to_xlsx(build_table(registry.body)))).active


def _least_lines(text: str, width: float) -> int:
    """Lines `text` takes at the least in a column `width` units wide: a line break
    starts a line, and the wide (CJK) characters alone fill two units each."""
    lines = 0
    for line in text.split("\n"):
        wide = sum(unicodedata.east_asian_width(c) in "WF" for c in line)
        lines += max(1, math.ceil(2 * wide / width))
    return lines


def test_body_cells_wrap_top_aligned_in_rows_tall_enough_for_every_line(sheet):
    body = list(sheet.iter_rows(min_row=4))
    assert len(body) == 2
    for row in body:
        for cell in row:
            assert cell.alignment.wrap_text is True, cell.coordinate
            assert cell.alignment.vertical == "top", cell.coordinate
            sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
            assert all(side.style == "thin" for side in sides), cell.coordinate
        decisions = row[3].value
        assert decisions.count("\n") == 2  # three past decisions, one a line
        least = _least_lines(decisions, sheet.column_dimensions["D"].width)
        assert least > 3  # each decision is longer than its column is wide
        # 11 pt text needs at least 14 pt a line; the default height shows one line.
        assert sheet.row_dimensions[row[0].row].height >= 14 * least


def test_columns_have_the_widths_of_the_other_formats(sheet):
    widths = [sheet.column_dimensions[column].width for column in COLUMNS]
    ratios = [width / cm for width, cm in zip(widths, WIDTHS_CM, strict=True)]
    assert max(ratios) - min(ratios) < 0.05, widths
    assert widths[3] > 5 * widths[0]  # 歷次決議 wide, 編號 narrow


def test_header_row_is_bold_on_a_fill_with_borders(sheet):
    header = list(sheet[3])
    assert [cell.value for cell in header] == headers()
    for cell in header:
        assert cell.font.bold, cell.coordinate
        assert cell.fill.fill_type == "solid", cell.coordinate
        assert cell.border.bottom.style == "thin" and cell.border.left.style == "thin"


def test_title_is_merged_across_the_columns_bold_and_larger(sheet, registry):
    merged = {str(cells) for cells in sheet.merged_cells.ranges}
    assert {"A1:G1", "A2:G2"} <= merged
    title = sheet["A1"]
    assert registry.body.name in title.value
    assert title.font.bold and title.font.size >= 14
    assert title.alignment.horizontal == "center"
    assert sheet["A2"].value  # meeting number and date


def test_prints_on_a4_landscape_fitted_to_the_width_with_the_header_on_every_page(sheet):
    setup = sheet.page_setup
    assert setup.orientation == "landscape"
    assert int(setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert int(setup.fitToWidth or 1) == 1  # 1 is the default, written or not
    assert int(setup.fitToHeight) == 0  # as many pages down as it takes
    assert sheet.print_title_rows == "$3:$3"
    margins = sheet.page_margins
    assert all(0 < m <= 0.75 for m in (margins.left, margins.right, margins.top, margins.bottom))
