from livinglab.accounts.models import ApiToken
from livinglab.core.access import policy
from livinglab.orgs.roles import roles_of


@policy(ApiToken)
def token_policy(user, action: str, token: ApiToken) -> bool:
    # Tokens are personal: only their owner (or an admin revoking) may touch them.
    return token.user_id == user.pk or (action == "revoke" and roles_of(user).is_admin)
