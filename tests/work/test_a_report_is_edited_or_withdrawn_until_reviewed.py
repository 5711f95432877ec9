"""An agency may correct or withdraw its progress report until the secretariat reviews
it; each edit and the withdrawal stay on the report's record (what, who, when). Nobody
else may: not another agency's officer, not another body's secretariat, not a visitor."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from livinglab.meetings.models import Body
from livinglab.orgs.models import Membership
from livinglab.work.models import Assignment, ProgressReport, ReportRevision
from livinglab.work.services import (
    NewReport,
    edit_report,
    file_report,
    review_report,
    withdraw_report,
)


@pytest.fixture
def report(world, cases):
    assignment = Assignment.objects.get(case=cases["late"], organisation=world.industry)
    return file_report(world.officer, assignment, NewReport("已完成需求訪談", 20))


@pytest.fixture
def other_secretary(world):
    person = get_user_model().objects.create_user("other_secretary", password="x")
    council = Body.objects.create(name="臺北市政府市政會議", secretariat=world.transport)
    Membership.objects.create(user=person, role="secretariat", body=council)
    return person


def test_an_edit_changes_the_report_and_keeps_what_it_said(client, world, report):
    client.force_login(world.officer)
    url = reverse("work:report_edit", args=[report.pk])
    assert "已完成需求訪談" in client.get(url).content.decode()

    response = client.post(
        url,
        {"text": "已完成需求訪談及場勘", "percent_complete": 35, "proposal": "keep"},
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.text, report.percent_complete) == ("已完成需求訪談及場勘", 35)
    [revision] = report.revisions.all()
    assert revision.kind == ReportRevision.Kind.EDITED and revision.actor == world.officer
    assert revision.before["text"] == "已完成需求訪談" and revision.before["percent_complete"] == 20
    page = client.get(
        reverse("work:assignment", args=[report.assignment_id]), HTTP_ACCEPT_LANGUAGE="en"
    )
    html = page.content.decode()
    assert "edited by officer on" in html
    assert "<del>已完成需求訪談</del> → <ins>已完成需求訪談及場勘</ins>" in html


def test_an_edit_that_changes_nothing_records_nothing(world, report):
    edit_report(world.officer, report, NewReport("已完成需求訪談", 20))
    assert not report.revisions.exists()


def test_a_withdrawn_report_leaves_the_review_queue_and_stays_on_record(client, world, report):
    client.force_login(world.officer)
    response = client.post(
        reverse("work:report_withdraw", args=[report.pk]), {"reason": "數字有誤，重新填報"}
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.WITHDRAWN
    assert report.revisions.get().reason == "數字有誤，重新填報"
    assert report not in ProgressReport.objects.submitted()
    client.force_login(world.secretary)
    queue = client.get(reverse("work:reviews")).content.decode()
    assert "已完成需求訪談" not in queue
    with pytest.raises(PermissionDenied):
        review_report(world.secretary, report, accept=True)


def test_a_reviewed_report_can_no_longer_be_edited_or_withdrawn(client, world, report):
    review_report(world.secretary, report, accept=True)

    with pytest.raises(PermissionDenied):
        edit_report(world.officer, report, NewReport("改寫"))
    with pytest.raises(PermissionDenied):
        withdraw_report(world.officer, report)
    client.force_login(world.officer)
    assert client.get(reverse("work:report_edit", args=[report.pk])).status_code == 403
    page = client.get(reverse("work:assignment", args=[report.assignment_id])).content.decode()
    assert reverse("work:report_edit", args=[report.pk]) not in page


def test_a_withdrawal_after_the_review_began_does_not_undo_it(world, report):
    """The service reads the report again under its lock: a stale copy cannot withdraw."""
    stale = ProgressReport.objects.get(pk=report.pk)
    review_report(world.secretary, report, accept=False)
    with pytest.raises(PermissionDenied):
        withdraw_report(world.officer, stale)
    assert ProgressReport.objects.get(pk=report.pk).status == ProgressReport.Status.RETURNED


def test_others_cannot_edit_or_withdraw(client, world, report, other_secretary):
    for person in (world.other_officer, world.secretary, other_secretary):
        with pytest.raises(PermissionDenied):
            edit_report(person, report, NewReport("冒名"))
        with pytest.raises(PermissionDenied):
            withdraw_report(person, report)
    edit_url = reverse("work:report_edit", args=[report.pk])
    withdraw_url = reverse("work:report_withdraw", args=[report.pk])
    client.force_login(world.other_officer)
    assert client.get(edit_url).status_code == 404  # another agency's draft is not shown
    assert client.post(withdraw_url).status_code == 404
    client.force_login(other_secretary)
    assert client.post(withdraw_url).status_code == 404
    client.force_login(world.secretary)
    assert client.post(withdraw_url).status_code == 403
    client.logout()
    response = client.post(withdraw_url)
    assert response.status_code == 302 and "signin" in response["Location"]
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.SUBMITTED and not report.revisions.exists()


def test_the_assignment_page_shows_the_decision_to_act_on_and_links_the_case(client, world, cases):
    assignment = Assignment.objects.get(case=cases["soon"], organisation=world.industry)
    client.force_login(world.officer)
    html = client.get(
        reverse("work:assignment", args=[assignment.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Decision to act on" in html
    assert "新興能源經驗交流合作案：請持續辦理。" in html
    assert f'href="{cases["soon"].get_absolute_url()}"' in html
    assert "第1次工作小組" in html
