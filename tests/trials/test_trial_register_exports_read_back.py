"""The trial register opens back as the same rows in .ods and .xlsx."""

import io
from decimal import Decimal

import pytest
from django.utils import timezone

from livinglab.trials.services import change_status, record_measurement


def _ods_rows(data: bytes) -> list[list[str]]:
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = load(io.BytesIO(data))
    [sheet] = document.spreadsheet.getElementsByType(Table)
    rows = []
    for row in sheet.getElementsByType(TableRow):
        cells = []
        for cell in row.getElementsByType(TableCell):
            cells.append("\n".join(str(p) for p in cell.getElementsByType(P)))
        rows.append(cells)
    return rows


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data)).active
    return [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def adopted(world, trial):
    change_status(world.secretary, trial, "running")
    record_measurement(world.proposer, trial.kpis.first(), timezone.localdate(), Decimal("72"))
    change_status(
        world.secretary, trial, "adopted", outcome="scale_up", outcome_note="擴大至全市 40 處路口"
    )
    return trial


@pytest.mark.parametrize(("fmt", "read"), [("ods", _ods_rows), ("xlsx", _xlsx_rows)])
def test_register_reads_back(client, world, adopted, fmt, read):
    response = client.get(f"/trials/register.{fmt}", HTTP_ACCEPT_LANGUAGE="zh-hant")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{fmt}"')
    header, row = read(response.content)
    assert len(header) == 11 and row[0] == "1"
    assert row[1] == adopted.title
    assert row[2] == "晨光感測股份有限公司"
    assert row[3] == "臺北市政府交通局"
    assert "擴大至全市 40 處路口" in row[8]
    assert "路口平均等候秒數 (秒)：95 → 72" in row[10]


def test_register_lists_only_what_the_user_may_see(client, world, trial):
    from tests.trials.test_trial_register_exports_read_back import _xlsx_rows

    public = _xlsx_rows(client.get("/trials/register.xlsx").content)
    assert len(public) == 1  # the header only: a planned trial is not public
    client.force_login(world.secretary)
    assert len(_xlsx_rows(client.get("/trials/register.xlsx").content)) == 2


def test_a_formula_in_a_title_stays_text(client, world, trial):
    trial.title = '=HYPERLINK("http://x")'
    trial.save()
    client.force_login(world.secretary)
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(client.get("/trials/register.xlsx").content)).active
    assert sheet["B2"].data_type == "s" and sheet["B2"].value.startswith("=HYPERLINK")


def test_unknown_format_is_not_found(client):
    assert client.get("/trials/register.csv").status_code == 404
