"""The agency-work API: assignments, progress reports and their review, notifications.

What the work pages do, for an agency's or a city's own system: the lists go through
`visible_to`, single objects through `get_for_user`, and the services ask the same
policies as the pages (an officer reports on their agency's open assignments and edits
or withdraws a report until it is reviewed, each change kept as a revision; the body's
secretariat reviews). Reading never marks a notification read; marking is a POST.
"""

import datetime as dt
import html
from typing import Annotated

from django.template.loader import render_to_string
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StringConstraints

from livinglab.core.access import get_for_user
from livinglab.core.api_auth import require_user
from livinglab.core.api_types import BoundedLimitOffsetPagination, Id
from livinglab.tracking.models import Decision, taipei_today
from livinglab.work import notifications, services
from livinglab.work.models import (
    Assignment,
    Notification,
    ProgressReport,
    Proposal,
    ReportRevision,
)

router = Router(tags=["work"])


# --- Schemas -------------------------------------------------------------------------


class Ref(Schema):
    id: int
    name: str


class ReportOut(Schema):
    id: int
    assignment_id: int
    status: ProgressReport.Status
    text: str
    percent_complete: int
    expected_completion: dt.date | None
    proposal: Proposal
    author: str | None = Field(..., description="The display name of who filed it")
    submitted_at: dt.datetime
    reviewed_by: str | None
    reviewed_at: dt.datetime | None
    review_comment: str
    from_spreadsheet: bool


class AssignmentOut(Schema):
    id: int
    case: Ref
    body: Ref
    agency: Ref
    role: str = Field(..., description="lead or supporting")
    deadline: dt.date | None
    deadline_edited: bool
    is_open: bool = Field(
        ..., description="The case is still tracked and the agency still responsible for it"
    )
    is_overdue: bool = Field(..., description="Open and past the deadline (Asia/Taipei)")
    responsible: str | None


class AssignmentDetailOut(AssignmentOut):
    decision_text: str | None = Field(..., description="The decision the agency acts on")
    reports: list[ReportOut]


class AssignmentFilter(Schema):
    agency: Id | None = Field(None, description="Id of the agency")
    body: Id | None = Field(None, description="Id of the body")
    open: bool = Field(
        False, description="Only assignments of cases still tracked, of agencies still responsible"
    )
    overdue: bool = Field(False, description="Only open assignments past their deadline")


# Spaces around a report's text are dropped and nothing left is refused (422), as the
# report form refuses a blank report.
ReportText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]


class ReportIn(Schema):
    text: ReportText
    percent_complete: int = Field(0, ge=0, le=100)
    expected_completion: dt.date | None = None
    proposal: Proposal = Proposal.KEEP


class ReportChangeIn(Schema):
    """The fields to change; those left out stay as they are."""

    text: ReportText | None = None
    percent_complete: int | None = Field(None, ge=0, le=100)
    expected_completion: dt.date | None = None
    proposal: Proposal | None = None


class WithdrawIn(Schema):
    reason: str = Field("", max_length=500)


class RevisionOut(Schema):
    kind: ReportRevision.Kind
    by: str | None = Field(..., description="The display name of who made the change")
    at: dt.datetime
    before: dict = Field(..., description="The report's fields before the change")
    after: dict = Field(..., description="Its fields after an edit; empty for a withdrawal")
    reason: str


class ReportDetailOut(ReportOut):
    revisions: list[RevisionOut] = Field(..., description="Edits and withdrawal, oldest first")


class ReportFilter(Schema):
    status: ProgressReport.Status | None = None
    body: Id | None = Field(None, description="Id of the body")
    agency: Id | None = Field(None, description="Id of the agency")


class ReviewIn(Schema):
    accept: bool = Field(..., description="true accepts the report, false returns it")
    comment: str = Field("", max_length=2000)


class NotificationOut(Schema):
    id: int
    kind: Notification.Kind
    text: str = Field(..., description="The message, in the caller's language")
    subject: str
    count: int
    url: str = Field(..., description="The page it is about, on this site")
    created_at: dt.datetime
    read_at: dt.datetime | None


class NotificationFilter(Schema):
    unread: bool = Field(False, description="Only notifications not yet read")


class MarkReadIn(Schema):
    ids: list[Id] | None = Field(
        None, max_length=1000, description="The notifications to mark; all unread when empty"
    )


class MarkedOut(Schema):
    marked: int
    unread: int


# --- Output --------------------------------------------------------------------------


def _person(user) -> str | None:
    return (user.get_full_name() or user.username) if user is not None else None


def _assignment(assignment: Assignment, today: dt.date) -> dict:
    case = assignment.case
    return {
        "id": assignment.pk,
        "case": {"id": case.pk, "name": case.title},
        "body": {"id": case.body_id, "name": case.body.name},
        "agency": {"id": assignment.organisation_id, "name": assignment.organisation.name},
        "role": assignment.role,
        "deadline": assignment.deadline,
        "deadline_edited": assignment.deadline_edited,
        "is_open": assignment.is_open,
        "is_overdue": assignment.is_overdue(today),
        "responsible": _person(assignment.responsible),
    }


def _report(report: ProgressReport) -> dict:
    return {
        "id": report.pk,
        "assignment_id": report.assignment_id,
        "status": report.status,
        "text": report.text,
        "percent_complete": report.percent_complete,
        "expected_completion": report.expected_completion,
        "proposal": report.proposal,
        "author": _person(report.author),
        "submitted_at": report.submitted_at,
        "reviewed_by": _person(report.reviewed_by),
        "reviewed_at": report.reviewed_at,
        "review_comment": report.review_comment,
        "from_spreadsheet": report.from_spreadsheet,
    }


class _Page:
    """A queryset the paginator counts and slices; each page turned into dicts."""

    def __init__(self, queryset, convert) -> None:
        self.queryset, self.convert = queryset, convert

    def __len__(self) -> int:
        return self.queryset.count()

    def __getitem__(self, window: slice) -> list[dict]:
        return [self.convert(row) for row in self.queryset[window]]


_ASSIGNMENT_ROWS = ("case__body", "organisation", "responsible")
_REPORT_ROWS = ("author", "reviewed_by")


# --- Assignments and progress reports -------------------------------------------------


@router.get("/assignments", response=list[AssignmentOut], auth=require_user)
@paginate(BoundedLimitOffsetPagination)
def list_assignments(request, filters: Query[AssignmentFilter]):
    """The assignments the caller may see (their agency's; their bodies' for the
    secretariat), overdue and soonest first."""
    assignments = Assignment.objects.visible_to(request.auth)
    if filters.agency:
        assignments = assignments.filter(organisation_id=filters.agency)
    if filters.body:
        assignments = assignments.filter(case__body_id=filters.body)
    today = taipei_today()
    if filters.overdue:
        assignments = assignments.overdue(today)
    elif filters.open:
        assignments = assignments.open()
    assignments = assignments.select_related(*_ASSIGNMENT_ROWS).plate_order()
    return _Page(assignments, lambda a: _assignment(a, today))


@router.get("/assignments/{assignment_id}", response=AssignmentDetailOut, auth=require_user)
def get_assignment(request, assignment_id: Id):
    """One assignment, the decision it comes from and the reports the caller may see."""
    queryset = Assignment.objects.select_related(*_ASSIGNMENT_ROWS, "decision")
    assignment = get_for_user(queryset, request.auth, assignment_id, "view")
    reports = (
        ProgressReport.objects.visible_to(request.auth)
        .filter(assignment=assignment)
        .select_related(*_REPORT_ROWS)
    )
    decision = assignment.decision or _latest_decision(assignment.case)
    return {
        **_assignment(assignment, taipei_today()),
        "decision_text": decision.text if decision else None,
        "reports": [_report(r) for r in reports],
    }


def _latest_decision(case) -> Decision | None:
    """The case's latest decision (by meeting date), where the assignment names none."""
    links = case.links.active().select_related("decision")
    link = links.order_by("-decision__meeting__date", "-decision__position", "-pk").first()
    return link.decision if link else None


@router.post(
    "/assignments/{assignment_id}/reports",
    response={201: ReportOut},
    auth=require_user,
)
def file_report(request, assignment_id: Id, payload: ReportIn):
    """File a progress report (辦理情形) on an open assignment of the caller's agency;
    the body's secretariat then accepts or returns it. Attachments: on the page."""
    assignment = get_for_user(
        Assignment.objects.select_related("case"), request.auth, assignment_id, "view"
    )
    report = services.file_report(
        request.auth,
        assignment,
        services.NewReport(
            text=payload.text,
            percent_complete=payload.percent_complete,
            expected_completion=payload.expected_completion,
            proposal=payload.proposal,
        ),
    )
    return Status(201, _report(report))


@router.get("/progress-reports", response=list[ReportOut], auth=require_user)
@paginate(BoundedLimitOffsetPagination)
def list_reports(request, filters: Query[ReportFilter]):
    """Progress reports the caller may see, latest first; `status=submitted` is the
    secretariat's review queue."""
    reports = ProgressReport.objects.visible_to(request.auth)
    if filters.status:
        reports = reports.filter(status=filters.status)
    if filters.body:
        reports = reports.filter(assignment__case__body_id=filters.body)
    if filters.agency:
        reports = reports.filter(assignment__organisation_id=filters.agency)
    return _Page(reports.select_related(*_REPORT_ROWS).order_by("-submitted_at", "-pk"), _report)


@router.post("/progress-reports/{report_id}/review", response=ReportOut, auth=require_user)
def review_report(request, report_id: Id, payload: ReviewIn):
    """Accept a report waiting for review (it reaches the next tracking table) or return
    it with a comment; the body's secretariat only."""
    queryset = ProgressReport.objects.select_related("assignment__case", *_REPORT_ROWS)
    report = get_for_user(queryset, request.auth, report_id, "review")
    report = services.review_report(
        request.auth, report, accept=payload.accept, comment=payload.comment
    )
    return _report(report)


@router.get("/progress-reports/{report_id}", response=ReportDetailOut, auth=require_user)
def get_report(request, report_id: Id):
    """One progress report the caller may see, with the changes its agency made to it."""
    queryset = ProgressReport.objects.select_related(*_REPORT_ROWS)
    report = get_for_user(queryset, request.auth, report_id, "view")
    return _report_detail(report)


def _report_detail(report: ProgressReport) -> dict:
    revisions = report.revisions.select_related("actor").order_by("at", "pk")
    return {
        **_report(report),
        "revisions": [
            {
                "kind": r.kind,
                "by": _person(r.actor),
                "at": r.at,
                "before": r.before,
                "after": r.after,
                "reason": r.reason,
            }
            for r in revisions
        ],
    }


_EDITABLE = ("assignment__case", *_REPORT_ROWS)


@router.patch("/progress-reports/{report_id}", response=ReportDetailOut, auth=require_user)
def edit_report(request, report_id: Id, payload: ReportChangeIn):
    """Correct a report while it waits for review (its agency's officers only; 403 once
    reviewed or withdrawn). What it said before is kept as a revision."""
    report = get_for_user(
        ProgressReport.objects.select_related(*_EDITABLE), request.auth, report_id, "edit"
    )
    sent = payload.dict(exclude_unset=True)
    changed = services.NewReport(
        text=sent["text"] if sent.get("text") is not None else report.text,
        percent_complete=sent["percent_complete"]
        if sent.get("percent_complete") is not None
        else report.percent_complete,
        expected_completion=sent.get("expected_completion", report.expected_completion),
        proposal=sent["proposal"] if sent.get("proposal") is not None else report.proposal,
    )
    return _report_detail(services.edit_report(request.auth, report, changed))


@router.post("/progress-reports/{report_id}/withdraw", response=ReportDetailOut, auth=require_user)
def withdraw_report(request, report_id: Id, payload: WithdrawIn):
    """Take back a report before its review: it leaves the review queue and never reaches
    the tracking table, but stays on the record as withdrawn (with the `reason`)."""
    report = get_for_user(
        ProgressReport.objects.select_related(*_EDITABLE), request.auth, report_id, "withdraw"
    )
    return _report_detail(services.withdraw_report(request.auth, report, payload.reason))


# --- Notifications -------------------------------------------------------------------


def _notification(notification: Notification) -> dict:
    text = render_to_string("work/_notification_text.html", {"n": notification})
    return {
        "id": notification.pk,
        "kind": notification.kind,
        "text": html.unescape(text).strip(),
        "subject": notification.subject,
        "count": notification.count,
        "url": notification.url,
        "created_at": notification.created_at,
        "read_at": notification.read_at,
    }


@router.get("/notifications", response=list[NotificationOut], auth=require_user)
@paginate(BoundedLimitOffsetPagination)
def list_notifications(request, filters: Query[NotificationFilter]):
    """The caller's notifications, latest first. Reading them marks none read."""
    found = Notification.objects.visible_to(request.auth)
    if filters.unread:
        found = found.unread()
    return _Page(found, _notification)


@router.post("/notifications/read", response=MarkedOut, auth=require_user)
def mark_notifications_read(request, payload: MarkReadIn):
    """Mark the caller's notifications `ids` read (all unread ones when `ids` is empty)."""
    chosen = None
    if payload.ids:
        chosen = Notification.objects.visible_to(request.auth).filter(pk__in=payload.ids)
    marked = notifications.mark_read(request.auth, chosen)
    return {"marked": marked, "unread": notifications.unread_count(request.auth)}
