"""The secretariat's decision (the reviews app calls `decide`): on the history with its
reason, a notification on the site, an e-mail only after commit."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from livinglab.proposals import services
from livinglab.proposals.models import Proposal
from livinglab.work.models import Notification
from tests.pipeline import make_call, make_need, make_proposal


@pytest.fixture
def submitted(world):
    need = make_need(world)
    call = make_call(world, needs=[need])
    return make_proposal(world, call, need, status=Proposal.Status.SUBMITTED)


def test_revise_is_recorded_with_its_reason_and_tells_the_proposer(
    world, submitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(world.secretary, submitted, "revise", "請補充路口數量與預算明細。")
    submitted.refresh_from_db()
    assert submitted.status == Proposal.Status.REVISE
    event = submitted.events.last()
    assert (event.kind, event.actor, event.reason) == (
        "revise",
        world.secretary,
        "請補充路口數量與預算明細。",
    )
    note = Notification.objects.get(user=world.proposer)
    assert note.kind == Notification.Kind.PROPOSAL_STATUS
    assert note.url == submitted.get_absolute_url()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["proposer@example.org"]
    assert "請補充路口數量與預算明細。" in mail.outbox[0].body


def test_no_email_leaves_when_the_transaction_rolls_back(
    world, submitted, django_capture_on_commit_callbacks
):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with transaction.atomic():
            services.decide(world.secretary, submitted, "accept", "")
            raise RuntimeError
    assert mail.outbox == []
    submitted.refresh_from_db()
    assert submitted.status == Proposal.Status.SUBMITTED


def test_rejecting_needs_a_reason(world, submitted):
    with pytest.raises(ValidationError):
        services.decide(world.secretary, submitted, "reject", "  ")
    assert submitted.events.count() == 1


def test_only_the_call_body_secretariat_decides(world, submitted):
    for user in (world.proposer, world.officer, world.reviewer):
        with pytest.raises(PermissionDenied):
            services.decide(user, submitted, "accept", "")
    submitted.refresh_from_db()
    assert submitted.status == Proposal.Status.SUBMITTED


def test_a_decided_proposal_cannot_be_decided_again(world, submitted):
    services.decide(world.secretary, submitted, "accept", "符合三項前提")
    with pytest.raises(ValidationError):
        services.decide(world.secretary, submitted, "reject", "改變心意")


def test_a_draft_cannot_be_decided(world):
    call = make_call(world)
    draft = make_proposal(world, call)
    with pytest.raises(ValidationError):
        services.decide(world.admin, draft, "accept", "")
