"""The one choke point for reading and changing objects on behalf of a user.

Lists go through `Model.objects.visible_to(user)`; single objects through
`get_for_user`, which looks the object up among those the user may see (404 otherwise)
and then asks the model's policy whether the action is allowed (403 otherwise).
Services call `require` before they change anything, so the API, pages and commands
share one set of rules.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

Policy = Callable[[Any, str, Any], bool]
_POLICIES: dict[type, Policy] = {}


def policy(model: type) -> Callable[[Policy], Policy]:
    """Register `fn(user, action, obj) -> bool` as the rule for `model`."""

    def register(fn: Policy) -> Policy:
        _POLICIES[model] = fn
        return fn

    return register


def allows(user, action: str, obj) -> bool:
    rule = _POLICIES.get(type(obj))
    if rule is None:
        raise LookupError(f"no access policy for {type(obj).__name__}")
    return rule(user, action, obj)


def require(user, action: str, obj) -> None:
    if not allows(user, action, obj):
        raise PermissionDenied(f"{action} on {type(obj).__name__} {obj.pk} is not allowed")


def get_for_user(queryset, user, pk, action: str = "view"):
    try:
        obj = queryset.visible_to(user).get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404(f"{queryset.model.__name__} {pk} not found") from None
    require(user, action, obj)
    return obj
