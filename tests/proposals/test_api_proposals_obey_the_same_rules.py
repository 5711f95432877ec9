"""The proposals API: a proposer writes, submits and withdraws their own; nobody else
reads a draft; the deadline holds here as on the pages."""

import pytest

from livinglab.orgs.models import Membership, Organisation
from livinglab.proposals.models import Proposal
from tests.conftest import _user
from tests.pipeline import make_call, make_need, make_proposal


@pytest.fixture
def call_and_need(world):
    need = make_need(world)
    return make_call(world, needs=[need]), need


def _new(call, need, **extra):
    return {
        "call_id": call.pk,
        "need_id": need.pk if need else None,
        "title": "智慧路燈結合人流計數",
        "domain": "transport",
        "summary": "以既有路燈桿裝設人流感測器。",
        "solution": "邊緣運算計數，不存影像。",
        "team": "四人",
        "trl": 5,
        "period_months": 8,
        "budget": 900000,
        "funding": "自籌",
        "expected_kpis": "夜間照明用電降低 20%",
        **extra,
    }


def test_proposer_drafts_submits_and_withdraws_through_the_api(client, world, call_and_need):
    call, need = call_and_need
    client.force_login(world.proposer)
    response = client.post("/api/proposals", _new(call, need), content_type="application/json")
    assert response.status_code == 201, response.json()
    proposal_id = response.json()["id"]
    assert response.json()["status"] == "draft"
    response = client.patch(
        f"/api/proposals/{proposal_id}", {"budget": 950000}, content_type="application/json"
    )
    assert response.json()["budget"] == 950000
    assert client.post(f"/api/proposals/{proposal_id}/submit").json()["status"] == "submitted"
    response = client.post(
        f"/api/proposals/{proposal_id}/withdraw",
        {"reason": "改投下一期"},
        content_type="application/json",
    )
    body = response.json()
    assert body["status"] == "withdrawn"
    assert [e["kind"] for e in body["events"]] == ["created", "edited", "submitted", "withdrawn"]
    assert body["events"][-1]["reason"] == "改投下一期"


def test_nobody_else_reads_or_changes_a_draft(client, world, call_and_need):
    call, need = call_and_need
    draft = make_proposal(world, call, need)
    rival = _user("rival")
    Membership.objects.create(
        user=rival,
        role="proposer",
        organisation=Organisation.objects.create(kind="company", name="對手公司"),
    )
    for user in (rival, world.secretary, world.reviewer, world.officer):
        client.force_login(user)
        assert client.get(f"/api/proposals/{draft.pk}").status_code == 404
        assert client.get("/api/proposals").json()["items"] == []
        assert client.post(f"/api/proposals/{draft.pk}/submit").status_code == 404
    client.logout()
    assert client.get("/api/proposals").status_code == 401
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_the_secretariat_reads_a_submitted_proposal_but_cannot_change_it(
    client, world, call_and_need
):
    call, need = call_and_need
    sent = make_proposal(world, call, need, status=Proposal.Status.SUBMITTED)
    client.force_login(world.secretary)
    assert client.get(f"/api/proposals/{sent.pk}").status_code == 200
    response = client.patch(
        f"/api/proposals/{sent.pk}", {"title": "改"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert (
        client.post(
            f"/api/proposals/{sent.pk}/withdraw", {}, content_type="application/json"
        ).status_code
        == 403
    )


def test_the_deadline_holds_in_the_api(client, world):
    need = make_need(world)
    closed = make_call(world, state="closed", needs=[need])
    client.force_login(world.proposer)
    response = client.post("/api/proposals", _new(closed, need), content_type="application/json")
    assert response.status_code == 400
    assert "closed" in response.json()["detail"] or "截止" in response.json()["detail"]
    sent = make_proposal(world, closed, need, status=Proposal.Status.SUBMITTED)
    response = client.patch(
        f"/api/proposals/{sent.pk}", {"title": "晚了"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert not Proposal.objects.filter(title="晚了").exists()


def test_the_proposal_list_api_queries_do_not_grow(
    client, world, call_and_need, django_assert_max_num_queries
):
    call, need = call_and_need
    for i in range(25):
        make_proposal(world, call, need, title=f"提案 {i}")
    client.force_login(world.proposer)
    with django_assert_max_num_queries(8):
        assert len(client.get("/api/proposals?limit=25").json()["items"]) == 25
