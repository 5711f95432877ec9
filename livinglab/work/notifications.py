"""Notifications on the site (the bell) and each person's notification preferences.

Services create notifications in the caller's transaction, so a rolled-back change
leaves none behind; e-mail goes out only after commit (see `reminders`).
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from livinglab.orgs.models import Membership
from livinglab.work.models import Notification, NotificationPreference, ProgressReport

MAX_DAYS_AHEAD = 60


def notify(users, kind: str, subject: str, url: str = "", count: int = 1) -> list[Notification]:
    rows = [
        Notification(user=user, kind=kind, subject=subject[:300], url=url, count=count)
        for user in users
        if user is not None and user.is_active
    ]
    return Notification.objects.bulk_create(rows)


def secretaries_of(body_id: int):
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__role=Membership.Role.SECRETARIAT,
            memberships__body_id=body_id,
        )
        .distinct()
    )


def report_filed(report: ProgressReport, *, by) -> None:
    """A new report waits for review: tell the body's secretariat (not whoever filed it)."""
    case = report.assignment.case
    notify(
        secretaries_of(case.body_id).exclude(pk=getattr(by, "pk", None)),
        Notification.Kind.REPORT_TO_REVIEW,
        case.title,
        reverse("work:reviews"),
    )


def assignments_created(assignments) -> None:
    """Tell each agency's officers of the assignments it has just been given."""
    assignments = list(assignments)
    if not assignments:
        return
    officers: dict[int, list] = {}
    memberships = Membership.objects.filter(
        role=Membership.Role.OFFICER,
        organisation_id__in={a.organisation_id for a in assignments},
        user__is_active=True,
    ).select_related("user")
    for membership in memberships:
        officers.setdefault(membership.organisation_id, []).append(membership.user)
    rows = [
        Notification(
            user=user,
            kind=Notification.Kind.ASSIGNMENT_NEW,
            subject=assignment.case.title[:300],
            url=reverse("work:assignment", args=[assignment.pk]),
        )
        for assignment in assignments
        for user in officers.get(assignment.organisation_id, [])
    ]
    Notification.objects.bulk_create(rows)


def report_reviewed(report: ProgressReport) -> None:
    """Tell the officer who filed a report that it was accepted or returned."""
    if report.author_id is None or report.author_id == report.reviewed_by_id:
        return
    kind = (
        Notification.Kind.REPORT_ACCEPTED
        if report.status == ProgressReport.Status.ACCEPTED
        else Notification.Kind.REPORT_RETURNED
    )
    url = reverse("work:assignment", args=[report.assignment_id])
    notify([report.author], kind, report.assignment.case.title, url)


def unread_count(user) -> int:
    """The bell's number: one indexed COUNT."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def mark_read(user, notifications=None) -> int:
    """Mark the user's notifications (all unread ones by default) as read."""
    queryset = Notification.objects.visible_to(user).unread()
    if notifications is not None:
        queryset = queryset.filter(pk__in=[n.pk for n in notifications])
    return queryset.update(read_at=timezone.now())


def preference_of(user) -> NotificationPreference:
    """The user's preferences, unsaved defaults when they never set any."""
    found = NotificationPreference.objects.filter(user=user).first()
    return found or NotificationPreference(user=user)


def set_preference(user, *, email_digest: bool, days_ahead: int) -> NotificationPreference:
    days_ahead = max(0, min(int(days_ahead), MAX_DAYS_AHEAD))
    with transaction.atomic():
        preference, _ = NotificationPreference.objects.update_or_create(
            user=user, defaults={"email_digest": email_digest, "days_ahead": days_ahead}
        )
    return preference
