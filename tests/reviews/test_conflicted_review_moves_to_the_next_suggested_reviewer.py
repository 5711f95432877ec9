"""The secretariat moves a conflicted review to the next suggested reviewer in one click."""

from livinglab.reviews import services
from livinglab.reviews.models import Assignment

from .conftest import assigned


def test_one_click_move_to_the_suggestion(client, reviews):
    a = assigned(reviews, reviews.first, declared=False)
    services.declare(reviews.first, a, conflict=True, reason="配偶任職於提案公司")
    suggestion = services.suggest(reviews.world.secretary, reviews.proposal, 1)[0]
    assert suggestion.key == reviews.second.pk  # knows transport and traffic

    client.force_login(reviews.world.secretary)
    response = client.post(
        f"/reviews/assignments/{a.pk}/move/", {"reviewer": suggestion.key, "next": "call"}
    )
    assert response.status_code == 302
    a.refresh_from_db()
    moved = a.replaced_by
    assert moved.reviewer == reviews.second and moved.assigned_by == reviews.world.secretary
    event = reviews.proposal.events.get(kind="review_moved")
    assert event.actor == reviews.world.secretary
    assert event.payload["moved_from"] == reviews.first.pk
    assert not event.shown_to_proposer
    # moved once: the conflict is no longer waiting
    assert not Assignment.objects.to_move().exists()


def test_the_conflicted_reviewer_is_never_suggested_again(reviews):
    a = assigned(reviews, reviews.second, declared=False)
    services.declare(reviews.second, a, conflict=True, reason="曾共同發表論文")
    keys = [s.key for s in services.suggest(reviews.world.secretary, reviews.proposal)]
    assert reviews.second.pk not in keys


def test_only_the_secretariat_moves(client, reviews):
    a = assigned(reviews, reviews.first, declared=False)
    services.declare(reviews.first, a, conflict=True, reason="顧問")
    client.force_login(reviews.second)
    response = client.post(f"/reviews/assignments/{a.pk}/move/", {"reviewer": reviews.third.pk})
    assert response.status_code == 404
    assert Assignment.objects.get(pk=a.pk).replaced_by is None
