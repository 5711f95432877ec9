"""Agency work through the API: an agency's assignments, filing a progress report and
the secretariat's review, with the pages' permissions for a token."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from livinglab.meetings.models import Body
from livinglab.orgs.models import Membership
from livinglab.work.models import Assignment, Notification, ProgressReport
from tests.api.conftest import TokenClient
from tests.conftest import _user
from tests.work.conftest import make_case


@pytest.fixture
def cases(world):
    today = timezone.localdate()
    made = {
        "late": make_case(
            world, "青創交流合作", lead=world.industry, deadline=today - dt.timedelta(days=3)
        ),
        "soon": make_case(
            world,
            "新興能源經驗交流合作案",
            lead=world.industry,
            supporting=[world.economic],
            deadline=today + dt.timedelta(days=20),
        ),
        "closed": make_case(
            world, "舊案", lead=world.industry, deadline=today - dt.timedelta(days=9)
        ),
        "other": make_case(world, "瑞芳工業區事業廢棄物清運案", lead=world.economic),
    }
    made["closed"].state = "closed"
    made["closed"].save()
    return made


def _titles(answer) -> list[str]:
    return [a["case"]["name"] for a in answer.json()["items"]]


def test_officer_lists_their_agencys_assignments_with_open_and_overdue_filters(
    world, cases, api_as
):
    api = api_as("officer")
    everything = api.get("/api/assignments")
    assert everything.status_code == 200
    assert set(_titles(everything)) == {"青創交流合作", "新興能源經驗交流合作案", "舊案"}
    assert _titles(api.get("/api/assignments", {"open": "true"})) == [
        "青創交流合作",
        "新興能源經驗交流合作案",
    ]
    overdue = api.get("/api/assignments", {"overdue": "true"}).json()["items"]
    assert [a["case"]["name"] for a in overdue] == ["青創交流合作"]
    assert overdue[0]["is_overdue"] is True and overdue[0]["agency"]["id"] == world.industry.pk


def test_overdue_filter_agrees_with_the_one_definition(world, cases, api_as):
    listed = api_as("secretary").get("/api/assignments", {"overdue": "true", "limit": 100})
    assert {a["id"] for a in listed.json()["items"]} == set(
        Assignment.objects.overdue().values_list("pk", flat=True)
    )


def test_secretary_filters_by_agency(world, cases, api_as):
    answer = api_as("secretary").get("/api/assignments", {"agency": world.economic.pk})
    assert set(_titles(answer)) == {"新興能源經驗交流合作案", "瑞芳工業區事業廢棄物清運案"}


def test_an_assignment_shows_the_decision_to_act_on(world, cases, api_as):
    assignment = Assignment.objects.get(case=cases["late"], organisation=world.industry)
    detail = api_as("officer").get(f"/api/assignments/{assignment.pk}").json()
    assert detail["decision_text"] == "青創交流合作：請持續辦理。"
    assert detail["reports"] == []


def test_officer_files_a_report_and_the_secretary_accepts_it(world, cases, api_as):
    assignment = Assignment.objects.get(case=cases["late"], organisation=world.industry)
    filed = api_as("officer").post(
        f"/api/assignments/{assignment.pk}/reports",
        {"text": "已完成場勘。", "percent_complete": 40, "expected_completion": "2026-12-31"},
    )
    assert filed.status_code == 201, filed.content
    report = filed.json()
    assert report["status"] == "submitted" and report["author"] == "officer"
    assert Notification.objects.filter(
        user=world.secretary, kind=Notification.Kind.REPORT_TO_REVIEW
    ).exists()

    api = api_as("secretary")
    queue = api.get("/api/progress-reports", {"status": "submitted"}).json()["items"]
    assert [r["id"] for r in queue] == [report["id"]]
    reviewed = api.post(
        f"/api/progress-reports/{report['id']}/review", {"accept": True, "comment": "好"}
    )
    assert reviewed.status_code == 200
    assert reviewed.json()["status"] == "accepted"
    assert reviewed.json()["reviewed_by"] == "secretary"
    assert ProgressReport.objects.get(pk=report["id"]).status == "accepted"
    again = api.post(f"/api/progress-reports/{report['id']}/review", {"accept": False})
    assert again.status_code == 403  # reviewed already, as on the page
    assert ProgressReport.objects.get(pk=report["id"]).status == "accepted"


def test_secretary_returns_a_report_with_a_comment(world, cases, api_as):
    assignment = Assignment.objects.get(case=cases["soon"], organisation=world.industry)
    report = api_as("officer").post(f"/api/assignments/{assignment.pk}/reports", {"text": "進行中"})
    returned = api_as("secretary").post(
        f"/api/progress-reports/{report.json()['id']}/review",
        {"accept": False, "comment": "請補充數據"},
    )
    assert returned.json()["status"] == "returned"
    assert returned.json()["review_comment"] == "請補充數據"


def test_an_officers_token_cannot_review(world, cases, api_as):
    assignment = Assignment.objects.get(case=cases["late"], organisation=world.industry)
    api = api_as("officer")
    report = api.post(f"/api/assignments/{assignment.pk}/reports", {"text": "已完成"}).json()
    refused = api.post(f"/api/progress-reports/{report['id']}/review", {"accept": True})
    assert refused.status_code == 403
    assert ProgressReport.objects.get(pk=report["id"]).status == "submitted"


def test_another_agencys_officer_cannot_report_or_see(world, cases, api_as):
    assignment = Assignment.objects.get(case=cases["late"], organisation=world.industry)
    api = api_as("other_officer")
    assert api.get(f"/api/assignments/{assignment.pk}").status_code == 404
    refused = api.post(f"/api/assignments/{assignment.pk}/reports", {"text": "冒名回報"})
    assert refused.status_code == 404
    assert not ProgressReport.objects.exists()
    assert "青創交流合作" not in api.get("/api/assignments").content.decode()


def test_the_secretariat_does_not_report_for_an_agency(world, cases, api_as):
    assignment = Assignment.objects.get(case=cases["late"], organisation=world.industry)
    refused = api_as("secretary").post(
        f"/api/assignments/{assignment.pk}/reports", {"text": "代填"}
    )
    assert refused.status_code == 403
    assert not ProgressReport.objects.exists()


def test_no_report_on_a_closed_case(world, cases, api_as):
    assignment = Assignment.objects.get(case=cases["closed"], organisation=world.industry)
    refused = api_as("officer").post(f"/api/assignments/{assignment.pk}/reports", {"text": "x"})
    assert refused.status_code == 403


def test_another_bodys_secretary_cannot_review(world, cases, api_as, client):
    assignment = Assignment.objects.get(case=cases["late"], organisation=world.industry)
    report = api_as("officer").post(f"/api/assignments/{assignment.pk}/reports", {"text": "完成"})
    other = _user("other_secretary")
    Membership.objects.create(user=other, role="secretariat", body=Body.objects.create(name="他會"))
    api = TokenClient(client, other)
    refused = api.post(f"/api/progress-reports/{report.json()['id']}/review", {"accept": True})
    assert refused.status_code == 404
    assert api.get("/api/progress-reports").json()["items"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"text": "x", "percent_complete": 101},
        {"text": "x", "percent_complete": -1},
        {"text": "x", "percent_complete": 10**30},
        {"text": ""},
        {"text": " \u3000\n"},  # only spaces: blank, as the form says
        {"text": "x" * 4001},
        {"text": "x", "proposal": "burn"},
        {"text": "x", "expected_completion": "2026-13-40"},
    ],
)
def test_out_of_range_report_fields_are_refused(world, cases, api_as, body):
    assignment = Assignment.objects.get(case=cases["late"], organisation=world.industry)
    refused = api_as("officer").post(f"/api/assignments/{assignment.pk}/reports", body)
    assert refused.status_code == 422
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        {"agency": 0},
        {"agency": 2**64},
        {"body": -5},
        {"limit": 0},
        {"limit": 10**6},
        {"offset": 10**12},
        {"overdue": "maybe"},
    ],
)
def test_out_of_range_filters_are_refused(world, api_as, query):
    assert api_as("officer").get("/api/assignments", query).status_code == 422


def _queries(api, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        answer = api.get(path, {"limit": 50})
    assert answer.status_code == 200
    return len(queries)


def test_assignment_list_queries_do_not_grow_with_its_length(world, api_as):
    api = api_as("secretary")
    make_case(world, "第一號合作案", lead=world.industry)
    api.get("/api/assignments")  # the token's first use is recorded once
    few = _queries(api, "/api/assignments")
    for n in range(12):
        make_case(world, f"第{n}號合作案", lead=world.industry, supporting=[world.economic])
    assert _queries(api, "/api/assignments") == few
    assert api.get("/api/assignments").json()["count"] == 25


def test_report_list_queries_do_not_grow_with_its_length(world, api_as):
    officer, api = api_as("officer"), api_as("secretary")
    api.get("/api/progress-reports")

    def report_on_all():
        for assignment in Assignment.objects.filter(reports=None):
            officer.post(f"/api/assignments/{assignment.pk}/reports", {"text": "辦理中"})

    make_case(world, "第一號合作案", lead=world.industry)
    report_on_all()
    few = _queries(api, "/api/progress-reports")
    for n in range(8):
        make_case(world, f"第{n}號合作案", lead=world.industry)
    report_on_all()
    assert _queries(api, "/api/progress-reports") == few
    assert api.get("/api/progress-reports").json()["count"] == 9
