"""Bulk update: the secretariat downloads a body's open assignments as a spreadsheet,
agencies fill in progress, the secretariat uploads it back, previews and applies it.

Uploading checks every row and keeps the checked rows in a `BulkUpdate`; applying checks
them again against the registry as it is then and, in one transaction, turns each row
into a progress report filed by the uploader on behalf of the agency (still waiting for
the secretariat's accept/return) and changes deadlines. One bad row applies nothing.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.work import notifications, spreadsheets
from livinglab.work.models import Assignment, BulkUpdate, Notification, ProgressReport, Proposal

MAX_TEXT = 4000


class BulkRejected(ValueError):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass
class RowChange:
    row: int
    assignment: Assignment
    deadline: dt.date | None  # the new deadline, or None if unchanged
    text: str
    percent_complete: int
    proposal: str

    @property
    def old_deadline(self):
        return self.assignment.deadline

    def get_proposal_display(self) -> str:
        return Proposal(self.proposal).label


def open_assignments(body):
    return (
        Assignment.objects.open()
        .filter(case__body=body)
        .select_related("case", "organisation")
        .order_by("case_id", "role", "organisation__name")
    )


def download(user, body, fmt: str) -> bytes:
    """The body's open assignments in the upload layout; progress columns left blank."""
    require(user, "create", BulkUpdate(body=body))
    rows = [
        [a.case_id, a.case.title, a.organisation.name, a.deadline, None, None, None]
        for a in open_assignments(body)
    ]
    return spreadsheets.write(fmt, body.name, rows)


def upload(user, body, name: str, data: bytes) -> BulkUpdate:
    """Read and check an uploaded spreadsheet; keep its rows for the preview."""
    require(user, "create", BulkUpdate(body=body))
    rows = spreadsheets.read(name, data)
    if len(rows) > spreadsheets.MAX_ROWS + 1:
        raise BulkRejected([_("More than %(max)s rows.") % {"max": spreadsheets.MAX_ROWS}])
    stored = [
        [number, *[_jsonable(v) for v in (row + [None] * spreadsheets.COLUMNS)[:7]]]
        for number, row in enumerate(rows, start=1)
        if number > 1 and any(v not in (None, "") for v in row)
    ]
    check(body, stored)  # raises BulkRejected naming each bad row
    return BulkUpdate.objects.create(body=body, uploader=user, filename=name[:255], rows=stored)


def preview(user, bulk: BulkUpdate) -> list[RowChange]:
    require(user, "view", bulk)
    return check(bulk.body, bulk.rows)


def apply(user, bulk: BulkUpdate) -> list[ProgressReport]:
    """All rows or none: progress reports on behalf of the agencies and deadline changes."""
    with transaction.atomic():
        bulk = BulkUpdate.objects.select_for_update().select_related("body").get(pk=bulk.pk)
        require(user, "apply", bulk)
        changes = check(bulk.body, bulk.rows)
        filed = []
        for change in changes:
            assignment = change.assignment
            if change.deadline is not None:
                require(user, "change", assignment)
                assignment.deadline, assignment.deadline_edited = change.deadline, True
                assignment.save(update_fields=["deadline", "deadline_edited", "updated_at"])
            if change.text:
                require(user, "report_on_behalf", assignment)
                filed.append(
                    ProgressReport(
                        assignment=assignment,
                        text=change.text,
                        percent_complete=change.percent_complete,
                        proposal=change.proposal,
                        author=user,
                        from_spreadsheet=True,
                    )
                )
        ProgressReport.objects.bulk_create(filed)
        bulk.applied_at = timezone.now()
        bulk.save(update_fields=["applied_at"])
        if filed:
            notifications.notify(
                notifications.secretaries_of(bulk.body_id).exclude(pk=user.pk),
                Notification.Kind.BULK_TO_REVIEW,
                bulk.body.name,
                url=reverse("work:reviews"),
                count=len(filed),
            )
    return filed


# --- checking rows -------------------------------------------------------------------


def check(body, rows: list[list]) -> list[RowChange]:
    """The changes the rows make; raises BulkRejected listing every bad row."""
    by_case: dict[int, dict[str, Assignment]] = {}
    for a in open_assignments(body):
        names = by_case.setdefault(a.case_id, {})
        for name in {a.organisation.name, a.organisation.short_name} - {""}:
            names[name] = a
    errors: list[str] = []
    changes: list[RowChange] = []
    seen: set[int] = set()
    for number, case_id, _title, agency, deadline, text, percent, proposal in rows:
        problems, change = _check_row(
            number, by_case, case_id, agency, deadline, text, percent, proposal
        )
        if change and change.assignment.pk in seen:
            problems.append(
                _("Row %(row)s: case %(case)s and %(agency)s appear more than once.")
                % {"row": number, "case": case_id, "agency": agency}
            )
        errors.extend(problems)
        if change and not problems:
            seen.add(change.assignment.pk)
            if change.text or change.deadline is not None:
                changes.append(change)
    if errors:
        raise BulkRejected(errors)
    return changes


def _check_row(number, by_case, case_id, agency, deadline, text, percent, proposal):
    row = {"row": number, "case": case_id, "agency": agency or "", "value": ""}
    case_number = _as_int(case_id)
    if case_number is None:
        return [_("Row %(row)s: “%(case)s” is not a case number.") % row], None
    if case_number not in by_case:
        return [
            _("Row %(row)s: case %(case)s is not an open tracked case of this body.") % row
        ], None
    assignment = by_case[case_number].get(str(agency or "").strip())
    if assignment is None:
        return [_("Row %(row)s: “%(agency)s” is not an agency of case %(case)s.") % row], None
    problems = []
    text = "" if text is None else str(text).strip()
    if len(text) > MAX_TEXT:
        problems.append(
            _("Row %(row)s: the progress text is longer than %(max)s characters.")
            % {**row, "max": MAX_TEXT}
        )
    new_deadline = _as_date(deadline)
    if new_deadline is False:
        problems.append(
            _("Row %(row)s: “%(value)s” is not a date (YYYY-MM-DD).") % {**row, "value": deadline}
        )
    percent_value = 0 if percent in (None, "") else _as_int(str(percent).rstrip("%").strip())
    if percent_value is None or not 0 <= percent_value <= 100:
        problems.append(
            _("Row %(row)s: completion must be a whole number from 0 to 100, not “%(value)s”.")
            % {**row, "value": percent}
        )
    proposal_value = _as_proposal(proposal)
    if proposal_value is None:
        problems.append(
            _(
                "Row %(row)s: “%(value)s” is not a proposal (keep tracking, delist or regular exchange)."
            )
            % {**row, "value": proposal}
        )
    if not text and (percent not in (None, "") or proposal not in (None, "")):
        problems.append(_("Row %(row)s: completion or proposal given without progress text.") % row)
    if problems:
        return problems, None
    if new_deadline == assignment.deadline:
        new_deadline = None
    return [], RowChange(number, assignment, new_deadline, text, percent_value, proposal_value)


def _jsonable(value):
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _as_int(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = str(value or "").strip()
    return int(text) if text.isascii() and text.isdigit() else None


def _as_date(value):
    """A date, None for a blank cell (no change), or False if it is not a date."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return False


def _as_proposal(value) -> str | None:
    if value in (None, ""):
        return Proposal.KEEP
    text = str(value).strip().lower()
    for code, label in Proposal.choices:
        names = {code}
        for language in ("zh-hant", "en"):
            with translation.override(language):
                names.add(str(label).lower())
        if text in names:
            return code
    return None
