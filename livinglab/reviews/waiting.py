"""A reviewer's reviews still to do."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.core.waiting import Waiting
from livinglab.reviews import queue


def for_user(user, roles) -> list[Waiting]:
    if not roles.is_reviewer:
        return []
    due = queue.due_for(user)
    now = timezone.now()
    late = sum(
        1 for a in due if a.proposal.call.review_due_at and a.proposal.call.review_due_at < now
    )
    url = reverse("reviews:due")
    return [
        Waiting(_("Reviews past their deadline"), late, url, urgent=True),
        Waiting(_("Reviews to do"), len(due) - late, url),
    ]
