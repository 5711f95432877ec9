"""The needs list downloads as it is filtered, as .xlsx/.ods/.csv (issue 12)."""

import csv
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.pipeline import make_need


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_download_holds_the_filtered_needs(client, world):
    make_need(world, "長者跌倒偵測", domain_key="health", tags=["ageing"])
    make_need(world, "=路口號誌", tags=["carbon"])
    page = client.get("/needs/", {"q": "跌倒"}).content.decode()
    assert 'href="/needs/export.csv?q=%E8%B7%8C%E5%80%92"' in page
    rows = _csv(client.get("/needs/export.csv", {"q": "跌倒"}))
    assert [r[0] for r in rows[1:]] == ["長者跌倒偵測"]
    everything = _csv(client.get("/needs/export.csv"))
    assert "'=路口號誌" in [r[0] for r in everything]  # never a formula
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(client.get("/needs/export.xlsx").content)).active
    assert {"長者跌倒偵測", "=路口號誌"} <= {row[0].value for row in sheet.iter_rows(min_row=3)}
    assert client.get("/needs/export.ods").status_code == 200


def test_the_download_reads_no_more_for_more_needs(client, world):
    for i in range(3):
        make_need(world, f"需求 {i}", tags=["carbon", "ageing"])
    with CaptureQueriesContext(connection) as few:
        client.get("/needs/export.csv")
    for i in range(20):
        make_need(world, f"另一需求 {i}", tags=["ageing"])
    with CaptureQueriesContext(connection) as many:
        client.get("/needs/export.csv")
    assert len(many) == len(few)
