"""Who may do what with proposals.

The organisation's proposers write, submit and withdraw its proposals; the secretariat
of the call's body decides them; an administrator may decide any. Join requests are
approved by a proposer of the organisation asked to join (an administrator where it has
no proposer yet).
"""

from livinglab.core.access import policy
from livinglab.orgs.models import Membership
from livinglab.orgs.roles import roles_of
from livinglab.proposals.models import Attachment, JoinRequest, Proposal, ProposalEvent

PROPOSER_ACTIONS = {"change", "submit", "withdraw", "attach"}
SECRETARIAT_ACTIONS = {"decide", "review"}


def proposes_for(user, organisation_id: int) -> bool:
    return organisation_id in roles_of(user).proposer_org_ids


def runs_call_of(user, proposal: Proposal) -> bool:
    roles = roles_of(user)
    return roles.is_admin or proposal.call.body_id in roles.secretariat_body_ids


@policy(Proposal)
def proposal_policy(user, action: str, proposal: Proposal) -> bool:
    if action == "view":
        return True  # reaching the object already went through Proposal.objects.visible_to
    if action in PROPOSER_ACTIONS:
        return proposes_for(user, proposal.organisation_id)
    if action in SECRETARIAT_ACTIONS:
        return runs_call_of(user, proposal)
    return False


@policy(ProposalEvent)
def proposal_event_policy(user, action: str, event: ProposalEvent) -> bool:
    return action == "view"


@policy(Attachment)
def attachment_policy(user, action: str, attachment: Attachment) -> bool:
    if action == "view":
        return True
    return action == "delete" and proposes_for(user, attachment.proposal.organisation_id)


@policy(JoinRequest)
def join_request_policy(user, action: str, request: JoinRequest) -> bool:
    if action == "view":
        return True
    if action != "decide":
        return False
    if roles_of(user).is_admin:
        return True
    return proposes_for(user, request.organisation_id) and request.user_id != user.pk


def organisation_has_proposers(organisation_id: int) -> bool:
    return Membership.objects.filter(
        organisation_id=organisation_id, role=Membership.Role.PROPOSER
    ).exists()
