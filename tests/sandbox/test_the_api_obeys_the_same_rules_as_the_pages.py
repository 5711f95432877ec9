"""The API files, decides, grants, changes and reports under the same policies as the
pages, with a personal token; bad bodies are answered 400/422 and change nothing."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from livinglab.accounts.tokens import create_token
from livinglab.sandbox.models import Application, Consent, Incident, Permit
from tests.sandbox.conftest import consent_all


def call(client, user, method, url, body=None):
    _token, secret = create_token(user, "test")
    return client.generic(
        method,
        "/api" + url,
        json.dumps(body or {}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )


def filing(world, sandbox, **extra):
    today = timezone.localdate()
    body = {
        "trial_id": sandbox.trial.pk,
        "site_id": sandbox.trial.site_id,
        "rules": "無人載具上路",
        "starts_on": today.isoformat(),
        "ends_on": (today + dt.timedelta(days=30)).isoformat(),
        "safety_plan": "安全員隨車",
        "insurance": "責任險",
        "agency_ids": [world.transport.pk, sandbox.police.pk],
    }
    body.update(extra)
    return body


def test_the_team_files_by_token(client, world, sandbox):
    answer = call(client, world.proposer, "POST", "/sandbox/applications", filing(world, sandbox))
    assert answer.status_code == 201, answer.content
    data = answer.json()
    assert {c["agency"] for c in data["consents"]} == {"臺北市政府交通局", "臺北市政府警察局"}
    assert Application.objects.get().filed_by == world.proposer


@pytest.mark.parametrize(
    "change",
    [
        {"agency_ids": []},
        {"rules": ""},
        {"ends_on": "2020-01-01"},
        {"starts_on": "not a date"},
        {"agency_ids": [999999]},
        {"trial_id": 0},
    ],
)
def test_bad_filings_change_nothing(client, world, sandbox, change):
    answer = call(
        client, world.proposer, "POST", "/sandbox/applications", filing(world, sandbox, **change)
    )
    assert answer.status_code in (400, 404, 422)
    assert not Application.objects.exists()


def test_an_outsider_cannot_file(client, world, sandbox):
    answer = call(client, world.officer, "POST", "/sandbox/applications", filing(world, sandbox))
    assert answer.status_code == 403
    assert not Application.objects.exists()


def test_only_the_agencys_officer_decides(client, world, sandbox, application):
    police = application.consents.get(organisation=sandbox.police)
    url = f"/sandbox/consents/{police.pk}"
    body = {"decision": "consent", "conditions": [{"text": "夜間停駛", "due_on": None}]}

    assert call(client, sandbox.transport_officer, "POST", url, body).status_code == 403
    assert call(client, world.secretary, "POST", url, body).status_code == 403
    assert call(client, world.other_officer, "POST", url, body).status_code == 404
    assert (
        call(client, sandbox.police_officer, "POST", url, {"decision": "maybe"}).status_code == 422
    )
    refusal = {"decision": "refuse", "reason": ""}
    assert call(client, sandbox.police_officer, "POST", url, refusal).status_code == 400
    assert Consent.objects.get(pk=police.pk).status == "pending"

    answer = call(client, sandbox.police_officer, "POST", url, body)
    assert answer.status_code == 200
    given = next(c for c in answer.json()["consents"] if c["id"] == police.pk)
    assert given["status"] == "given" and given["conditions"][0]["text"] == "夜間停駛"


def test_grant_change_and_report_by_token(client, world, sandbox, application):
    url = f"/sandbox/applications/{application.pk}/permit"
    assert call(client, world.secretary, "POST", url).status_code == 400  # consents missing
    consent_all(sandbox, application)
    assert call(client, world.proposer, "POST", url).status_code == 403
    answer = call(client, world.secretary, "POST", url)
    assert answer.status_code == 201
    permit_id = answer.json()["id"]

    incident = {
        "occurred_at": (timezone.now() - dt.timedelta(hours=1)).isoformat(),
        "severity": "serious",
        "description": "車輛偏離路線",
        "measures": "停駛檢修",
    }
    incidents = f"/sandbox/permits/{permit_id}/incidents"
    assert call(client, sandbox.police_officer, "POST", incidents, incident).status_code == 403
    assert (
        call(client, world.proposer, "POST", incidents, {**incident, "severity": "x"}).status_code
        == 422
    )
    future = {**incident, "occurred_at": (timezone.now() + dt.timedelta(days=1)).isoformat()}
    assert call(client, world.proposer, "POST", incidents, future).status_code == 400
    assert call(client, world.proposer, "POST", incidents, incident).status_code == 201
    assert Incident.objects.count() == 1

    changes = f"/sandbox/permits/{permit_id}/changes"
    suspend = {"change": "suspended", "reason": "事故調查"}
    assert call(client, world.proposer, "POST", changes, suspend).status_code == 403
    assert (
        call(
            client, world.secretary, "POST", changes, {"change": "suspended", "reason": ""}
        ).status_code
        == 422
    )
    answer = call(client, sandbox.police_officer, "POST", changes, suspend)
    assert answer.status_code == 200 and answer.json()["status"] == "suspended"
    again = call(client, world.secretary, "POST", changes, suspend)
    assert again.status_code == 400
    assert Permit.objects.get().status == "suspended"


def test_the_public_list_names_no_one(client, world, sandbox, permit):
    answer = client.get("/api/sandbox/permits")
    assert answer.status_code == 200
    [row] = answer.json()
    assert row["number"] == permit.number and row["team"] == "晨光感測股份有限公司"
    assert "proposer" not in answer.content.decode()
    assert client.get(f"/api/sandbox/permits/{permit.pk}").status_code == 401
