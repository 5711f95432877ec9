"""A case name from minutes or a rename may hold control characters or look like a
formula; every export still opens and shows it as the words it is."""

import io

import pytest

from livinglab.reports.exports import export
from livinglab.reports.tracking_table import build_table
from livinglab.work import spreadsheets
from tests.reports.readback import case_titles
from tests.work.conftest import make_case

FORMULA = '=HYPERLINK("http://example.invalid","看這裡")'


@pytest.fixture
def hostile(world):
    make_case(world, "路燈\x01改善\x1f案", lead=world.industry)
    make_case(world, FORMULA, lead=world.economic)
    make_case(world, "+886 熱線", lead=world.economic)
    return world


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "ods", "odt"])
def test_every_format_opens_with_control_characters_dropped(hostile, fmt):
    data = export(build_table(hostile.body), fmt)
    assert case_titles(fmt, data) == ["路燈改善案", FORMULA, "+886 熱線"]


def test_xlsx_tracking_table_holds_no_formula(hostile):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(export(build_table(hostile.body), "xlsx"))).active
    kinds = {cell.data_type for row in sheet.iter_rows() for cell in row if cell.value}
    assert "f" not in kinds
    assert any(cell.value == FORMULA for row in sheet.iter_rows() for cell in row)


def test_bulk_sheet_holds_no_formula():
    from openpyxl import load_workbook

    rows = [["1", FORMULA, "@SUM(A1:A2)", None, "-1+1\x07", "", ""]]
    data = spreadsheets.write("xlsx", "進度", rows)
    sheet = load_workbook(io.BytesIO(data)).active
    values = [cell.value for cell in sheet[2]]
    assert values[1:3] == [FORMULA, "@SUM(A1:A2)"] and values[4] == "-1+1"
    assert {cell.data_type for cell in sheet[2] if cell.value} == {"s"}
