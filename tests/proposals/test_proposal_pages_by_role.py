"""Every proposal page and write path refuses those who may not: another proposer never
reaches a draft, the secretariat reads submitted proposals but cannot change them, the
public is sent to sign in."""

import pytest

from livinglab.orgs.models import Membership, Organisation
from livinglab.proposals.models import Proposal
from tests.conftest import _user
from tests.pipeline import make_call, make_need, make_proposal


@pytest.fixture
def proposals(world):
    need = make_need(world)
    call = make_call(world, needs=[need])
    draft = make_proposal(world, call, need, title="晨光的草稿")
    sent = make_proposal(world, call, need, title="晨光已送出", status=Proposal.Status.SUBMITTED)
    rival = _user("rival")
    Membership.objects.create(
        user=rival,
        role="proposer",
        organisation=Organisation.objects.create(kind="company", name="對手公司"),
    )
    return draft, sent, rival


def test_another_proposer_reaches_neither_page_nor_write_path(client, world, proposals):
    draft, sent, rival = proposals
    client.force_login(rival)
    for proposal in (draft, sent):
        assert client.get(f"/proposals/{proposal.pk}/").status_code == 404
        assert client.get(f"/proposals/{proposal.pk}/edit/").status_code == 404
        assert client.post(f"/proposals/{proposal.pk}/submit/").status_code == 404
        assert client.post(f"/proposals/{proposal.pk}/withdraw/").status_code == 404
    assert "晨光" not in client.get("/proposals/").content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_the_secretariat_reads_submitted_ones_only_and_changes_none(client, world, proposals):
    draft, sent, _ = proposals
    client.force_login(world.secretary)
    assert client.get(f"/proposals/{draft.pk}/").status_code == 404
    assert client.get(f"/proposals/{sent.pk}/").status_code == 200
    assert client.get(f"/proposals/{sent.pk}/edit/").status_code == 403
    assert client.post(f"/proposals/{sent.pk}/withdraw/").status_code == 403
    page = client.get("/proposals/").content.decode()
    assert "晨光已送出" in page and "晨光的草稿" not in page


def test_officers_reviewers_and_the_public_see_no_proposal(client, world, proposals):
    draft, sent, _ = proposals
    for user in (world.officer, world.reviewer):
        client.force_login(user)
        assert client.get(f"/proposals/{sent.pk}/").status_code == 404
        assert "晨光" not in client.get("/proposals/").content.decode()
    client.logout()
    response = client.get(f"/proposals/{sent.pk}/")
    assert response.status_code == 302 and "/accounts/" in response.url
    assert client.post(f"/proposals/{sent.pk}/withdraw/").status_code == 302
    sent.refresh_from_db()
    assert sent.status == "submitted"
