from livinglab.accounts.models import ApiToken, Invitation
from livinglab.core.access import allows, policy
from livinglab.orgs.roles import roles_of


@policy(ApiToken)
def token_policy(user, action: str, token: ApiToken) -> bool:
    # Tokens are personal: only their owner (or an admin revoking) may touch them.
    return token.user_id == user.pk or (action == "revoke" and roles_of(user).is_admin)


@policy(Invitation)
def invitation_policy(user, action: str, invitation: Invitation) -> bool:
    # Whoever names the body's staff may see, send again and cancel its invitations.
    return allows(user, "staff", invitation.body)
