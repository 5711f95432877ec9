"""The sandbox's share of what waits for people: consents an agency owes, applications
ready for a permit, permits suspended after incidents, conditions falling due."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.core.waiting import Waiting
from livinglab.sandbox.models import Application, Condition, Consent, Permit

WEEK = 7
EXPIRY_DAYS = 30


def for_user(user, roles) -> list[Waiting]:
    lines = []
    today = timezone.localdate()
    if roles.officer_org_ids:
        owed = Consent.objects.waiting_for(roles.officer_org_ids).count()
        lines.append(
            Waiting(
                _("Sandbox applications waiting for your consent"), owed, reverse("sandbox:queue")
            )
        )
    if roles.is_secretariat:
        ready = Application.objects.visible_to(user).filter(status=Application.Status.PENDING)
        if not roles.is_admin:
            ready = ready.filter(body_id__in=roles.secretariat_body_ids)
        ready = ready.exclude(consents__status__in=[Consent.Status.PENDING, Consent.Status.REFUSED])
        lines.append(
            Waiting(
                _("Sandbox applications ready for a permit"), ready.count(), reverse("sandbox:mine")
            )
        )
    if roles.proposer_org_ids:
        ours = Condition.objects.filter(
            consent__application__trial__proposal__organisation_id__in=roles.proposer_org_ids,
            consent__application__permit__status=Permit.Status.ACTIVE,
            met_on__isnull=True,
            due_on__isnull=False,
        )
        mine = reverse("sandbox:mine")
        lines += [
            Waiting(
                _("Permit conditions overdue"),
                ours.filter(due_on__lt=today).count(),
                mine,
                urgent=True,
            ),
            Waiting(
                _("Permit conditions due within a week"),
                ours.filter(due_on__gte=today, due_on__lte=today + dt.timedelta(days=WEEK)).count(),
                mine,
            ),
            Waiting(
                _("Sandbox permits expiring within 30 days"),
                Permit.objects.in_force(today)
                .filter(
                    application__trial__proposal__organisation_id__in=roles.proposer_org_ids,
                    valid_until__lte=today + dt.timedelta(days=EXPIRY_DAYS),
                )
                .count(),
                mine,
            ),
        ]
    return lines
