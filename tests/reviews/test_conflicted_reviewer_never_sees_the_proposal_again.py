"""A reviewer who declares a conflict of interest never sees the proposal again: 404 on
the page and the API, gone from their lists; the secretariat is told to move it."""

import pytest
from django.core.exceptions import ValidationError

from livinglab.proposals.models import Proposal
from livinglab.reviews import services
from livinglab.reviews.models import Assignment
from livinglab.work.models import Notification

from .conftest import assigned


@pytest.fixture
def conflicted(reviews):
    a = assigned(reviews, reviews.third, declared=False)
    services.declare(reviews.third, a, conflict=True, reason="我是該公司的顧問")
    return a


def test_conflict_is_recorded_with_reason_and_time(reviews, conflicted):
    a = Assignment.objects.get(pk=conflicted.pk)
    assert a.conflict and a.conflict_reason == "我是該公司的顧問" and a.declared_at
    event = reviews.proposal.events.get(kind="review_conflict")
    assert event.actor == reviews.third and not event.shown_to_proposer


def test_the_proposal_and_assignment_are_gone_for_the_reviewer(reviews, conflicted):
    assert not Proposal.objects.visible_to(reviews.third).filter(pk=reviews.proposal.pk).exists()
    assert not Assignment.objects.visible_to(reviews.third).exists()


def test_page_and_api_answer_404(client, reviews, conflicted):
    client.force_login(reviews.third)
    for url in (
        f"/reviews/assignments/{conflicted.pk}/",
        f"/api/reviews/assignments/{conflicted.pk}",
        reviews.proposal.get_absolute_url(),  # the proposals app's own page
    ):
        assert client.get(url).status_code == 404, url
    posted = client.post(f"/reviews/assignments/{conflicted.pk}/review/", {"action": "save"})
    assert posted.status_code == 404
    api = client.post(
        f"/api/reviews/assignments/{conflicted.pk}/review",
        {"scores": [], "gates": []},
        content_type="application/json",
    )
    assert api.status_code == 404
    assert client.get("/api/reviews/assignments").json() == []
    queue = client.get("/reviews/")
    assert reviews.proposal.title not in queue.content.decode()


def test_secretariat_is_told_to_move_it(client, reviews, conflicted):
    note = Notification.objects.get(user=reviews.world.secretary, kind="review_conflict")
    assert note.subject == reviews.proposal.title
    client.force_login(reviews.world.secretary)
    page = client.get(f"/reviews/calls/{reviews.call.pk}/").content.decode()
    assert "我是該公司的顧問" in page
    assert "李委員" in page  # the next suggested reviewer, one click away


def test_a_conflict_needs_a_reason(reviews):
    a = assigned(reviews, reviews.third, declared=False)
    with pytest.raises(ValidationError):
        services.declare(reviews.third, a, conflict=True, reason="  ")
    assert Assignment.objects.get(pk=a.pk).declared_at is None


def test_declaring_twice_is_refused(reviews):
    from django.core.exceptions import PermissionDenied

    a = assigned(reviews, reviews.first)
    with pytest.raises(PermissionDenied):
        services.declare(reviews.first, a, conflict=True, reason="後來想起")
