"""An agency's assignments (our plate) sort by their headers, go by pages and download as
sorted; another agency's assignments never reach the file (issue 12)."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from tests.lists.files import body_rows, first_column
from tests.work.conftest import make_case


@pytest.fixture
def plate(world):
    today = timezone.localdate()
    return {
        "late": make_case(
            world, "B 青創交流合作", lead=world.industry, deadline=today - dt.timedelta(days=3)
        ),
        "soon": make_case(
            world,
            "C 新興能源經驗交流合作案",
            lead=world.economic,
            supporting=[world.industry],
            deadline=today + dt.timedelta(days=20),
        ),
        "none": make_case(world, "A 智慧路燈汰換", lead=world.industry),
        "other": make_case(
            world, "D 瑞芳工業區事業廢棄物清運案", lead=world.economic, deadline=today
        ),
    }


def titles(html: str) -> list[str]:
    return re.findall(r'<td class="card-title"><a href="/work/assignments/\d+/">([^<]+)</a>', html)


def test_headers_sort_the_plate_both_ways(client, world, plate):
    client.force_login(world.officer)
    html = client.get("/work/").content.decode()
    assert titles(html) == ["B 青創交流合作", "C 新興能源經驗交流合作案", "A 智慧路燈汰換"]
    html = client.get("/work/", {"sort": "case"}).content.decode()
    assert titles(html) == ["A 智慧路燈汰換", "B 青創交流合作", "C 新興能源經驗交流合作案"]
    assert 'aria-sort="ascending"><a class="sort-link" href="?sort=-case"' in html
    html = client.get("/work/", {"sort": "-deadline"}).content.decode()
    assert titles(html) == ["C 新興能源經驗交流合作案", "B 青創交流合作", "A 智慧路燈汰換"]
    html = client.get("/work/", {"sort": "agency"}).content.decode()
    # One agency: the lead's assignments first, equal ones in the order they were made.
    assert titles(html) == ["B 青創交流合作", "A 智慧路燈汰換", "C 新興能源經驗交流合作案"]


def test_the_download_is_the_plate_in_its_order(client, world, plate):
    client.force_login(world.officer)
    html = client.get("/work/", {"sort": "case"}).content.decode()
    assert 'href="/work/assignments.xlsx?sort=case"' in html
    for fmt, column in first_column(client, "/work/assignments", {"sort": "case"}).items():
        assert column == ["A 智慧路燈汰換", "B 青創交流合作", "C 新興能源經驗交流合作案"], fmt
    rows = body_rows(client.get("/work/assignments.csv", {"sort": "case"}), "csv")
    assert rows[1][2].startswith("臺北市政府產業發展局") and rows[1][3].endswith("逾期")
    assert "協辦" in rows[2][2]


def test_another_agencys_assignments_stay_out_of_the_file(client, world, plate):
    client.force_login(world.officer)
    mine = first_column(client, "/work/assignments", {})
    assert all("D 瑞芳工業區事業廢棄物清運案" not in column for column in mine.values())
    client.force_login(world.other_officer)
    theirs = first_column(client, "/work/assignments", {"sort": "case"})["csv"]
    assert "B 青創交流合作" not in theirs
    client.force_login(world.proposer)
    assert client.get("/work/assignments.csv").status_code == 403


def test_the_plate_goes_by_pages(client, world, plate):
    for n in range(50):
        make_case(world, f"E 案件 {n:02}", lead=world.industry)
    client.force_login(world.officer)
    html = client.get("/work/", {"sort": "case"}).content.decode()
    assert len(titles(html)) == 50 and 'href="?sort=case&amp;page=2"' in html
    html = client.get("/work/", {"sort": "case", "page": 2}).content.decode()
    assert titles(html) == ["E 案件 47", "E 案件 48", "E 案件 49"]
