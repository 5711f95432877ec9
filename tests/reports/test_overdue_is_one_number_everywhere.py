"""Overdue means one thing everywhere: an open assignment past its deadline, by the
calendar of Taipei. The registry's filter and badges, the dashboard, the draft agenda and
the reminders give the same numbers on the same data."""

import datetime as dt

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from livinglab.reports.agenda import build_agenda
from livinglab.reports.dashboard import build_dashboard
from livinglab.tracking.models import Case
from livinglab.tracking.registry import RegistryFilter, filter_cases
from livinglab.work.models import Assignment
from livinglab.work.reminders import collect_digests
from livinglab.work.services import set_deadline
from tests.work.conftest import make_case

LATE = {"路燈逾期案", "期限改早案"}


@pytest.fixture
def cases(world):
    today = timezone.localdate()
    past, future = today - dt.timedelta(days=3), today + dt.timedelta(days=30)
    make_case(world, "路燈逾期案", lead=world.industry, deadline=past)
    moved_later = make_case(world, "期限改晚案", lead=world.industry, deadline=past)
    moved_earlier = make_case(world, "期限改早案", lead=world.industry, deadline=future)
    set_deadline(world.secretary, Assignment.objects.get(case=moved_later), future)
    set_deadline(world.secretary, Assignment.objects.get(case=moved_earlier), past)
    # Tracked and past its deadline, but no agency owes anything: nothing is overdue.
    make_case(world, "無主辦機關案", lead=world.industry, deadline=past)
    Case.objects.get(title="無主辦機關案").assignments.all().delete()
    return Case.objects.for_body(world.body)


def test_registry_dashboard_agenda_and_reminders_agree(client, world, cases):
    registry = set(
        filter_cases(Case.objects.all(), RegistryFilter(overdue=True)).values_list(
            "title", flat=True
        )
    )
    assert registry == LATE
    client.force_login(world.secretary)
    page = client.get(reverse("tracking:list"), {"body": world.body.pk}).content.decode()
    assert page.count("badge-overdue") == len(LATE)
    dashboard = build_dashboard(cases)
    assert sum(n for _name, n in dashboard.overdue_by_agency) == len(LATE)
    agenda = build_agenda(world.body)
    assert {item.assignment.case.title for item in agenda.overdue} == LATE
    [digest] = collect_digests(7)
    assert {a.case.title for a in digest.overdue} == LATE
    for case in cases:
        assert case.is_overdue() == (case.title in LATE), case.title


def test_the_day_turns_in_taipei(world, monkeypatch):
    """At 02:00 in Taipei (18:00 UTC the day before) yesterday's deadline has passed."""
    make_case(world, "路燈逾期案", lead=world.industry, deadline=dt.date(2025, 1, 1))
    evening_utc = dt.datetime(2025, 1, 1, 18, 0, tzinfo=dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: evening_utc)

    with override_settings(TIME_ZONE="UTC"):
        assert Case.objects.overdue().count() == 1
        assert Assignment.objects.overdue().count() == 1
        assert Case.objects.get().is_overdue()
