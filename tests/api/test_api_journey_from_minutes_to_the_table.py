"""The tracking half's journey through the API alone, as another city's system would
run it: the secretary imports and confirms minutes, the officer sees the assignment and
reports, the secretary accepts, and the next tracking table carries the report."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.imports.records import INDUSTRY_MEETING
from tests.reports.readback import rows_of


@pytest.fixture(autouse=True)
def no_charts(monkeypatch):
    from livinglab.reports import charts

    monkeypatch.setattr(charts, "render_all_png", lambda *args, **kwargs: [])


def test_minutes_to_assignment_to_report_to_table(world, api_as):
    secretary, officer = api_as("secretary"), api_as("officer")
    record = SimpleUploadedFile("第3次會議紀錄.txt", INDUSTRY_MEETING.encode())
    [document] = secretary.post(
        f"/api/bodies/{world.body.pk}/imports", {"files": [record]}, multipart=True
    ).json()
    assert secretary.post(f"/api/imports/{document['id']}/confirm").status_code == 200

    mine = officer.get("/api/assignments", {"open": "true"}).json()["items"]
    lamp = next(a for a in mine if a["case"]["name"] == "智慧路燈合作案")
    assert lamp["deadline"] == "2024-12-31" and lamp["agency"]["id"] == world.industry.pk
    notified = officer.get("/api/notifications", {"unread": "true"}).json()["items"]
    assert any("智慧路燈合作案" in n["text"] for n in notified)

    report = officer.post(
        f"/api/assignments/{lamp['id']}/reports",
        {"text": "兩市路燈資料已完成介接測試。", "percent_complete": 80},
    ).json()
    queue = secretary.get("/api/progress-reports", {"status": "submitted"}).json()["items"]
    assert [r["id"] for r in queue] == [report["id"]]
    accepted = secretary.post(f"/api/progress-reports/{report['id']}/review", {"accept": True})
    assert accepted.json()["status"] == "accepted"

    table = secretary.get(f"/api/bodies/{world.body.pk}/tracking-table", {"format": "xlsx"})
    cells = "\n".join(cell for row in rows_of("xlsx", table.content) for cell in row)
    assert "智慧路燈合作案" in cells
    assert "兩市路燈資料已完成介接測試" in cells
