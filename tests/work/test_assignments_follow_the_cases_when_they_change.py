"""Assignments are made when minutes are confirmed or a case changes, not when a page
reads them; a new assignment tells the agency's officers."""

import datetime as dt

from django.urls import reverse

from livinglab.tracking.models import Case, CaseAgency
from livinglab.tracking.services import correcting, lifecycle
from livinglab.tracking.services.importing import import_minutes
from livinglab.work.models import Assignment, Notification
from tests.imports.records import INDUSTRY_MEETING


def _confirm(world):
    import_minutes(
        world.secretary, world.body, [("紀錄.txt", INDUSTRY_MEETING.encode())], confirm=True
    )


def test_confirmed_minutes_give_the_agencies_their_assignments_at_once(world):
    _confirm(world)

    lamp = Assignment.objects.get(case__title="智慧路燈合作案")
    assert lamp.organisation == world.industry
    assert lamp.deadline == dt.date(2024, 12, 31)
    # The delisted case gives no open assignment.
    assert not Assignment.objects.open().filter(case__title="共享單車資料交換案").exists()


def test_a_new_assignment_notifies_the_agencys_officers(client, world):
    _confirm(world)

    notes = Notification.objects.filter(user=world.officer, kind="assignment_new")
    assert "智慧路燈合作案" in set(notes.values_list("subject", flat=True))
    assert not Notification.objects.filter(user=world.secretary, kind="assignment_new").exists()
    client.force_login(world.officer)
    page = client.get(reverse("work:notifications"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Your agency has a new assignment: “智慧路燈合作案”." in page.content.decode()


def test_a_correction_moves_the_deadline_of_the_assignment(world):
    _confirm(world)
    lamp = Case.objects.get(title="智慧路燈合作案")
    decision = lamp.decisions.get()

    correcting.correct_decision(
        world.secretary,
        decision,
        status=decision.status,
        deadline=dt.date(2025, 3, 31),
        agencies=[
            correcting.Responsible(world.industry),
            correcting.Responsible(world.economic, "supporting"),
        ],
    )

    rows = Assignment.objects.filter(case=lamp).values_list("organisation", "role", "deadline")
    assert set(rows) == {
        (world.industry.pk, "lead", dt.date(2025, 3, 31)),
        (world.economic.pk, "supporting", dt.date(2025, 3, 31)),
    }


def test_a_merge_undone_reopens_the_assignment(world):
    _confirm(world)
    lamp = Case.objects.get(title="智慧路燈合作案")
    scooter = Case.objects.get(title="電動機車充電站布建案")
    lifecycle.merge_cases(world.secretary, [lamp], scooter)
    assert not Assignment.objects.open().filter(case=lamp).exists()

    lifecycle.unmerge_case(world.secretary, Case.objects.get(pk=lamp.pk))

    assert Assignment.objects.open().filter(case=lamp, organisation=world.industry).exists()


def test_reading_the_plate_builds_nothing(client, world):
    """A case written around the services (a bulk load) gets no assignment from a page."""
    case = Case.objects.create(body=world.body, title="智慧路燈示範案")
    Case.objects.filter(pk=case.pk).update(state=Case.State.TRACKED)
    CaseAgency.objects.create(case=case, organisation=world.industry)
    client.force_login(world.officer)

    client.get(reverse("work:plate"))
    client.get("/")
    client.get(reverse("reports:dashboard", args=[world.body.pk]))

    assert not Assignment.objects.filter(case=case).exists()
