"""The tracking table through the API: the page's formats, for the body's secretariat
only, and the table of one meeting of the body."""

import datetime as dt

import pytest

from livinglab.meetings.models import Meeting
from livinglab.reports.exports import CONTENT_TYPES, FORMATS
from tests.reports.readback import rows_of
from tests.work.conftest import make_case


@pytest.fixture(autouse=True)
def quick_charts(monkeypatch):
    """The .odt/.docx tables carry charts; drawing them is not what is tested here."""
    from livinglab.reports import charts

    monkeypatch.setattr(charts, "render_all_png", lambda *args, **kwargs: [])


@pytest.mark.parametrize("fmt", FORMATS)
def test_secretary_downloads_the_table_in_each_format_of_the_page(world, api_as, fmt):
    make_case(world, "智慧路燈合作案", lead=world.industry)
    answer = api_as("secretary").get(f"/api/bodies/{world.body.pk}/tracking-table", {"format": fmt})
    assert answer.status_code == 200
    assert answer["Content-Type"] == CONTENT_TYPES[fmt]
    assert f'.{fmt}"' in answer["Content-Disposition"]
    assert answer["X-Case-Count"] == "1"
    text = "\n".join(cell for row in rows_of(fmt, answer.content) for cell in row)
    assert "智慧路燈合作案" in text


def test_the_table_for_one_meeting_of_the_body(world, api_as):
    make_case(world, "智慧路燈合作案", lead=world.industry)
    meeting = Meeting.objects.get(body=world.body)
    answer = api_as("secretary").get(
        f"/api/bodies/{world.body.pk}/tracking-table", {"meeting": meeting.pk}
    )
    assert answer.status_code == 200
    assert f"meeting-{meeting.pk}" in answer["Content-Disposition"]


def test_a_meeting_of_another_body_is_not_found(world, api_as):
    other = Meeting.objects.create(
        body=world.private_body, title="別的會", date=dt.date(2024, 1, 2)
    )
    answer = api_as("secretary").get(
        f"/api/bodies/{world.body.pk}/tracking-table", {"meeting": other.pk}
    )
    assert answer.status_code == 404


@pytest.mark.parametrize("who", ["officer", "reviewer", "proposer"])
def test_only_the_secretariat_downloads_it(world, api_as, who):
    answer = api_as(who).get(f"/api/bodies/{world.body.pk}/tracking-table")
    assert answer.status_code == 403


def test_another_bodys_secretary_cannot_download_it(world, api_as):
    private = api_as("secretary").get(f"/api/bodies/{world.private_body.pk}/tracking-table")
    assert private.status_code == 404  # the secretary of the public body only


def test_the_public_is_asked_to_sign_in(client, world):
    assert client.get(f"/api/bodies/{world.body.pk}/tracking-table").status_code == 401


@pytest.mark.parametrize(
    "query", [{"format": "pdf"}, {"format": ""}, {"meeting": 0}, {"meeting": 2**63}]
)
def test_wrong_parameters_are_refused(world, api_as, query):
    answer = api_as("secretary").get(f"/api/bodies/{world.body.pk}/tracking-table", query)
    assert answer.status_code == 422
