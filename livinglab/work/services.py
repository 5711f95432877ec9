"""Agency work: assignments from the registry, progress reports and their review."""

import datetime as dt
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.tracking.models import Case, CaseAgency
from livinglab.work import notifications
from livinglab.work.attachments import (
    MAX_FILES,
    AttachmentRejected,
    download_name,
    sniff,
    storage_name,
)
from livinglab.work.models import Assignment, Attachment, ProgressReport, Proposal


def follow_cases(case_ids: set[int]) -> None:
    """Tracking's services changed these cases: bring their assignments up to date.

    Registered in `WorkConfig.ready` with `tracking.services.changes.listen`; runs in the
    transaction of the change, so pages only read assignments, never rebuild them.
    """
    sync_assignments(Case.objects.filter(pk__in=case_ids))


def sync_assignments(cases) -> int:
    """Give every agency responsible for a tracked case an assignment; idempotent.

    The agencies and roles come from the registry (`CaseAgency`), the deadline from the
    case's latest decision unless a secretary set it by hand. The officers of an agency
    that has a new assignment are notified. Returns how many changed.
    """
    cases = cases.filter(state=Case.State.TRACKED)
    deadlines = dict(cases.values_list("pk", "deadline"))
    existing = {
        (a.case_id, a.organisation_id): a
        for a in Assignment.objects.filter(case_id__in=deadlines.keys())
    }
    new, changed = [], []
    for row in CaseAgency.objects.filter(case_id__in=deadlines.keys()).values(
        "case_id", "organisation_id", "role"
    ):
        deadline = deadlines[row["case_id"]]
        current = existing.get((row["case_id"], row["organisation_id"]))
        if current is None:
            new.append(Assignment(**row, deadline=deadline))
        elif current.role != row["role"] or (
            not current.deadline_edited and current.deadline != deadline
        ):
            current.role = row["role"]
            if not current.deadline_edited:
                current.deadline = deadline
            changed.append(current)
    Assignment.objects.bulk_create(new, ignore_conflicts=True)
    Assignment.objects.bulk_update(changed, ["role", "deadline"])
    if new:
        known = [a.pk for a in existing.values()]
        created = Assignment.objects.filter(case_id__in=deadlines.keys()).exclude(pk__in=known)
        notifications.assignments_created(created.select_related("case"))
    return len(new) + len(changed)


def set_deadline(user, assignment: Assignment, deadline: dt.date | None) -> Assignment:
    require(user, "change", assignment)
    assignment.deadline, assignment.deadline_edited = deadline, True
    assignment.save(update_fields=["deadline", "deadline_edited", "updated_at"])
    return assignment


def name_responsible(user, assignment: Assignment, person) -> Assignment:
    require(user, "name_responsible", assignment)
    assignment.responsible = person
    assignment.save(update_fields=["responsible", "updated_at"])
    return assignment


@dataclass
class NewReport:
    text: str
    percent_complete: int = 0
    expected_completion: dt.date | None = None
    proposal: str = Proposal.KEEP


def file_report(user, assignment: Assignment, report: NewReport, files=()) -> ProgressReport:
    """An officer reports progress on their agency's assignment, with attachments."""
    require(user, "report", assignment)
    files = list(files)
    if len(files) > MAX_FILES:
        raise AttachmentRejected(_("At most %(count)s attachments.") % {"count": MAX_FILES})
    checked = []
    for file in files:
        data = file.read()
        checked.append((file.name, data, sniff(file.name, data)))
    with transaction.atomic():
        filed = ProgressReport.objects.create(
            assignment=assignment,
            text=report.text,
            percent_complete=report.percent_complete,
            expected_completion=report.expected_completion,
            proposal=report.proposal,
            author=user,
        )
        for name, data, content_type in checked:
            attachment = Attachment(
                report=filed,
                filename=download_name(name, content_type),
                content_type=content_type,
                size=len(data),
            )
            attachment.file.save(storage_name(content_type), ContentFile(data), save=False)
            attachment.save()
        notifications.report_filed(filed, by=user)
    return filed


def review_report(user, report: ProgressReport, *, accept: bool, comment: str = ""):
    """The secretariat accepts a report (it reaches the next table) or returns it."""
    require(user, "review", report)
    report.status = ProgressReport.Status.ACCEPTED if accept else ProgressReport.Status.RETURNED
    report.reviewed_by, report.reviewed_at = user, timezone.now()
    report.review_comment = comment
    with transaction.atomic():
        report.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
        notifications.report_reviewed(report)
    return report


def latest_accepted(cases) -> dict[int, list[ProgressReport]]:
    """For each case, the latest accepted report of each agency (lead agencies first)."""
    reports = (
        ProgressReport.objects.accepted()
        .filter(assignment__case__in=cases)
        .select_related("assignment__organisation")
        .order_by("assignment__case_id", "assignment__organisation_id", "-submitted_at", "-pk")
    )
    result: dict[int, list[ProgressReport]] = {}
    seen = set()
    for report in reports:
        key = (report.assignment.case_id, report.assignment.organisation_id)
        if key not in seen:
            seen.add(key)
            result.setdefault(key[0], []).append(report)
    for rows in result.values():
        rows.sort(key=lambda r: (r.assignment.role != "lead", r.assignment.organisation.name))
    return result


def allows(user, action: str, obj) -> bool:
    """Whether to offer an action on a page; the service checks again when it runs."""
    from livinglab.core.access import allows as _allows

    return _allows(user, action, obj)
