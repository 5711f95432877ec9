"""An Atom feed of each public body's latest decisions, for residents and newsrooms."""

import datetime as dt

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from livinglab.core.office import xml_safe
from livinglab.meetings.models import Body
from livinglab.tracking.models import Decision

LATEST = 50


class DecisionsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, body_id: int):
        # A body that is not public is not found, as on its pages.
        return get_object_or_404(Body.objects.visible_to(AnonymousUser()), pk=body_id)

    def title(self, body):
        return _("Decisions of %(body)s") % {"body": body.name}

    def link(self, body):
        return body.get_absolute_url()

    def subtitle(self, body):
        return _("The latest decisions recorded from the minutes of %(body)s.") % {
            "body": body.name
        }

    def items(self, body):
        return (
            Decision.objects.filter(meeting__body=body)
            .select_related("meeting")
            .order_by("-meeting__date", "-pk")[:LATEST]
        )

    def item_title(self, decision):
        meeting = decision.meeting
        return xml_safe(f"{meeting.title} {'/'.join(map(str, decision.path or []))}".strip())

    def item_description(self, decision):
        return xml_safe(decision.text)

    def item_link(self, decision):
        return decision.meeting.get_absolute_url() + f"#decision-{decision.pk}"

    def item_guid(self, decision):
        return f"decision-{decision.pk}"

    def item_pubdate(self, decision):
        day = decision.meeting.date
        if day is None:
            return None
        return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
