"""Agencies' work: overdue assignments and deadlines this week; reports to review."""

from django.urls import reverse
from django.utils.translation import gettext as _

from livinglab.core.waiting import Waiting
from livinglab.work.models import Assignment, ProgressReport

WEEK = 7


def for_user(user, roles) -> list[Waiting]:
    lines = []
    if roles.officer_org_ids:
        ours = Assignment.objects.visible_to(user).for_agency(roles.officer_org_ids)
        plate = reverse("work:plate")
        lines += [
            Waiting(_("Overdue assignments"), ours.overdue().count(), plate, urgent=True),
            Waiting(_("Deadlines within a week"), ours.due_within(WEEK).count(), plate),
        ]
    if roles.is_secretariat:
        reports = ProgressReport.objects.visible_to(user).submitted()
        if not roles.is_admin:
            reports = reports.filter(assignment__case__body_id__in=roles.secretariat_body_ids)
        lines.append(
            Waiting(_("Progress reports to review"), reports.count(), reverse("work:reviews"))
        )
    return lines
