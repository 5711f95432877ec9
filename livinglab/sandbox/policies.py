"""Who may do what in the regulatory sandbox.

- The trial's team (its proposing organisation's proposers) files an application, adds
  attachments, withdraws it while it waits, reports incidents and marks conditions met.
- Each agency asked for consent decides through its own officers, and only them.
- The governing body's secretariat (and admins) grant the permit once every consent is
  in, and suspend, reinstate or revoke it. A consenting agency's officers may suspend a
  permit after a serious incident (one reported since the permit was last reinstated).
- What each may see is `Application.objects.visible_to`; the public sees only the list
  of permits in force (`Permit.objects.public`), without people's names.
The state an action needs (a consent still waiting, a permit in force) is checked by the
services, which answer with a reason.
"""

from livinglab.core.access import policy
from livinglab.orgs.roles import roles_of
from livinglab.sandbox.models import Application, Attachment, Condition, Consent, Permit

TEAM = {"attach", "withdraw"}
SECRETARIAT = {"grant", "manage"}


def governs(user, application: Application) -> bool:
    roles = roles_of(user)
    return roles.is_admin or application.body_id in roles.secretariat_body_ids


def on_team(user, application: Application) -> bool:
    return application.trial.proposal.organisation_id in roles_of(user).proposer_org_ids


def may_apply(user, trial) -> bool:
    """The trial's team, or the secretariat of the trial's body, may file for it."""
    roles = roles_of(user)
    if roles.is_admin or trial.body_id in roles.secretariat_body_ids:
        return True
    return trial.proposal.organisation_id in roles.proposer_org_ids


@policy(Application)
def application_policy(user, action: str, application: Application) -> bool:
    if action == "view":
        return True  # reaching it already went through Application.objects.visible_to
    if action in TEAM:
        return on_team(user, application) or governs(user, application)
    return action in SECRETARIAT and governs(user, application)


@policy(Attachment)
def attachment_policy(user, action: str, attachment: Attachment) -> bool:
    return action == "view"


@policy(Consent)
def consent_policy(user, action: str, consent: Consent) -> bool:
    if action == "view":
        return True
    return action == "decide" and consent.organisation_id in roles_of(user).officer_org_ids


def consents_to(user, permit: Permit) -> bool:
    """Whether the user is an officer of an agency that consented to the permit."""
    org_ids = roles_of(user).officer_org_ids
    return (
        bool(org_ids)
        and permit.application.consents.filter(
            organisation_id__in=org_ids, status=Consent.Status.GIVEN
        ).exists()
    )


def serious_since_reinstated(permit: Permit) -> bool:
    from livinglab.sandbox.models import Incident, PermitChange

    last = permit.changes.filter(kind=PermitChange.Kind.REINSTATED).order_by("-at").first()
    incidents = permit.incidents.filter(severity=Incident.Severity.SERIOUS)
    if last is not None:
        incidents = incidents.filter(reported_at__gt=last.at)
    return incidents.exists()


@policy(Permit)
def permit_policy(user, action: str, permit: Permit) -> bool:
    application = permit.application
    if action == "view":
        return True
    if action in {"report_incident", "meet_condition"}:
        return on_team(user, application) or roles_of(user).is_admin
    if action in {"reinstate", "revoke"}:
        return governs(user, application)
    if action == "suspend":
        if governs(user, application):
            return True
        return consents_to(user, permit) and serious_since_reinstated(permit)
    return False


@policy(Condition)
def condition_policy(user, action: str, condition: Condition) -> bool:
    if action == "view":
        return True
    permit = getattr(condition.consent.application, "permit", None)
    return action == "meet" and permit is not None and permit_policy(user, "meet_condition", permit)
