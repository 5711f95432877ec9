from livinglab.core.access import policy
from livinglab.orgs.models import Membership, Organisation
from livinglab.orgs.roles import roles_of


@policy(Organisation)
def organisation_policy(user, action: str, org: Organisation) -> bool:
    if action == "view":
        return True
    # Names and aliases feed the minutes reader for every body: admins and secretariats.
    return action in {"change", "add_alias"} and roles_of(user).is_secretariat


@policy(Membership)
def membership_policy(user, action: str, membership: Membership) -> bool:
    roles = roles_of(user)
    if action == "view":
        return Membership.objects.visible_to(user).filter(pk=membership.pk).exists()
    if roles.is_admin:
        return True
    # A secretariat manages who works on its own bodies.
    return membership.body_id is not None and membership.body_id in roles.secretariat_body_ids
