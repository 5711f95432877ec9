"""Agency work: assignments from the registry, progress reports and their review."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.core.people import display_name
from livinglab.orgs.models import Membership
from livinglab.tracking.models import Case, CaseAgency, CaseEvent, Decision
from livinglab.tracking.services import lifecycle
from livinglab.work import notifications
from livinglab.work.attachments import (
    MAX_FILES,
    AttachmentRejected,
    download_name,
    sniff,
    storage_name,
)
from livinglab.work.models import (
    Assignment,
    Attachment,
    ProgressReport,
    Proposal,
    ReportRevision,
)


def follow_cases(case_ids: set[int]) -> None:
    """Tracking's services changed these cases: bring their assignments up to date.

    Registered in `WorkConfig.ready` with `tracking.services.changes.listen`; runs in the
    transaction of the change, so pages only read assignments, never rebuild them.
    """
    sync_assignments(Case.objects.filter(pk__in=case_ids))


def sync_assignments(cases) -> int:
    """Give every agency responsible for a tracked case an assignment; idempotent.

    The agencies and roles come from the registry (`CaseAgency`), the deadline from the
    case's latest decision unless a secretary set it by hand. The assignment of an agency
    no longer responsible is withdrawn: off the agency's list and the overdue counts, kept
    on the record with its reports; named again, the agency has it back. The officers of
    an agency with a new (or returned) assignment are notified. Returns how many changed.
    """
    cases = cases.filter(state=Case.State.TRACKED)
    deadlines = dict(cases.values_list("pk", "deadline"))
    existing = {
        (a.case_id, a.organisation_id): a
        for a in Assignment.objects.filter(case_id__in=deadlines.keys())
    }
    new, changed, returned, responsible = [], [], [], set()
    for row in CaseAgency.objects.filter(case_id__in=deadlines.keys()).values(
        "case_id", "organisation_id", "role"
    ):
        deadline = deadlines[row["case_id"]]
        key = (row["case_id"], row["organisation_id"])
        responsible.add(key)
        current = existing.get(key)
        if current is None:
            new.append(Assignment(**row, deadline=deadline))
        elif (
            current.role != row["role"]
            or current.withdrawn_at is not None
            or (not current.deadline_edited and current.deadline != deadline)
        ):
            if current.withdrawn_at is not None:  # named again after it was withdrawn
                returned.append(current.pk)
            current.role, current.withdrawn_at = row["role"], None
            if not current.deadline_edited:
                current.deadline = deadline
            changed.append(current)
    gone = [a.pk for key, a in existing.items() if key not in responsible and not a.withdrawn_at]
    Assignment.objects.bulk_create(new, ignore_conflicts=True)
    Assignment.objects.bulk_update(changed, ["role", "deadline", "withdrawn_at"])
    Assignment.objects.filter(pk__in=gone).update(withdrawn_at=timezone.now())
    if new or returned:
        known = [a.pk for a in existing.values() if a.pk not in returned]
        created = Assignment.objects.filter(case_id__in=deadlines.keys()).exclude(pk__in=known)
        notifications.assignments_created(created.select_related("case"))
    return len(new) + len(changed) + len(gone)


def decision_to_act_on(assignment: Assignment) -> Decision | None:
    """The latest decision about the case that names the agency (else the case's latest):
    what the agency is asked to do."""
    decisions = (
        Decision.objects.filter(links__case_id=assignment.case_id, links__split_at__isnull=True)
        .select_related("meeting")
        .order_by("-meeting__date", "-meeting_id", "-position")
    )
    named = decisions.filter(decision_agencies__organisation_id=assignment.organisation_id)
    return named.first() or decisions.first()


def set_deadline(user, assignment: Assignment, deadline: dt.date | None) -> Assignment:
    require(user, "change", assignment)
    assignment.deadline, assignment.deadline_edited = deadline, True
    assignment.save(update_fields=["deadline", "deadline_edited", "updated_at"])
    return assignment


class NotOfTheAgency(ValueError):
    """The person named in charge is not an officer of the assignment's agency."""


def officers_of(organisation_id: int):
    """The active officers of an agency: who may be in charge of its assignments."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__role=Membership.Role.OFFICER,
            memberships__organisation_id=organisation_id,
        )
        .distinct()
        .order_by("first_name", "username")
    )


def set_person_in_charge(user, assignment: Assignment, person) -> Assignment:
    """Who in the agency is in charge of the assignment, on the case's history.

    An officer of the agency claims it (names themselves) or releases it (when it is
    theirs); the body's secretariat names any officer of the agency, or no one.
    """
    if person is not None and person.pk == user.pk:
        action = "claim"
    elif person is None and assignment.responsible_id == user.pk:
        action = "release"
    else:
        action = "assign_person"
    require(user, action, assignment)
    if person is not None and not officers_of(assignment.organisation_id).filter(pk=person.pk):
        raise NotOfTheAgency(
            _("%(person)s is not an officer of %(agency)s.")
            % {"person": display_name(person), "agency": assignment.organisation.name}
        )
    with transaction.atomic():
        current = (
            Assignment.objects.select_for_update(of=("self",))
            .select_related("responsible", "case")
            .get(pk=assignment.pk)
        )
        if current.responsible_id == getattr(person, "pk", None):
            return current
        before = display_name(current.responsible)
        current.responsible = person
        current.save(update_fields=["responsible", "updated_at"])
        payload = {
            "agency": assignment.organisation.name,
            "person": [before, display_name(person)],
        }
        lifecycle.record(current.case, CaseEvent.Kind.IN_CHARGE, actor=user, payload=payload)
    assignment.responsible = person
    return current


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


def _shown(report: ProgressReport) -> dict:
    """What a revision keeps of a report: the fields its agency may edit."""
    return {
        "text": report.text,
        "percent_complete": report.percent_complete,
        "expected_completion": report.expected_completion.isoformat()
        if report.expected_completion
        else None,
        "proposal": report.proposal,
    }


def _locked(user, report: ProgressReport, action: str) -> ProgressReport:
    """The report read again under a lock, so that a review a moment earlier wins."""
    require(user, action, report)
    report = (
        ProgressReport.objects.select_for_update()
        .select_related("assignment__case")
        .get(pk=report.pk)
    )
    require(user, action, report)
    return report


def edit_report(user, report: ProgressReport, changed: NewReport) -> ProgressReport:
    """The agency corrects its report while it waits for review; the revision keeps what
    it said before, who changed it and when."""
    with transaction.atomic():
        current = _locked(user, report, "edit")
        before = _shown(current)
        current.text, current.percent_complete = changed.text, changed.percent_complete
        current.expected_completion = changed.expected_completion
        current.proposal = changed.proposal
        after = _shown(current)
        if after != before:
            current.save(
                update_fields=["text", "percent_complete", "expected_completion", "proposal"]
            )
            ReportRevision.objects.create(
                report=current,
                kind=ReportRevision.Kind.EDITED,
                actor=user,
                before=before,
                after=after,
            )
    return current


def withdraw_report(user, report: ProgressReport, reason: str = "") -> ProgressReport:
    """The agency takes back its report before the review: it leaves the review queue and
    never reaches the table, but stays on the record as withdrawn."""
    with transaction.atomic():
        current = _locked(user, report, "withdraw")
        current.status = ProgressReport.Status.WITHDRAWN
        current.save(update_fields=["status"])
        ReportRevision.objects.create(
            report=current,
            kind=ReportRevision.Kind.WITHDRAWN,
            actor=user,
            before=_shown(current),
            reason=reason[:500],
        )
    return current


def review_report(user, report: ProgressReport, *, accept: bool, comment: str = ""):
    """The secretariat accepts a report (it reaches the next table) or returns it."""
    with transaction.atomic():  # locked: a report withdrawn a moment earlier is not reviewed
        current = _locked(user, report, "review")
        current.status = (
            ProgressReport.Status.ACCEPTED if accept else ProgressReport.Status.RETURNED
        )
        current.reviewed_by, current.reviewed_at = user, timezone.now()
        current.review_comment = comment
        current.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
        notifications.report_reviewed(current)
    report.status, report.reviewed_by = current.status, current.reviewed_by
    report.reviewed_at, report.review_comment = current.reviewed_at, current.review_comment
    return current


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
