"""Who may do what with needs and calls.

An agency's officers write and publish its needs; the secretariat of any body (the
project office) may do the same for any agency. A call is run by its body's secretariat.
"""

from livinglab.core.access import policy
from livinglab.needs.models import Call, Factor, Gate, Need
from livinglab.orgs.roles import roles_of

NEED_ACTIONS = {"change", "publish", "match", "close"}
CALL_ACTIONS = {"change", "publish", "rubric"}


def may_write_needs_for(user, agency_id: int) -> bool:
    roles = roles_of(user)
    return roles.is_secretariat or agency_id in roles.officer_org_ids


def may_run_calls_of(user, body_id: int) -> bool:
    roles = roles_of(user)
    return roles.is_admin or body_id in roles.secretariat_body_ids


@policy(Need)
def need_policy(user, action: str, need: Need) -> bool:
    if action == "view":
        return True  # reaching the object already went through Need.objects.visible_to
    return action in NEED_ACTIONS and may_write_needs_for(user, need.agency_id)


@policy(Call)
def call_policy(user, action: str, call: Call) -> bool:
    if action == "view":
        return True
    return action in CALL_ACTIONS and may_run_calls_of(user, call.body_id)


@policy(Gate)
def gate_policy(user, action: str, gate: Gate) -> bool:
    return action == "view" or may_run_calls_of(user, gate.call.body_id)


@policy(Factor)
def factor_policy(user, action: str, factor: Factor) -> bool:
    return action == "view" or may_run_calls_of(user, factor.call.body_id)
