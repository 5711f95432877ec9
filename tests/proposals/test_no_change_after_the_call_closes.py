"""After the call closes a proposal cannot be written, changed or submitted: the service
refuses with the time it closed, whatever page or API asks."""

import pytest
from django.core.exceptions import ValidationError

from livinglab.proposals import services
from livinglab.proposals.models import Proposal
from tests.pipeline import make_call, make_need, make_proposal


@pytest.fixture
def closed(world):
    need = make_need(world)
    call = make_call(world, "已截止的徵案", state="closed", needs=[need])
    return call, need


def test_no_new_proposal_after_the_deadline(world, closed):
    call, need = closed
    with pytest.raises(ValidationError) as refused:
        services.start_proposal(
            world.proposer, world.company, call, {"need": need, "title": "遲到"}
        )
    assert "Taipei" in str(refused.value) or "臺北時間" in str(refused.value)
    assert not Proposal.objects.exists()


def test_a_draft_cannot_be_submitted_or_changed_after_the_deadline(world, closed):
    call, need = closed
    draft = make_proposal(world, call, need)
    with pytest.raises(ValidationError):
        services.submit(world.proposer, draft)
    with pytest.raises(ValidationError):
        services.update_proposal(world.proposer, draft, {"title": "晚了才改"})
    draft.refresh_from_db()
    assert (draft.status, draft.title) == ("draft", "AI 號誌路口排隊偵測")
    assert draft.events.count() == 1


def test_the_pages_say_why_after_the_deadline(client, world, closed):
    call, need = closed
    submitted = make_proposal(world, call, need, status="submitted")
    client.force_login(world.proposer)
    response = client.get(f"/proposals/{submitted.pk}/edit/", follow=True)
    text = response.content.decode()
    assert "closed at" in text or "已於" in text
    assert client.get(f"/proposals/new/?call={call.pk}").status_code == 302
    response = client.post(
        f"/proposals/{submitted.pk}/edit/", {"title": "偷改", "answers": str(need.pk)}
    )
    submitted.refresh_from_db()
    assert submitted.title == "AI 號誌路口排隊偵測"


def test_asked_to_revise_it_can_be_changed_and_resubmitted_after_the_deadline(world, closed):
    call, need = closed
    proposal = make_proposal(world, call, need, status=Proposal.Status.SUBMITTED)
    services.decide(world.secretary, proposal, "revise", "請補預算明細")
    services.update_proposal(world.proposer, proposal, {"budget": 2_000_000})
    services.submit(world.proposer, proposal)
    proposal.refresh_from_db()
    assert (proposal.status, proposal.budget) == ("submitted", 2_000_000)
