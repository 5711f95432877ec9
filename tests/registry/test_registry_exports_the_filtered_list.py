"""The registry as it is filtered and sorted, downloaded as .xlsx, .ods or .csv (issue 12)."""

import io
from urllib.parse import quote

import pytest

from livinglab.tracking.models import Case
from tests.lists.files import csv_rows, ods_rows, xlsx_rows

pytestmark = pytest.mark.django_db(transaction=True)


def test_each_format_holds_the_filtered_rows_in_the_pages_order(client, registry):
    query = {"state": "tracked", "sort": "case"}
    expected = list(
        Case.objects.filter(body=registry.world.body, state="tracked")
        .order_by("title", "pk")
        .values_list("pk", "title")
    )
    for fmt, read in (("xlsx", xlsx_rows), ("ods", ods_rows), ("csv", csv_rows)):
        response = client.get(f"/cases/export.{fmt}", query)
        assert response.status_code == 200, fmt
        table = read(response.content)
        if fmt != "csv":
            table = table[1:]  # the title row
        header, *body = table
        assert header[:2] in (["No.", "Case"], ["編號", "案由"]), fmt
        assert [(int(r[0]), r[1].split("（")[0]) for r in body] == expected, fmt
        assert all("臺北市預算調整" not in str(r) for r in body)  # not visible to the public


def test_text_that_looks_like_a_formula_stays_text(client, registry):
    Case.objects.filter(pk=registry.traps.pk).update(title='=HYPERLINK("http://x","y")')
    rows = xlsx_rows(client.get("/cases/export.xlsx").content)
    titles = [str(r[1]).split("（")[0] for r in rows if str(r[1]).startswith("=")]
    assert titles == ['=HYPERLINK("http://x","y")']
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(client.get("/cases/export.xlsx").content)).active
    cell = next(c for row in sheet.iter_rows() for c in row if str(c.value).startswith("="))
    assert cell.data_type == "s" and cell.quotePrefix
    written = csv_rows(client.get("/cases/export.csv").content)
    assert '\'=HYPERLINK("http://x","y")' in [r[1].split("（")[0] for r in written]
    assert b"table:formula" not in client.get("/cases/export.ods").content


def test_the_file_name_is_readable_in_chinese_and_plain_for_old_clients(client, registry):
    response = client.get("/cases/export.xlsx", HTTP_ACCEPT_LANGUAGE="zh-hant")
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="cases-')
    assert "filename*=UTF-8''" + quote("列管案件") in disposition
    assert disposition.rstrip().endswith(".xlsx")


def test_an_unknown_format_is_not_found(client, registry):
    assert client.get("/cases/export.exe").status_code == 404
