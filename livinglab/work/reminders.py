"""Deadline reminders: a digest per person and agency of assignments due soon and overdue.

`send_reminders` is what `livinglab send-reminders` runs from cron every day. Each item
is reminded once per bucket (see `ReminderLog`): the log rows, the notification on the
site and the e-mail of a digest are one transaction, and the e-mail leaves only after
it commits. A person's own preference (e-mail on/off, days ahead) wins over the
command's `--days`.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from livinglab.orgs.models import Membership
from livinglab.tracking.models import taipei_today
from livinglab.work.models import (
    Assignment,
    Notification,
    NotificationPreference,
    ReminderLog,
)
from livinglab.work.notifications import MAX_DAYS_AHEAD, notify


@dataclass
class Digest:
    recipient: object
    agency: object
    overdue: list[Assignment] = field(default_factory=list)
    due: list[Assignment] = field(default_factory=list)
    logs: list[ReminderLog] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.overdue) + len(self.due)


def bucket_of(kind: str, assignment: Assignment, today: dt.date) -> dt.date:
    if kind == ReminderLog.Kind.OVERDUE:
        return today - dt.timedelta(days=today.weekday())
    return assignment.deadline


def collect_digests(days: int, today: dt.date | None = None) -> list[Digest]:
    """What each person should hear about today, not yet reminded; nothing is written."""
    today = today or taipei_today()
    horizon = today + dt.timedelta(days=MAX_DAYS_AHEAD)
    assignments = list(
        Assignment.objects.open()
        .filter(deadline__isnull=False, deadline__lte=horizon)
        .select_related("case__body", "organisation", "responsible")
        .plate_order()
    )
    officers: dict[int, list] = {}
    for membership in Membership.objects.filter(
        role=Membership.Role.OFFICER,
        organisation_id__in={a.organisation_id for a in assignments},
        user__is_active=True,
    ).select_related("user"):
        officers.setdefault(membership.organisation_id, []).append(membership.user)
    preferences = {
        p.user_id: p
        for p in NotificationPreference.objects.filter(
            user_id__in={u.pk for users in officers.values() for u in users}
            | {a.responsible_id for a in assignments if a.responsible_id}
        )
    }
    # Overdue buckets are this week's Monday, due-soon buckets deadlines from today on.
    sent = set(
        ReminderLog.objects.filter(
            assignment_id__in=[a.pk for a in assignments],
            bucket__gte=today - dt.timedelta(days=today.weekday()),
        ).values_list("assignment_id", "recipient_id", "kind", "bucket")
    )
    digests: dict[tuple[int, int], Digest] = {}
    for assignment in assignments:
        people = {u.pk: u for u in officers.get(assignment.organisation_id, [])}
        if assignment.responsible and assignment.responsible.is_active:
            people.setdefault(assignment.responsible_id, assignment.responsible)
        for person in people.values():
            preference = preferences.get(person.pk)
            if not person.email or (preference and not preference.email_digest):
                continue
            ahead = preference.days_ahead if preference else days
            if assignment.is_overdue(today):
                kind = ReminderLog.Kind.OVERDUE
            elif assignment.deadline <= today + dt.timedelta(days=ahead):
                kind = ReminderLog.Kind.DUE
            else:
                continue
            bucket = bucket_of(kind, assignment, today)
            if (assignment.pk, person.pk, kind, bucket) in sent:
                continue
            digest = digests.setdefault(
                (person.pk, assignment.organisation_id),
                Digest(recipient=person, agency=assignment.organisation),
            )
            (digest.overdue if kind == ReminderLog.Kind.OVERDUE else digest.due).append(assignment)
            digest.logs.append(
                ReminderLog(assignment=assignment, recipient=person, kind=kind, bucket=bucket)
            )
    return sorted(digests.values(), key=lambda d: (d.recipient.pk, d.agency.name))


def build_message(digest: Digest, today: dt.date) -> EmailMultiAlternatives:
    """The digest as an e-mail in the site's language; the HTML part escapes all text."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "digest": digest,
            "today": today,
            "site_name": str(settings.SITE_NAME),
            "plate_url": settings.SITE_URL + reverse("work:plate"),
            "preferences_url": settings.SITE_URL + reverse("work:preferences"),
        }
        subject = _("[%(site)s] %(agency)s: %(overdue)s overdue, %(due)s due soon") % {
            "site": context["site_name"],
            "agency": digest.agency.name,
            "overdue": len(digest.overdue),
            "due": len(digest.due),
        }
        text = render_to_string("work/email/reminder.txt", context)
        html = render_to_string("work/email/reminder.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=text, to=[digest.recipient.email]
    )
    message.attach_alternative(html, "text/html")
    return message


def send_reminders(*, days: int = 7, dry_run: bool = False, today=None) -> list[Digest]:
    """Send every digest due today, each once; returns the digests (sent or, dry, not)."""
    today = today or timezone.localdate()
    days = max(0, min(days, MAX_DAYS_AHEAD))
    digests = collect_digests(days, today)
    if dry_run:
        return digests
    sent = []
    for digest in digests:
        message = build_message(digest, today)
        try:
            with transaction.atomic():
                ReminderLog.objects.bulk_create(digest.logs)
                notify(
                    [digest.recipient],
                    Notification.Kind.REMINDER,
                    digest.agency.name,
                    reverse("work:plate"),
                    count=digest.count,
                )
                transaction.on_commit(message.send)
        except IntegrityError:
            continue  # another run sent it meanwhile
        sent.append(digest)
    return sent
