import datetime as dt

from livinglab.reports.tracking_table import build_table
from tests.corrections.conftest import correct_url, correction


def _correct(client, world, lamp):
    client.force_login(world.secretary)
    response = client.post(
        correct_url(lamp),
        correction(lamp, deadline="2025-03-31", lead="交通局", supporting="產業局"),
    )
    assert response.status_code == 302


def test_the_case_history_says_what_changed_who_and_when(client, world, lamp):
    case = lamp.cases.get()
    _correct(client, world, lamp)

    page = client.get(case.get_absolute_url()).content.decode()
    assert "decision corrected by hand" in page
    assert "secretary" in page  # the city's staff read who corrected it

    client.logout()  # anyone who may read the case sees the correction, but not by whom
    page = client.get(case.get_absolute_url()).content.decode()

    assert "decision corrected by hand" in page
    assert "secretary" not in page.split("<main", 1)[1]
    assert "<del>2024-12-31</del> → <ins>2025-03-31</ins>" in page
    assert "臺北市政府交通局 (lead agency)" in page
    assert "臺北市政府產業發展局 (supporting agency)" in page


def test_the_case_page_and_tracking_table_follow_the_correction(client, world, lamp):
    case = lamp.cases.get()
    _correct(client, world, lamp)

    page = client.get(case.get_absolute_url()).content.decode()
    assert "2025-03-31" in page.split("Current deadline", 1)[1][:200]
    [row] = [row for row in build_table(world.body).rows if row.case.pk == case.pk]
    assert row.lead == ["臺北市政府交通局"]
    assert row.supporting == ["臺北市政府產業發展局"]
    assert row.deadline == dt.date(2025, 3, 31)
