"""The secretariat sets the meeting number and date a tracking table is for, chooses the
full decision history or the latest decisions only, and downloads it under a name
that says what it is (issue 12)."""

import datetime as dt
import io
import re
from urllib.parse import quote, unquote

import pytest
from django.utils import translation

from livinglab.reports.layout import WIDTHS_CM
from livinglab.reports.tracking_table import build_table

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_charts(monkeypatch):
    from livinglab.reports import charts

    monkeypatch.setattr(charts, "render_all_png", lambda *args, **kwargs: [])


def test_number_and_date_set_by_the_secretariat_head_the_table(registry):
    table = build_table(registry.body, number=7, date=dt.date(2026, 4, 7))
    with translation.override("zh-hant"):
        assert table.subtitle == "第7次會議 · 115年4月7日"
    default = build_table(registry.body)
    assert default.number == 2  # after the last meeting, the year's no. 1
    assert default.date is None


def _decided_more_than_once(body):
    full = build_table(body)
    row = next(row for row in full.rows if len(row.decisions) >= 2)
    return row, next(r for r in build_table(body, latest_only=True).rows if r.case == row.case)


def test_latest_decisions_only_keeps_each_cases_last_decision(registry):
    full, latest = _decided_more_than_once(registry.body)
    assert latest.decisions == full.decisions[-1:]
    assert full.decisions[0].text in full.cells[3]
    assert full.decisions[0].text not in latest.cells[3]
    with translation.override("en"):
        assert build_table(registry.body, latest_only=True).headers[3] == "Latest decision"


def test_the_page_sets_them_and_its_downloads_carry_them(client, registry):
    world = registry
    full, latest = _decided_more_than_once(world.body)
    first, last = full.decisions[0].text, full.decisions[-1].text
    client.force_login(world.secretary)
    url = f"/reports/bodies/{world.body.pk}/table/"
    html = client.get(url, {"number": "7", "date": "2026-04-07", "decisions": "latest"}).content
    html = html.decode()
    assert last in html and first not in html
    link = re.search(r'href="(/reports/bodies/\d+/table\.docx\?[^"]+)"', html).group(1)
    response = client.get(link.replace("&amp;", "&"))
    assert response.status_code == 200
    from docx import Document

    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "115年4月7日" in text or "2026" in text
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert last in "".join(cells) and first not in "".join(cells)


def test_a_bad_date_is_said_and_the_table_still_shows(client, registry):
    world = registry
    client.force_login(world.secretary)
    response = client.get(f"/reports/bodies/{world.body.pk}/table/", {"date": "yesterday"})
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()


def test_the_file_is_named_for_body_meeting_and_date(client, registry):
    world = registry
    client.force_login(world.secretary)
    response = client.get(
        f"/reports/bodies/{world.body.pk}/table.xlsx",
        {"number": "7", "date": "2026-04-07"},
        HTTP_ACCEPT_LANGUAGE="zh-hant",
    )
    disposition = response["Content-Disposition"]
    ascii_part, utf8_part = disposition.split("; filename*=UTF-8''")
    assert ascii_part == (
        f'attachment; filename="tracking-table-{world.body.pk}_meeting-7_2026-04-07.xlsx"'
    )
    name = unquote(utf8_part)
    body_name = world.body.short_name or world.body.name
    assert name.startswith(body_name) and name.endswith(".xlsx"), name
    assert "第7次會議" in name and "115年4月7日" in name and "列管案件辦理情形表" in name
    assert utf8_part == quote(name, safe="")


def test_the_case_column_is_wide_enough_to_read_in_every_format(registry):
    from docx import Document
    from odf.opendocument import load
    from odf.style import TableColumnProperties
    from openpyxl import load_workbook

    from livinglab.reports.exports import to_docx, to_ods, to_odt, to_xlsx
    from livinglab.reports.exports_xlsx import UNITS_PER_CM

    case_cm = WIDTHS_CM[1]
    assert case_cm >= 5.0  # 14 CJK characters a line at 10 pt
    assert case_cm == max(w for i, w in enumerate(WIDTHS_CM) if i != 3)  # after the decisions
    table = build_table(registry.body)
    docx = Document(io.BytesIO(to_docx(table)))
    assert round(docx.tables[0].rows[0].cells[1].width.cm, 2) == case_cm
    sheet = load_workbook(io.BytesIO(to_xlsx(table))).active
    assert sheet.column_dimensions["B"].width == pytest.approx(case_cm * UNITS_PER_CM)
    for data in (to_ods(table), to_odt(table)):
        widths = [
            p.getAttribute("columnwidth")
            for p in load(io.BytesIO(data)).getElementsByType(TableColumnProperties)
        ]
        assert f"{case_cm}cm" in widths
