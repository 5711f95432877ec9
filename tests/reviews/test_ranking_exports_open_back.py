"""The ranked list downloads as .xlsx and .ods that open back with the same rows."""

import io

import pytest

from .conftest import submitted


@pytest.fixture
def ranked_call(reviews):
    reviews.other.title = '=HYPERLINK("http://example.org")長者跌倒偵測'
    reviews.other.save()
    submitted(reviews, reviews.first, [5, 5, 5, 4])
    submitted(reviews, reviews.second, [2, 1, 2, 1])
    submitted(reviews, reviews.first, [3, 3, 3, 3], proposal=reviews.other)
    return reviews


def test_xlsx(client, ranked_call):
    from openpyxl import load_workbook

    r = ranked_call
    client.force_login(r.world.secretary)
    response = client.get(f"/reviews/calls/{r.call.pk}/ranking.xlsx")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert r.call.title in rows[0][0]
    assert rows[1][0] == "排名"
    first, second = rows[2], rows[3]
    assert first[0] == 1 and first[1] == r.proposal.title and first[8] == 53.13
    assert first[9] == 81.25 and first[10] == "是"
    assert second[0] == 2 and second[1] == r.other.title and second[8] == 50
    cell = sheet.cell(row=4, column=2)
    assert cell.data_type == "s"  # a title beginning with "=" stays text


def test_ods(client, ranked_call):
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    r = ranked_call
    client.force_login(r.world.secretary)
    response = client.get(f"/reviews/calls/{r.call.pk}/ranking.ods")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    document = load(io.BytesIO(response.content))
    table = document.spreadsheet.getElementsByType(Table)[0]

    def text(cell):
        return "".join(str(p) for p in cell.getElementsByType(P))

    rows = [
        [cell for cell in row.getElementsByType(TableCell)]
        for row in table.getElementsByType(TableRow)
    ]
    assert text(rows[2][1]) == r.proposal.title
    assert rows[2][0].getAttribute("valuetype") == "float"
    assert float(rows[2][8].getAttribute("value")) == 53.13
    assert text(rows[2][10]) == "是"
    assert text(rows[3][1]) == r.other.title


def test_unknown_format_is_404(client, ranked_call):
    client.force_login(ranked_call.world.secretary)
    assert client.get(f"/reviews/calls/{ranked_call.call.pk}/ranking.pdf").status_code == 404
