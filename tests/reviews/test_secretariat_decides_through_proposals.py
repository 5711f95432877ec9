"""The secretariat decides from the reviews page through `proposals.services.decide`:
accept, reject or revise with reasons the proposer reads, on the proposal's history."""

from livinglab.proposals.models import Proposal
from livinglab.proposals.services import history_for
from livinglab.work.models import Notification

from .conftest import submitted


def test_accept_is_recorded_and_the_proposer_told(client, reviews):
    submitted(reviews, reviews.first, [4, 4, 4, 4])
    client.force_login(reviews.world.secretary)
    response = client.post(
        f"/reviews/proposals/{reviews.proposal.pk}/decide/",
        {"outcome": "accept", "reason": "評分第一，請與交通局洽談場域。"},
    )
    assert response.status_code == 302
    reviews.proposal.refresh_from_db()
    assert reviews.proposal.status == Proposal.Status.ACCEPTED
    event = history_for(reviews.world.proposer, reviews.proposal).get(kind="accepted")
    assert event.actor == reviews.world.secretary and "交通局" in event.reason
    assert Notification.objects.filter(user=reviews.world.proposer, kind="proposal_status").exists()


def test_revise_without_a_reason_is_refused(client, reviews):
    submitted(reviews, reviews.first, [4, 4, 4, 4])
    client.force_login(reviews.world.secretary)
    response = client.post(
        f"/reviews/proposals/{reviews.proposal.pk}/decide/", {"outcome": "revise", "reason": ""}
    )
    assert response.status_code == 400
    reviews.proposal.refresh_from_db()
    assert reviews.proposal.status == Proposal.Status.UNDER_REVIEW


def test_the_secretariat_is_told_when_every_review_is_in(reviews):
    submitted(reviews, reviews.first, [4, 4, 4, 4])
    assert Notification.objects.filter(kind="proposal_to_decide").count() == 1
    note = Notification.objects.get(kind="proposal_to_decide")
    assert note.user == reviews.world.secretary
    assert note.url == f"/reviews/proposals/{reviews.proposal.pk}/"


def test_a_reviewer_cannot_decide(client, reviews):
    submitted(reviews, reviews.first, [4, 4, 4, 4])
    client.force_login(reviews.first)
    response = client.post(
        f"/reviews/proposals/{reviews.proposal.pk}/decide/", {"outcome": "accept", "reason": ""}
    )
    assert response.status_code == 403
    reviews.proposal.refresh_from_db()
    assert reviews.proposal.status == Proposal.Status.UNDER_REVIEW
