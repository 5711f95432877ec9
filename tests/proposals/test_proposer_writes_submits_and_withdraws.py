"""A proposer writes a proposal to a need of an open call, saves it as a draft, submits
it, sees its status, and may withdraw it."""

import pytest

from livinglab.needs.models import Domain
from livinglab.proposals.models import Proposal
from tests.pipeline import COMPLETE, make_call, make_need, make_proposal


@pytest.fixture
def open_call(world):
    need = make_need(world)
    return make_call(world, needs=[need]), need


def _form(need, **extra):
    data = {
        "organisation": "",
        "answers": str(need.pk) if need else "unsolicited",
        "title": "路口影像排隊偵測",
        "domain": Domain.objects.get(key="transport").pk,
        **{k: v for k, v in COMPLETE.items()},
        **extra,
    }
    return {k: ("" if v is None else v) for k, v in data.items()}


def test_proposer_saves_a_draft_then_submits_it(client, world, open_call):
    call, need = open_call
    client.force_login(world.proposer)
    response = client.post(
        f"/proposals/new/?call={call.pk}&need={need.pk}",
        _form(need, organisation=world.company.pk, action="draft"),
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert (proposal.status, proposal.need, proposal.organisation) == ("draft", need, world.company)
    assert proposal.submitted_at is None
    client.post(f"/proposals/{proposal.pk}/submit/")
    proposal.refresh_from_db()
    assert proposal.status == "submitted"
    assert proposal.submitted_at is not None
    assert [e.kind for e in proposal.events.all()] == ["created", "submitted"]
    page = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert "路口影像排隊偵測" in page


def test_save_and_submit_in_one_step(client, world, open_call):
    call, need = open_call
    client.force_login(world.proposer)
    client.post(f"/proposals/new/?call={call.pk}", _form(need, action="submit"))
    assert Proposal.objects.get().status == "submitted"


def test_an_incomplete_draft_is_kept_but_not_submitted(client, world, open_call):
    call, need = open_call
    client.force_login(world.proposer)
    response = client.post(
        f"/proposals/new/?call={call.pk}",
        _form(need, action="submit", team="", expected_kpis=""),
        follow=True,
    )
    proposal = Proposal.objects.get()
    assert proposal.status == "draft"
    assert "團隊" in response.content.decode() or "team" in response.content.decode()


def test_unsolicited_only_where_the_call_welcomes_it(client, world):
    need = make_need(world)
    strict = make_call(world, "只收需求提案", needs=[need], unsolicited=False)
    client.force_login(world.proposer)
    response = client.post(f"/proposals/new/?call={strict.pk}", _form(None, action="draft"))
    assert response.status_code == 200
    assert not Proposal.objects.exists()
    welcoming = make_call(world, "歡迎自提", needs=[need])
    client.post(f"/proposals/new/?call={welcoming.pk}", _form(None, action="draft"))
    assert Proposal.objects.get().need is None


def test_a_need_outside_the_call_is_refused(client, world, open_call):
    call, _ = open_call
    other = make_need(world, "不在此期徵案的需求")
    client.force_login(world.proposer)
    client.post(f"/proposals/new/?call={call.pk}", _form(other, action="draft"))
    assert not Proposal.objects.exists()


def test_proposer_withdraws_with_a_reason(client, world, open_call):
    call, need = open_call
    proposal = make_proposal(world, call, need, status="submitted")
    client.force_login(world.proposer)
    client.post(f"/proposals/{proposal.pk}/withdraw/", {"reason": "團隊另有規劃"})
    proposal.refresh_from_db()
    assert proposal.status == "withdrawn"
    assert proposal.events.last().reason == "團隊另有規劃"


def test_proposer_edits_a_submitted_proposal_while_the_call_is_open(client, world, open_call):
    call, need = open_call
    proposal = make_proposal(world, call, need, status="submitted")
    client.force_login(world.proposer)
    response = client.post(
        f"/proposals/{proposal.pk}/edit/", _form(need, title="改名後的提案", action="draft")
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.title, proposal.status) == ("改名後的提案", "submitted")
    assert proposal.events.last().payload == {"fields": ["title"]}


def test_a_person_without_an_organisation_is_sent_to_sign_up(client, world, open_call):
    call, need = open_call
    client.force_login(world.reviewer)
    response = client.get(f"/proposals/new/?call={call.pk}&need={need.pk}")
    assert response.status_code == 302
    assert response.url.startswith("/lab/signup/?next=")
    client.logout()
    assert client.get(f"/proposals/new/?call={call.pk}").url.startswith("/lab/signup/")
