"""The API shows trials, KPIs and measurements as the pages do; the proposer posts values
with a token, the secretariat changes status; everyone else is refused."""

import pytest
from django.utils import timezone

from livinglab.accounts import tokens
from livinglab.trials.models import Measurement
from livinglab.trials.services import change_status


def _bearer(user) -> dict:
    _token, secret = tokens.create_token(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def _value(**extra):
    return {"on": timezone.localdate().isoformat(), "value": "80.5", **extra}


def test_public_lists_only_public_trials(client, world, trial):
    assert client.get("/api/trials").json()["items"] == []
    assert client.get(f"/api/trials/{trial.pk}").status_code == 404
    change_status(world.secretary, trial, "running")
    [item] = client.get("/api/trials").json()["items"]
    assert item["id"] == trial.pk and item["status"] == "running"
    assert item["proposed_by"]["name"] == "晨光感測股份有限公司"
    assert item["case_id"] == trial.case_id


def test_detail_has_kpis_with_their_latest_value(client, world, trial):
    change_status(world.secretary, trial, "running")
    kpi = trial.kpis.first()
    client.post(
        f"/api/trials/{trial.pk}/kpis/{kpi.pk}/measurements",
        _value(),
        content_type="application/json",
        **_bearer(world.proposer),
    )
    detail = client.get(f"/api/trials/{trial.pk}").json()
    first = detail["kpis"][0]
    assert (first["name"], first["unit"], first["direction"]) == ("路口平均等候秒數", "秒", "down")
    assert float(first["latest"]) == 80.5 and float(first["target"]) == 70
    values = client.get(f"/api/trials/{trial.pk}/kpis/{kpi.pk}/measurements").json()["items"]
    assert values[0]["source"] == "api" and values[0]["entered_by"] == "proposer"


def test_proposer_posts_a_value_with_a_token(client, world, trial):
    kpi = trial.kpis.first()
    response = client.post(
        f"/api/trials/{trial.pk}/kpis/{kpi.pk}/measurements",
        _value(),
        content_type="application/json",
        **_bearer(world.proposer),
    )
    assert response.status_code == 201, response.content
    assert response.json() == {"created": 1, "updated": 0, "unchanged": 0}
    assert Measurement.objects.get().entered_by == world.proposer


def test_value_for_another_companys_trial_is_refused(client, world, trial, other_proposer):
    change_status(world.secretary, trial, "running")
    kpi = trial.kpis.first()
    response = client.post(
        f"/api/trials/{trial.pk}/kpis/{kpi.pk}/measurements",
        _value(),
        content_type="application/json",
        **_bearer(other_proposer),
    )
    assert response.status_code == 403
    assert not Measurement.objects.exists()


def test_value_without_credentials_is_refused(client, world, trial):
    change_status(world.secretary, trial, "running")
    kpi = trial.kpis.first()
    response = client.post(
        f"/api/trials/{trial.pk}/kpis/{kpi.pk}/measurements",
        _value(),
        content_type="application/json",
    )
    assert response.status_code == 401
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    "payload",
    [
        _value(value="abc"),
        _value(on="2999-01-01"),
        _value(note="x" * 301),
    ],
)
def test_bad_values_are_refused(client, world, trial, payload):
    kpi = trial.kpis.first()
    response = client.post(
        f"/api/trials/{trial.pk}/kpis/{kpi.pk}/measurements",
        payload,
        content_type="application/json",
        **_bearer(world.proposer),
    )
    assert response.status_code in (400, 422)
    assert not Measurement.objects.exists()


def test_secretariat_changes_status_and_others_cannot(client, world, trial):
    url = f"/api/trials/{trial.pk}/status"
    refused = client.post(
        url, {"status": "running"}, content_type="application/json", **_bearer(world.proposer)
    )
    assert refused.status_code == 403
    done = client.post(
        url, {"status": "running"}, content_type="application/json", **_bearer(world.secretary)
    )
    assert done.status_code == 200 and done.json()["status"] == "running"
    bad = client.post(
        url, {"status": "closed"}, content_type="application/json", **_bearer(world.secretary)
    )
    assert bad.status_code == 400 and bad.json()["detail"]


def test_trial_list_query_count_does_not_grow(client, world, django_assert_max_num_queries):
    from livinglab.trials.services import start_trial
    from tests.trials.conftest import make_proposal, make_site, new_trial

    for number in range(8):
        trial = start_trial(
            world.secretary,
            new_trial(world, proposal=make_proposal(world), site=make_site(world, f"場域{number}")),
        )
        change_status(world.secretary, trial, "running")
    with django_assert_max_num_queries(4):
        assert len(client.get("/api/trials").json()["items"]) == 8
