"""Starting a trial books its site and makes it a tracked case of the sponsoring body."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from livinglab.reports.tracking_table import build_table
from livinglab.tracking.models import Case, CaseEvent
from livinglab.trials.models import Trial
from livinglab.trials.services import TrialRefused, start_trial
from livinglab.work.models import Notification
from tests.trials.conftest import make_proposal, make_site, new_trial


def test_trial_is_a_tracked_case_of_its_body_with_one_event(world):
    trial = start_trial(world.secretary, new_trial(world))
    case = trial.case
    assert case.body == world.body and case.state == Case.State.TRACKED
    assert case.title == trial.title and case.deadline == trial.ends_on
    assert list(case.agencies.all()) == [world.transport]
    [event] = case.events.all()
    assert event.kind == CaseEvent.Kind.TRACKED and event.actor == world.secretary
    assert event.payload == {"trial": trial.pk, "trial_status": "planned"}
    assert trial.status == Trial.Status.PLANNED


def test_trial_books_its_site_for_its_period(world):
    trial = start_trial(world.secretary, new_trial(world))
    booking = trial.booking
    assert (booking.site, booking.starts_on, booking.ends_on) == (
        trial.site,
        trial.starts_on,
        trial.ends_on,
    )
    assert booking.reference == f"trial:{trial.pk}"


def test_trial_appears_in_the_bodys_tracking_table(world):
    trial = start_trial(world.secretary, new_trial(world))
    with translation.override("zh-hant"):
        rows = build_table(world.body).rows
    [row] = [r for r in rows if r.case == trial.case]
    assert row.cells[1] == trial.title
    assert row.cells[2] == "臺北市政府交通局"


def test_proposer_and_agency_are_told(world):
    Notification.objects.all().delete()
    trial = start_trial(world.secretary, new_trial(world))
    told = set(
        Notification.objects.filter(kind="trial_status").values_list("user__username", flat=True)
    )
    assert "proposer" in told and "secretary" not in told  # not the person who started it
    assert Notification.objects.filter(url=trial.get_absolute_url()).exists()


def test_site_booked_beyond_capacity_is_refused_and_nothing_is_saved(world):
    site = make_site(world, capacity=1)
    start_trial(world.secretary, new_trial(world, site=site))
    cases_before = Case.objects.count()
    second = new_trial(world, proposal=make_proposal(world), site=site)
    with pytest.raises(TrialRefused) as refused:
        start_trial(world.secretary, second)
    assert site.name in str(refused.value)
    assert Trial.objects.count() == 1
    assert Case.objects.count() == cases_before
    assert site.bookings.count() == 1


def test_a_proposal_not_accepted_cannot_become_a_trial(world):
    proposal = make_proposal(world, status="under_review")
    with pytest.raises(TrialRefused):
        start_trial(world.secretary, new_trial(world, proposal=proposal))
    assert not Case.objects.exists()


def test_a_proposal_becomes_a_trial_once(world):
    first = start_trial(world.secretary, new_trial(world))
    with pytest.raises(TrialRefused):
        start_trial(
            world.secretary,
            new_trial(world, proposal=first.proposal, site=make_site(world, "另一場域")),
        )
    assert Trial.objects.count() == 1


def test_a_trial_cannot_end_before_it_starts(world):
    spec = new_trial(world)
    spec.starts_on, spec.ends_on = spec.ends_on, spec.starts_on
    with pytest.raises(TrialRefused):
        start_trial(world.secretary, spec)


@pytest.mark.parametrize("who", ["officer", "reviewer", "proposer", "other_officer"])
def test_only_the_bodys_secretariat_starts_a_trial(world, who):
    with pytest.raises(PermissionDenied):
        start_trial(getattr(world, who), new_trial(world))
    assert not Trial.objects.exists() and not Case.objects.exists()


def test_secretariat_of_another_body_cannot_start_one_in_this_body(world, django_user_model):
    from livinglab.meetings.models import Body
    from livinglab.orgs.models import Membership

    other = Body.objects.create(name="新北市智慧城市推動小組")
    clerk = django_user_model.objects.create_user("clerk")
    Membership.objects.create(user=clerk, role="secretariat", body=other)
    with pytest.raises(PermissionDenied):
        start_trial(clerk, new_trial(world))


def test_trial_is_in_the_bodys_tracking_table_export(client, world):
    import io

    from openpyxl import load_workbook

    trial = start_trial(world.secretary, new_trial(world))
    client.force_login(world.secretary)
    response = client.get(f"/reports/bodies/{world.body.pk}/table.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    titles = [row[1] for row in sheet.iter_rows(values_only=True)]
    assert trial.title in titles


def test_trial_is_in_the_bodys_public_registry(client, world):
    trial = start_trial(world.secretary, new_trial(world))
    page = client.get(f"/cases/?body={world.body.pk}").content.decode()
    assert trial.title in page
