"""The organisations' directory sorts by its headers and downloads as filtered (issue 12)."""

import csv
import io
import re

from livinglab.orgs.models import Organisation


def names(html: str) -> list[str]:
    return re.findall(r'<tr><td><a href="/organisations/\d+/">([^<]+)</a>', html)


def test_headers_sort_the_directory_both_ways(client, world):
    html = client.get("/organisations/", {"kind": "agency", "sort": "name"}).content.decode()
    expected = list(
        Organisation.objects.filter(kind="agency").order_by("name").values_list("name", flat=True)
    )
    assert names(html) == expected
    assert re.search(
        r'aria-sort="ascending"><a class="sort-link" href="\?kind=agency&amp;sort=-name"', html
    )
    html = client.get("/organisations/", {"kind": "agency", "sort": "-name"}).content.decode()
    assert names(html) == expected[::-1]
    assert client.get("/organisations/", {"sort": "pk;drop"}).status_code == 200


def test_the_download_is_the_filtered_list_in_its_order(client, world):
    response = client.get("/organisations/export.csv", {"q": "交通", "sort": "-name"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    expected = list(
        Organisation.objects.search("交通").order_by("-name").values_list("name", flat=True)
    )
    assert [r[0] for r in rows[1:]] == expected and expected
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(client.get("/organisations/export.xlsx").content))
    cells = [row[0].value for row in book.active.iter_rows(min_row=3)]
    assert "臺北市政府交通局" in cells
    assert client.get("/organisations/export.ods").status_code == 200


def test_a_page_link_keeps_the_filters_and_the_order(client, world):
    for n in range(55):
        Organisation.objects.create(name=f"測試公司{n:02}", kind="company")
    html = client.get("/organisations/", {"kind": "company", "sort": "-name"}).content.decode()
    assert 'href="?kind=company&amp;sort=-name&amp;page=2"' in html
