"""The proposer enters a value or uploads a CSV on the trial page; bad files are explained."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from livinglab.trials.models import Measurement
from livinglab.trials.services import change_status


def _signed_in(client, user):
    client.force_login(user)
    return client


def test_proposer_enters_a_value_by_form(client, world, trial):
    kpi = trial.kpis.first()
    response = _signed_in(client, world.proposer).post(
        f"/trials/{trial.pk}/measurements/",
        {"kpi": kpi.pk, "on": timezone.localdate().isoformat(), "value": "77.5", "note": ""},
    )
    assert response.status_code == 302
    assert Measurement.objects.get().value == 77.5


def test_form_refuses_a_kpi_of_another_trial(client, world, trial):
    from livinglab.trials.services import NewKpi, add_kpi, start_trial
    from tests.trials.conftest import make_proposal, make_site, new_trial

    other = start_trial(
        world.secretary,
        new_trial(world, proposal=make_proposal(world), site=make_site(world, "大安森林公園")),
    )
    foreign = add_kpi(world.secretary, other, NewKpi("遊客人次", "人"))
    response = _signed_in(client, world.proposer).post(
        f"/trials/{trial.pk}/measurements/",
        {"kpi": foreign.pk, "on": timezone.localdate().isoformat(), "value": "5"},
    )
    assert response.status_code == 400
    assert not Measurement.objects.exists()


def test_bad_csv_lists_its_lines_and_saves_nothing(client, world, trial):
    day = (timezone.localdate() - dt.timedelta(days=2)).isoformat()
    data = f"指標,日期,數值\n路口平均等候秒數,{day},90\n公車準點率,{day},abc\n".encode()
    response = _signed_in(client, world.proposer).post(
        f"/trials/{trial.pk}/measurements/upload/",
        {"file": SimpleUploadedFile("values.csv", data, "text/csv")},
        HTTP_ACCEPT_LANGUAGE="zh-hant",
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "abc" in page and "3" in page
    assert not Measurement.objects.exists()


def test_good_csv_is_saved_and_counted(client, world, trial):
    day = (timezone.localdate() - dt.timedelta(days=2)).isoformat()
    data = f"kpi,date,value\n公車準點率,{day},84\n".encode()
    signed = _signed_in(client, world.proposer)
    response = signed.post(
        f"/trials/{trial.pk}/measurements/upload/",
        {"file": SimpleUploadedFile("values.csv", data, "text/csv")},
        follow=True,
    )
    assert response.status_code == 200
    assert Measurement.objects.get().source == "csv"


def test_another_proposer_cannot_post_to_a_public_trial(client, world, trial, other_proposer):
    change_status(world.secretary, trial, "running")
    response = _signed_in(client, other_proposer).post(
        f"/trials/{trial.pk}/measurements/",
        {"kpi": trial.kpis.first().pk, "on": timezone.localdate().isoformat(), "value": "5"},
    )
    assert response.status_code == 403
    assert not Measurement.objects.exists()


def test_the_public_cannot_post(client, world, trial):
    change_status(world.secretary, trial, "running")
    response = client.post(f"/trials/{trial.pk}/measurements/", {})
    assert response.status_code == 302 and "/accounts/" in response["Location"]
