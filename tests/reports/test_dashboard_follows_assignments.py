"""The dashboard brings agency assignments up to date before counting overdue ones, and
leaves them alone when they already are."""

import datetime as dt

from django.urls import reverse

from livinglab.reports.services import assignments_current
from livinglab.tracking.models import Case
from livinglab.work.models import Assignment
from livinglab.work.services import set_deadline, sync_assignments
from tests.work.conftest import make_case


def _overdue(client, world) -> str:
    html = client.get(reverse("reports:dashboard", args=[world.body.pk])).content.decode()
    return html.split('id="overdue"', 1)[1].split("</table>", 1)[0]


def test_new_cases_and_moved_deadlines_reach_the_overdue_counts(client, world):
    client.force_login(world.secretary)
    case = make_case(world, "智慧路燈示範案", lead=world.industry, deadline=dt.date(2999, 1, 1))
    assert "臺北市政府產業發展局" not in _overdue(client, world)
    assert assignments_current(Case.objects.all())
    Case.objects.filter(pk=case.pk).update(deadline=dt.date(2020, 1, 1))
    assert not assignments_current(Case.objects.all())
    assert "臺北市政府產業發展局" in _overdue(client, world)
    make_case(world, "觀光工廠串聯", lead=world.economic, deadline=dt.date(2020, 1, 1))
    assert not assignments_current(Case.objects.all())
    assert "新北市政府經濟發展局" in _overdue(client, world)


def test_a_deadline_set_by_hand_is_kept(client, world):
    make_case(world, "智慧路燈示範案", lead=world.industry, deadline=dt.date(2020, 1, 1))
    sync_assignments(Case.objects.all())
    set_deadline(world.secretary, Assignment.objects.get(), dt.date(2999, 1, 1))
    assert assignments_current(Case.objects.all())
    client.force_login(world.secretary)
    assert "臺北市政府產業發展局" not in _overdue(client, world)


def test_cases_without_deadlines_are_current(world):
    make_case(world, "智慧路燈示範案", lead=world.industry, deadline=None)
    sync_assignments(Case.objects.all())
    assert assignments_current(Case.objects.all())
