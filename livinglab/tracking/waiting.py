"""The secretariat's tracking work: minutes drafts to confirm and case links to check."""

from django.urls import reverse
from django.utils.translation import gettext as _

from livinglab.core.waiting import Waiting
from livinglab.meetings.models import MinutesDocument
from livinglab.tracking.models import CaseLink


def for_user(user, roles) -> list[Waiting]:
    if not roles.is_secretariat:
        return []
    drafts = MinutesDocument.objects.visible_to(user).drafts()
    if not roles.is_admin:
        drafts = drafts.filter(body_id__in=roles.secretariat_body_ids)
    draft_count = drafts.count()
    # One draft opens itself; several are listed on the bodies page with their records.
    first = drafts.order_by("uploaded_at", "pk").first() if draft_count == 1 else None
    drafts_url = reverse("imports:draft", args=[first.pk]) if first else reverse("meetings:bodies")
    links = CaseLink.objects.visible_to(user).review_queue().count()
    return [
        Waiting(_("Minutes drafts to confirm"), draft_count, drafts_url),
        Waiting(_("Case links to check"), links, reverse("tracking:review")),
    ]
