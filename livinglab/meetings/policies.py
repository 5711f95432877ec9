from django.db.models import Q

from livinglab.core.access import policy
from livinglab.meetings.models import Body, Meeting, MinutesDocument
from livinglab.orgs.models import Membership, Organisation
from livinglab.orgs.roles import roles_of


@policy(Body)
def body_policy(user, action: str, body: Body) -> bool:
    roles = roles_of(user)
    if action == "view":
        return True  # reaching the object already went through Body.objects.visible_to
    if roles.is_admin:
        return True
    # "staff": name the body's secretaries, officers and reviewers, and invite them.
    return (
        action in {"change", "import", "manage", "staff"} and body.pk in roles.secretariat_body_ids
    )


def may_create_body(user) -> bool:
    """An admin, or a person already serving as a secretariat of some body.

    A secretariat opens new meeting series (a working group under its committee) for
    its own secretariat organisation; whoever creates a body becomes its secretary.
    """
    return roles_of(user).is_secretariat


def secretariat_organisations(user):
    """The organisations a user may name as a body's secretariat: any for an admin; else
    the secretariats of the bodies they already serve, and the organisations their
    secretariat memberships name."""
    roles = roles_of(user)
    if roles.is_admin:
        return Organisation.objects.filter(is_personal=False)
    if not roles.secretariat_body_ids:
        return Organisation.objects.none()
    served = Body.objects.filter(pk__in=roles.secretariat_body_ids).values("secretariat_id")
    named = Membership.objects.filter(
        user=user, role=Membership.Role.SECRETARIAT, organisation__isnull=False
    ).values("organisation_id")
    return Organisation.objects.filter(Q(pk__in=served) | Q(pk__in=named))


@policy(MinutesDocument)
def minutes_document_policy(user, action: str, document: MinutesDocument) -> bool:
    roles = roles_of(user)
    if action == "view":
        return True  # reaching the object already went through visible_to
    if roles.is_admin:
        return True
    return action in {"change", "confirm"} and document.body_id in roles.secretariat_body_ids


@policy(Meeting)
def meeting_policy(user, action: str, meeting: Meeting) -> bool:
    roles = roles_of(user)
    if action == "view":
        return True
    return roles.is_admin or (action == "change" and meeting.body_id in roles.secretariat_body_ids)
