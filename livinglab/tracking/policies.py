"""Who may do what with cases: the body's secretariat manages them, admins everything."""

from livinglab.core.access import policy
from livinglab.orgs.roles import roles_of
from livinglab.tracking.models import Case, CaseLink, Decision

MANAGE = {"change", "merge", "unmerge", "split", "rename", "review"}


def _manages(user, body_id: int) -> bool:
    roles = roles_of(user)
    return roles.is_admin or body_id in roles.secretariat_body_ids


@policy(Case)
def case_policy(user, action: str, case: Case) -> bool:
    if action == "view":
        return True  # reaching the object already went through Case.objects.visible_to
    return action in MANAGE and _manages(user, case.body_id)


@policy(Decision)
def decision_policy(user, action: str, decision: Decision) -> bool:
    if action == "view":
        return True
    return action in MANAGE and _manages(user, decision.meeting.body_id)


@policy(CaseLink)
def case_link_policy(user, action: str, link: CaseLink) -> bool:
    if action == "view":
        return True
    return action in MANAGE and _manages(user, link.case.body_id)
