"""A person is shown by the name they go by (林書記, 陳科員), never by their login name:
on a progress report, in a case's history and in the page header."""

import datetime as dt

import pytest
from django.urls import reverse

from livinglab.meetings.models import Meeting
from livinglab.tracking.models import Case, CaseAgency, CaseLink, Decision, DecisionAgency
from livinglab.tracking.services.lifecycle import rename_case
from livinglab.work.models import Assignment
from livinglab.work.services import NewReport, file_report, review_report, sync_assignments

EN = {"accept-language": "en"}


@pytest.fixture
def named(world):
    for user, name in [(world.secretary, "林書記"), (world.officer, "陳科員")]:
        user.first_name = name
        user.save()
    meeting = Meeting.objects.create(
        body=world.body, title="第1次工作小組", date=dt.date(2024, 9, 27)
    )
    case = Case.objects.create(body=world.body, title="青創交流合作", state=Case.State.TRACKED)
    decision = Decision.objects.create(
        meeting=meeting, position=1, text="青創交流合作：請續辦。", status="tracked"
    )
    CaseLink.objects.create(decision=decision, case=case, name=case.title, method="exact")
    DecisionAgency.objects.create(decision=decision, organisation=world.industry, role="lead")
    CaseAgency.objects.create(case=case, organisation=world.industry, role="lead")
    sync_assignments(Case.objects.filter(pk=case.pk))
    return case


def test_a_progress_report_names_its_author_and_reviewer(client, world, named):
    assignment = Assignment.objects.get(case=named, organisation=world.industry)
    report = file_report(world.officer, assignment, NewReport("已完成需求訪談。"))
    review_report(world.secretary, report, accept=True)
    client.force_login(world.officer)
    page = client.get(reverse("work:assignment", args=[assignment.pk]), headers=EN).content.decode()
    assert "filed by 陳科員" in page and "by 林書記" in page
    assert "filed by officer" not in page and "by secretary" not in page


def test_the_case_history_names_who_changed_the_case(client, world, named):
    rename_case(world.secretary, named, "青年創業交流合作")
    client.force_login(world.secretary)
    page = client.get(reverse("tracking:case", args=[named.pk]), headers=EN).content.decode()
    assert "— 林書記" in page
    assert "— secretary" not in page


def test_the_header_shows_the_signed_in_persons_display_name(client, world, named):
    client.force_login(world.officer)
    page = client.get(reverse("core:home"), headers=EN).content.decode()
    assert '<span class="user-name">陳科員</span>' in page
