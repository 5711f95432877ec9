"""Reviewers are told once of a review due soon that they have not submitted."""

import datetime as dt

from django.core.management import call_command
from django.utils import timezone

from livinglab.reviews import services
from livinglab.work.models import Notification

from .conftest import assigned, submitted


def test_due_soon_reminded_once_submitted_never(reviews):
    reviews.call.review_due_at = timezone.now() + dt.timedelta(days=2)
    reviews.call.save(update_fields=["review_due_at"])
    pending = assigned(reviews, reviews.first, declared=False)
    submitted(reviews, reviews.second, [3, 3, 3, 3])
    assert services.remind_due(days=3) == 1
    assert services.remind_due(days=3) == 0
    call_command("remind_reviews", "--days", "3", stdout=open("/dev/null", "w"))  # noqa: SIM115
    notes = Notification.objects.filter(kind="review_due")
    assert [(n.user, n.url) for n in notes] == [
        (reviews.first, f"/reviews/assignments/{pending.pk}/")
    ]


def test_far_deadlines_wait(reviews):
    assigned(reviews, reviews.first)
    assert services.remind_due(days=3) == 0  # due in 13 days
