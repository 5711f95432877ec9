"""Reminders of permits' expiry and conditions, as `work.reminders` does for deadlines.

`send_permit_reminders` is what `livinglab send-permit-reminders` runs from cron each
day. It reminds the team of a permit in force (its proposers) and the body's
secretariat when the permit expires within `days`, and the team and the agency that set
a condition when the condition falls due within `days` or is overdue. Each is reminded
once per person and bucket (`ReminderLog`): the expiry date, the condition's date, or
for an overdue condition the Monday of the week. The log rows, the notification on the
site and the e-mail are one transaction; the e-mail leaves only after it commits.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from livinglab.core.roc import official_date
from livinglab.sandbox.models import Condition, Permit, ReminderLog
from livinglab.sandbox.services import officers_of, team_of
from livinglab.work.models import Notification
from livinglab.work.notifications import MAX_DAYS_AHEAD, notify, preference_of, secretaries_of


@dataclass
class Reminder:
    recipient: object
    permit: Permit
    lines: list[str] = field(default_factory=list)
    logs: list[ReminderLog] = field(default_factory=list)


def collect(days: int, today: dt.date | None = None) -> list[Reminder]:
    """What each person should hear about today, not yet reminded; nothing is written."""
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=days)
    monday = today - dt.timedelta(days=today.weekday())
    reminders: dict[tuple[int, int], Reminder] = {}
    sent = set(
        ReminderLog.objects.filter(bucket__gte=monday).values_list(
            "permit_id", "condition_id", "recipient_id", "kind", "bucket"
        )
    )

    def add(people, permit, condition, kind, bucket, line):
        for person in people:
            key = (permit.pk, condition.pk if condition else None, person.pk, kind, bucket)
            if key in sent:
                continue
            reminder = reminders.setdefault(
                (person.pk, permit.pk), Reminder(recipient=person, permit=permit)
            )
            reminder.lines.append(line)
            reminder.logs.append(
                ReminderLog(
                    permit=permit, condition=condition, recipient=person, kind=kind, bucket=bucket
                )
            )

    in_force = Permit.objects.in_force(today).select_related("application__trial__proposal")
    with translation.override(settings.LANGUAGE_CODE):
        for permit in in_force.filter(valid_until__lte=horizon):
            people = list(team_of(permit.application)) + list(
                secretaries_of(permit.application.body_id)
            )
            line = _("Permit %(number)s expires on %(date)s.") % {
                "number": permit.number,
                "date": official_date(permit.valid_until),
            }
            add(people, permit, None, ReminderLog.Kind.EXPIRY, permit.valid_until, line)
        conditions = Condition.objects.filter(
            consent__application__permit__in=in_force,
            met_on__isnull=True,
            due_on__isnull=False,
            due_on__lte=horizon,
        ).select_related("consent__application__permit__application__trial__proposal")
        for condition in conditions:
            permit = condition.consent.application.permit
            late = condition.due_on < today
            kind = ReminderLog.Kind.CONDITION_LATE if late else ReminderLog.Kind.CONDITION
            bucket = monday if late else condition.due_on
            people = list(team_of(permit.application)) + list(
                officers_of([condition.consent.organisation_id])
            )
            line = _("Condition of permit %(number)s, due %(date)s: %(text)s") % {
                "number": permit.number,
                "date": official_date(condition.due_on),
                "text": condition.text,
            }
            add(people, permit, condition, kind, bucket, line)
    return sorted(reminders.values(), key=lambda r: (r.recipient.pk, r.permit.pk))


def send_permit_reminders(*, days: int = 14, dry_run: bool = False, today=None) -> list[Reminder]:
    today = today or timezone.localdate()
    days = max(0, min(days, MAX_DAYS_AHEAD))
    reminders = collect(days, today)
    if dry_run:
        return reminders
    sent = []
    for reminder in reminders:
        try:
            with transaction.atomic():
                ReminderLog.objects.bulk_create(reminder.logs)
                notify(
                    [reminder.recipient],
                    Notification.Kind.SANDBOX_REMINDER,
                    reminder.permit.number,
                    reminder.permit.get_absolute_url(),
                    count=len(reminder.lines),
                )
                if reminder.recipient.email and preference_of(reminder.recipient).email_digest:
                    transaction.on_commit(_message(reminder).send)
        except IntegrityError:
            continue  # another run sent it meanwhile
        sent.append(reminder)
    return sent


def _message(reminder: Reminder) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("[%(site)s] Sandbox permit %(number)s") % {
            "site": str(settings.SITE_NAME),
            "number": reminder.permit.number,
        }
    url = settings.SITE_URL + reminder.permit.get_absolute_url()
    body = "\n".join([*reminder.lines, "", url])
    return EmailMessage(subject=subject, body=body, to=[reminder.recipient.email])
