"""A progress report is corrected or withdrawn through the API as on the page: by its
agency's officers only, until the secretariat has reviewed it, each change kept as a
revision."""

import pytest

from livinglab.tracking.models import Case
from livinglab.work.models import Assignment, ProgressReport, ReportRevision
from tests.work.conftest import make_case


@pytest.fixture
def report(world, api_as):
    """A report the officer filed on their agency's open assignment, waiting for review."""
    case = make_case(world, "青創交流合作", lead=world.industry)
    assignment = Assignment.objects.get(case=case, organisation=world.industry)
    filed = api_as("officer").post(
        f"/api/assignments/{assignment.pk}/reports",
        {"text": "已完成場勘。", "percent_complete": 40, "expected_completion": "2026-12-31"},
    )
    assert filed.status_code == 201, filed.content
    return ProgressReport.objects.get(pk=filed.json()["id"])


def _patch(api, report, data):
    return api.client.patch(
        f"/api/progress-reports/{report.pk}",
        data,
        content_type="application/json",
        **api.headers,
    )


def test_the_officer_corrects_the_report_and_the_revision_keeps_what_it_said(world, report, api_as):
    api = api_as("officer")
    changed = _patch(api, report, {"text": "已完成場勘及訪談。", "percent_complete": 55})
    assert changed.status_code == 200, changed.content
    answer = changed.json()
    assert answer["text"] == "已完成場勘及訪談。" and answer["percent_complete"] == 55
    assert answer["expected_completion"] == "2026-12-31"  # not sent: left as it was
    [revision] = answer["revisions"]
    assert revision["kind"] == "edited" and revision["by"] == "officer"
    assert revision["before"]["text"] == "已完成場勘。"
    assert revision["after"]["percent_complete"] == 55
    report.refresh_from_db()
    assert (report.text, report.percent_complete, report.status) == (
        "已完成場勘及訪談。",
        55,
        "submitted",
    )
    shown = api_as("secretary").get(f"/api/progress-reports/{report.pk}").json()
    assert [r["kind"] for r in shown["revisions"]] == ["edited"]


def test_an_edit_that_changes_nothing_keeps_no_revision(world, report, api_as):
    same = _patch(api_as("officer"), report, {"text": "已完成場勘。"})
    assert same.status_code == 200
    assert not ReportRevision.objects.exists()


def test_expected_completion_can_be_cleared(world, report, api_as):
    cleared = _patch(api_as("officer"), report, {"expected_completion": None})
    assert cleared.json()["expected_completion"] is None
    report.refresh_from_db()
    assert report.expected_completion is None


def test_the_officer_withdraws_the_report_and_it_leaves_the_review_queue(world, report, api_as):
    api = api_as("officer")
    withdrawn = api.post(f"/api/progress-reports/{report.pk}/withdraw", {"reason": "數據有誤"})
    assert withdrawn.status_code == 200, withdrawn.content
    assert withdrawn.json()["status"] == "withdrawn"
    assert withdrawn.json()["revisions"][-1]["reason"] == "數據有誤"
    queue = api_as("secretary").get("/api/progress-reports", {"status": "submitted"})
    assert queue.json()["items"] == []
    # Withdrawn is final, as on the page: no edit, no second withdrawal, no review.
    assert _patch(api, report, {"text": "再改"}).status_code == 403
    assert api.post(f"/api/progress-reports/{report.pk}/withdraw").status_code == 403
    review = api_as("secretary").post(f"/api/progress-reports/{report.pk}/review", {"accept": True})
    assert review.status_code == 403
    assert ProgressReport.objects.get(pk=report.pk).status == "withdrawn"


def test_a_reviewed_report_is_neither_edited_nor_withdrawn(world, report, api_as):
    api_as("secretary").post(f"/api/progress-reports/{report.pk}/review", {"accept": True})
    api = api_as("officer")
    assert _patch(api, report, {"text": "事後修改"}).status_code == 403
    assert api.post(f"/api/progress-reports/{report.pk}/withdraw").status_code == 403
    report.refresh_from_db()
    assert (report.text, report.status) == ("已完成場勘。", "accepted")
    assert not ReportRevision.objects.exists()


def test_the_secretariat_sees_but_does_not_edit_an_agencys_report(world, report, api_as):
    api = api_as("secretary")
    assert api.get(f"/api/progress-reports/{report.pk}").status_code == 200
    assert _patch(api, report, {"text": "代改"}).status_code == 403
    assert api.post(f"/api/progress-reports/{report.pk}/withdraw").status_code == 403
    assert ProgressReport.objects.get(pk=report.pk).text == "已完成場勘。"


@pytest.mark.parametrize("role", ["other_officer", "reviewer", "proposer"])
def test_others_do_not_reach_the_report(world, report, api_as, role):
    api = api_as(role)
    assert api.get(f"/api/progress-reports/{report.pk}").status_code == 404
    assert _patch(api, report, {"text": "冒名修改"}).status_code == 404
    assert api.post(f"/api/progress-reports/{report.pk}/withdraw").status_code == 404
    assert ProgressReport.objects.get(pk=report.pk).status == "submitted"


def test_anonymous_callers_are_asked_to_sign_in(world, report, client):
    answer = client.patch(
        f"/api/progress-reports/{report.pk}", {"text": "x"}, content_type="application/json"
    )
    assert answer.status_code == 401


def test_a_report_in_a_body_that_is_not_public(world, report, api_as):
    """The agency still corrects its report; the secretariat of another body never sees it."""
    Case.objects.filter(pk=report.assignment.case_id).update(body=world.private_body)
    assert _patch(api_as("officer"), report, {"percent_complete": 60}).status_code == 200
    secretary = api_as("secretary")  # secretariat of the public body only
    assert secretary.get(f"/api/progress-reports/{report.pk}").status_code == 404
    assert _patch(secretary, report, {"text": "x"}).status_code == 404
    assert secretary.post(f"/api/progress-reports/{report.pk}/withdraw").status_code == 404
    assert api_as("admin").get(f"/api/progress-reports/{report.pk}").status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {"text": ""},
        {"text": "  \n "},
        {"text": "x" * 4001},
        {"percent_complete": 101},
        {"percent_complete": -1},
        {"percent_complete": 10**30},
        {"proposal": "burn"},
        {"expected_completion": "2026-13-40"},
    ],
)
def test_bad_fields_are_refused_with_a_message(world, report, api_as, body):
    refused = _patch(api_as("officer"), report, body)
    assert refused.status_code == 422
    assert refused.json()["detail"]
    assert ProgressReport.objects.get(pk=report.pk).text == "已完成場勘。"
    assert not ReportRevision.objects.exists()


def test_a_reason_too_long_is_refused(world, report, api_as):
    refused = api_as("officer").post(
        f"/api/progress-reports/{report.pk}/withdraw", {"reason": "因" * 501}
    )
    assert refused.status_code == 422
    assert ProgressReport.objects.get(pk=report.pk).status == "submitted"
