"""Who may do what with agency work.

An agency's officers report on its assignments and claim the person-in-charge field; the
body's secretariat manages deadlines, names the person in charge and reviews reports;
admins may do everything.
Proposers, reviewers and the public have no part in it.
"""

from livinglab.core.access import policy
from livinglab.orgs.roles import roles_of
from livinglab.work.models import Assignment, BulkUpdate, ProgressReport


def _secretariat(user, body_id: int) -> bool:
    roles = roles_of(user)
    return roles.is_admin or body_id in roles.secretariat_body_ids


def _officer(user, organisation_id: int) -> bool:
    return organisation_id in roles_of(user).officer_org_ids


@policy(Assignment)
def assignment_policy(user, action: str, assignment: Assignment) -> bool:
    body_id = assignment.case.body_id
    if action == "view":
        return _secretariat(user, body_id) or _officer(user, assignment.organisation_id)
    if action == "report":
        return assignment.is_open and _officer(user, assignment.organisation_id)
    # The person in charge: an officer of the agency claims the assignment or releases
    # it when it is theirs; the body's secretariat names any officer of the agency.
    if action == "claim":
        return _officer(user, assignment.organisation_id) and assignment.responsible_id != user.pk
    if action == "release":
        return _officer(user, assignment.organisation_id) and assignment.responsible_id == user.pk
    if action == "assign_person":
        return _secretariat(user, body_id)
    if action == "change":
        return _secretariat(user, body_id)
    if action == "report_on_behalf":  # from a bulk update spreadsheet
        return assignment.is_open and _secretariat(user, body_id)
    return False


@policy(ProgressReport)
def progress_report_policy(user, action: str, report: ProgressReport) -> bool:
    assignment = report.assignment
    if action == "view":
        return True  # reaching the report already went through visible_to
    if action in ("edit", "withdraw"):  # until the secretariat has reviewed it
        return report.status == ProgressReport.Status.SUBMITTED and _officer(
            user, assignment.organisation_id
        )
    if action == "review":
        return report.status == ProgressReport.Status.SUBMITTED and _secretariat(
            user, assignment.case.body_id
        )
    return False


@policy(BulkUpdate)
def bulk_update_policy(user, action: str, upload: BulkUpdate) -> bool:
    """Only the body's secretariat (or an admin) downloads, uploads and applies."""
    if action in ("create", "view"):
        return _secretariat(user, upload.body_id)
    if action == "apply":
        return upload.applied_at is None and _secretariat(user, upload.body_id)
    return False
