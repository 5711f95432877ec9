"""An officer sees only their agency's unpublished reports and files only for it; proposers
and the public cannot reach agency work at all."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from livinglab.tracking.models import Case
from livinglab.work.models import Assignment, ProgressReport
from livinglab.work.services import NewReport, file_report, review_report, sync_assignments


@pytest.fixture
def reports(world, cases):
    sync_assignments(Case.objects.all())
    economic = Assignment.objects.get(case=cases["other"], organisation=world.economic)
    industry = Assignment.objects.get(case=cases["late"], organisation=world.industry)
    return {
        "economic": file_report(world.other_officer, economic, NewReport("經發局草稿")),
        "industry": file_report(world.officer, industry, NewReport("產業局進度")),
    }


def test_officer_cannot_see_another_agencys_unpublished_report(client, world, reports):
    visible = ProgressReport.objects.visible_to(world.officer)
    assert reports["economic"] not in visible and reports["industry"] in visible
    client.force_login(world.officer)
    page = client.get(reverse("work:assignment", args=[reports["economic"].assignment_id]))
    assert page.status_code == 404


def test_shared_case_shows_other_agencys_report_once_accepted(world, cases, reports):
    shared = Assignment.objects.get(case=cases["soon"], organisation=world.economic)
    report = file_report(world.other_officer, shared, NewReport("協辦進度"))
    assert report not in ProgressReport.objects.visible_to(world.officer)
    review_report(world.secretary, report, accept=True)
    assert report in ProgressReport.objects.visible_to(world.officer)


def test_officer_cannot_file_for_another_agency(client, world, reports):
    economic = reports["economic"].assignment
    with pytest.raises(PermissionDenied):
        file_report(world.officer, economic, NewReport("冒名"))
    client.force_login(world.officer)
    response = client.post(reverse("work:assignment", args=[economic.pk]), {"text": "冒名"})
    assert response.status_code == 404
    assert ProgressReport.objects.count() == 2


def test_officer_cannot_review_and_secretary_cannot_file(world, reports):
    with pytest.raises(PermissionDenied):
        review_report(world.officer, reports["industry"], accept=True)
    with pytest.raises(PermissionDenied):
        file_report(world.secretary, reports["industry"].assignment, NewReport("x"))


@pytest.mark.parametrize("who", ["proposer", "reviewer", None])
def test_proposer_reviewer_and_public_cannot_reach_agency_work(client, world, reports, who):
    if who:
        client.force_login(getattr(world, who))
    report = reports["industry"]
    urls = [
        reverse("work:plate"),
        reverse("work:reviews"),
        reverse("work:assignment", args=[report.assignment_id]),
        reverse("reports:tables"),
        reverse("reports:table", args=[world.body.pk]),
        reverse("reports:table_file", args=[world.body.pk, "ods"]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        if response.status_code == 302:
            assert "/accounts/signin/" in response["Location"]
    response = client.post(reverse("work:review", args=[report.pk]), {"decision": "accept"})
    assert response.status_code in (302, 403, 404)
    report.refresh_from_db()
    assert report.status == "submitted"
    user = getattr(world, who) if who else None
    assert not ProgressReport.objects.visible_to(user).exists()
    assert not Assignment.objects.visible_to(user).exists()
