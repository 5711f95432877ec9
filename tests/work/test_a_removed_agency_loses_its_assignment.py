"""When the secretariat takes an agency off a case, the agency's assignment is withdrawn:
off its list and the overdue counts, still on the record with its reports (issue 12)."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from livinglab.orgs.roles import roles_of
from livinglab.reports.dashboard import overdue_by_agency
from livinglab.tracking.models import Case
from livinglab.tracking.services import editing
from livinglab.tracking.services.correcting import Responsible
from livinglab.work import services, waiting
from livinglab.work.models import Assignment, Notification, ProgressReport
from tests.work.conftest import make_case


def _late_case(world):
    """Led by the industry bureau, past its deadline; the economic bureau supports it with a
    deadline a secretary moved to next month."""
    today = timezone.localdate()
    case = make_case(
        world,
        "青創交流合作",
        lead=world.industry,
        supporting=[world.economic],
        deadline=today - dt.timedelta(days=3),
    )
    supporting = Assignment.objects.get(case=case, organisation=world.economic)
    services.set_deadline(world.secretary, supporting, today + dt.timedelta(days=30))
    return case


def _overdue_for(user) -> int:
    lines = waiting.for_user(user, roles_of(user))
    return next(line.count for line in lines if line.url == reverse("work:plate"))


def test_the_removed_agency_leaves_its_list_and_the_overdue_counts(client, world):
    case = _late_case(world)
    lead = Assignment.objects.get(case=case, organisation=world.industry)
    report = services.file_report(world.officer, lead, services.NewReport(text="已召開協調會。"))
    assert Case.objects.overdue().filter(pk=case.pk).exists()
    assert _overdue_for(world.officer) == 1

    client.force_login(world.secretary)
    response = client.post(
        reverse("case_manage:agencies", args=[case.pk]),
        {"agencies-lead": "新北市政府經濟發展局"},
    )
    assert response.status_code == 302

    lead.refresh_from_db()
    assert lead.withdrawn_at is not None and not lead.is_open
    assert ProgressReport.objects.filter(pk=report.pk, assignment=lead).exists()  # kept
    assert not Assignment.objects.open().filter(pk=lead.pk).exists()
    assert not Assignment.objects.overdue().filter(organisation=world.industry).exists()
    assert not Case.objects.overdue().filter(pk=case.pk).exists()
    assert overdue_by_agency(Case.objects.all(), timezone.localdate()) == []
    assert _overdue_for(world.officer) == 0
    client.force_login(world.officer)
    assert "青創交流合作" not in client.get(reverse("work:plate")).content.decode()
    # The officer still reads the assignment and its report, but reports no more on it.
    page = client.get(reverse("work:assignment", args=[lead.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "is no longer responsible for this case" in page.content.decode()
    assert "已召開協調會。" in page.content.decode()
    assert not services.allows(world.officer, "report", lead)
    posted = client.post(
        reverse("work:assignment", args=[lead.pk]),
        {"text": "再報", "percent_complete": 10, "proposal": "keep"},
    )
    assert posted.status_code == 403 and lead.reports.count() == 1


def test_an_agency_named_again_has_its_assignment_back_and_hears_of_it(world):
    case = _late_case(world)
    lead = Assignment.objects.get(case=case, organisation=world.industry)
    editing.set_agencies(world.secretary, case, [Responsible(world.economic)])
    lead.refresh_from_db()
    assert lead.withdrawn_at is not None
    Notification.objects.all().delete()

    editing.set_agencies(
        world.secretary, case, [Responsible(world.economic), Responsible(world.industry)]
    )

    lead.refresh_from_db()
    assert lead.withdrawn_at is None and lead.is_open
    assert Assignment.objects.filter(case=case).count() == 2  # the same row, not a new one
    assert Notification.objects.filter(user=world.officer, kind="assignment_new").exists()
    assert services.sync_assignments(Case.objects.all()) == 0  # idempotent


def test_the_case_page_lists_only_the_agencies_responsible_now(client, world):
    case = _late_case(world)
    editing.set_agencies(world.secretary, case, [Responsible(world.economic)])
    client.force_login(world.secretary)
    html = client.get(case.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    start = html.index('<section class="case-assignments"')
    section = html[start : html.index("</section>", start)]
    assert "新北市政府經濟發展局" in section and "臺北市政府產業發展局" not in section
