"""A planned trial is seen by those it concerns; running and ended trials by everyone,
with their KPIs charted and their ending (adopted or closed with lessons) on the page."""

from decimal import Decimal

import pytest
from django.utils import timezone

from livinglab.trials.services import change_status, record_measurement
from tests.conftest import PASSWORD


def _get(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize(
    ("who", "status"),
    [(None, 404), ("reviewer", 404), ("proposer", 200), ("secretary", 200), ("officer", 404)],
)
def test_planned_trial_is_seen_only_by_those_it_concerns(client, world, trial, who, status):
    user = getattr(world, who) if who else None
    assert _get(client, user, trial.get_absolute_url()).status_code == status


def test_sponsoring_agencys_officer_sees_the_planned_trial(client, world, trial, django_user_model):
    from livinglab.orgs.models import Membership

    officer = django_user_model.objects.create_user("transport_officer", password=PASSWORD)
    Membership.objects.create(user=officer, role="officer", organisation=world.transport)
    assert _get(client, officer, trial.get_absolute_url()).status_code == 200


def test_running_trial_is_public_with_its_kpis_and_charts(client, world, trial):
    change_status(world.secretary, trial, "running")
    record_measurement(world.proposer, trial.kpis.first(), timezone.localdate(), Decimal("81"))
    response = client.get(trial.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert trial.title in page and "路口平均等候秒數" in page
    for kpi in trial.kpis.all():
        assert f"/reports/trials/{trial.pk}/kpis/{kpi.pk}.svg" in page
    assert "/measurements/" not in page and "/status/" not in page  # no forms for the public


def test_closed_trial_shows_its_lessons_to_everyone(client, world, trial):
    change_status(world.secretary, trial, "running")
    change_status(world.secretary, trial, "closed", lessons="雨天時影像辨識失準，需改用雷達。")
    page = client.get(trial.get_absolute_url()).content.decode()
    assert "雨天時影像辨識失準，需改用雷達。" in page


def test_adopted_trial_shows_how_it_was_adopted(client, world, trial):
    change_status(world.secretary, trial, "running")
    change_status(
        world.secretary, trial, "adopted", outcome="export", outcome_note="新北市接續導入"
    )
    with_english = client.get(trial.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    page = with_english.content.decode()
    assert "新北市接續導入" in page


def test_kpi_chart_is_as_public_as_the_trial(client, world, trial):
    kpi = trial.kpis.first()
    url = f"/reports/trials/{trial.pk}/kpis/{kpi.pk}.svg"
    assert client.get(url).status_code == 404
    change_status(world.secretary, trial, "running")
    record_measurement(world.proposer, kpi, timezone.localdate(), Decimal("81"))
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<?xml") and b"<svg" in response.content


def test_user_text_is_escaped_on_the_page(client, world, trial):
    change_status(world.secretary, trial, "running")
    record_measurement(
        world.proposer, trial.kpis.first(), timezone.localdate(), Decimal("1"), "<script>x</script>"
    )
    page = client.get(trial.get_absolute_url()).content.decode()
    assert "<script>x</script>" not in page and "&lt;script&gt;" in page
