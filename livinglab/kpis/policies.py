"""Who may do what with the KPI catalogue (registered with core.access)."""

from livinglab.core.access import policy
from livinglab.kpis.models import Definition, ExchangeImport, Scope, ValueUpload
from livinglab.orgs.roles import roles_of


@policy(Scope)
def scope_policy(user, action: str, scope: Scope) -> bool:
    if action == "view":
        return True
    if action == "supply":
        return Scope.objects.owned_by(user).filter(pk=scope.pk).exists()
    if action in ("manage", "set_target"):
        roles = roles_of(user)
        return roles.is_admin or (
            roles.is_secretariat and scope.body_id in roles.secretariat_body_ids
        )
    return False


@policy(Definition)
def definition_policy(user, action: str, definition: Definition) -> bool:
    if action == "view":
        return True
    # New versions of the shared catalogue: staff only.
    return roles_of(user).is_admin


@policy(ValueUpload)
def upload_policy(user, action: str, upload: ValueUpload) -> bool:
    return user.is_authenticated and upload.uploaded_by_id == user.pk


@policy(ExchangeImport)
def import_policy(user, action: str, exchange: ExchangeImport) -> bool:
    # Another city's figures come in through the secretariat (or staff).
    return roles_of(user).is_secretariat
