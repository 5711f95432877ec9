"""A reviewer scores only their own assignment, after declaring, before the deadline."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from livinglab.reviews import services
from livinglab.reviews.models import Score

from .conftest import assigned, full_review


def test_someone_elses_assignment_is_404_on_page_and_api(client, reviews):
    theirs = assigned(reviews, reviews.first)
    client.force_login(reviews.second)  # on the committee, not on this proposal
    assert client.get(f"/reviews/assignments/{theirs.pk}/").status_code == 404
    assert client.get(f"/api/reviews/assignments/{theirs.pk}").status_code == 404
    response = client.post(
        f"/api/reviews/assignments/{theirs.pk}/review",
        {"scores": [{"factor": reviews.factors[0].pk, "value": 5}]},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not Score.objects.exists()


def test_service_refuses_another_reviewer(reviews):
    theirs = assigned(reviews, reviews.first)
    with pytest.raises(PermissionDenied):
        services.save_review(reviews.second, theirs, full_review(reviews, [5, 5, 5, 5]))


def test_no_score_before_the_conflict_declaration(reviews):
    a = assigned(reviews, reviews.first, declared=False)
    with pytest.raises(PermissionDenied):
        services.save_review(reviews.first, a, full_review(reviews, [3, 3, 3, 3]))


def test_after_the_deadline_refused_with_the_date(reviews):
    a = assigned(reviews, reviews.first)
    late = reviews.call.review_due_at + dt.timedelta(minutes=1)
    with pytest.raises(ValidationError) as refused:
        services.save_review(
            reviews.first, a, full_review(reviews, [3, 3, 3, 3]), submit=True, now=late
        )
    due = timezone.localtime(reviews.call.review_due_at).strftime("%Y-%m-%d %H:%M")
    assert due in refused.value.messages[0]
    assert not Score.objects.exists()


def test_after_the_deadline_the_page_refuses_too(client, reviews):
    a = assigned(reviews, reviews.first)
    reviews.call.review_due_at = timezone.now() - dt.timedelta(hours=1)
    reviews.call.save(update_fields=["review_due_at"])
    client.force_login(reviews.first)
    page = client.get(f"/reviews/assignments/{a.pk}/").content.decode()
    assert "disabled" in page
    data = {"action": "save", f"score_{reviews.factors[0].pk}": 4}
    response = client.post(f"/reviews/assignments/{a.pk}/review/", data)
    assert response.status_code == 400
    assert not Score.objects.exists()


def test_a_submitted_review_is_read_only(client, reviews):
    a = assigned(reviews, reviews.first)
    services.save_review(reviews.first, a, full_review(reviews, [4, 4, 4, 4]), submit=True)
    with pytest.raises(PermissionDenied):
        services.save_review(reviews.first, a, full_review(reviews, [1, 1, 1, 1]), submit=True)
    client.force_login(reviews.first)
    page = client.get(f"/reviews/assignments/{a.pk}/").content.decode()
    assert 'name="action"' not in page
    response = client.post(
        f"/api/reviews/assignments/{a.pk}/review",
        {"scores": [{"factor": reviews.factors[0].pk, "value": 1}]},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert sorted(Score.objects.values_list("value", flat=True)) == [4, 4, 4, 4]


def test_a_decided_proposal_is_no_longer_scored(reviews):
    from livinglab.proposals.models import Proposal

    a = assigned(reviews, reviews.first)
    Proposal.objects.filter(pk=reviews.proposal.pk).update(status=Proposal.Status.WITHDRAWN)
    with pytest.raises(ValidationError):
        services.save_review(reviews.first, a, full_review(reviews, [3, 3, 3, 3]))
