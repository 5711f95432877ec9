"""The hierarchy of scopes and its closure table.

`ScopeAncestor` holds each (ancestor, descendant) pair once. A scope with two parents
(a bus route run by two cities) is a descendant of both and, once, of every ancestor
they share: a roll-up reads "the values of my distinct descendants", so the route's
values count in each city and once in the region.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from livinglab.kpis.models import Scope, ScopeAncestor, ScopeParent


class HierarchyRefused(ValueError):
    pass


@transaction.atomic
def create_scope(*, code: str, name_zh: str, kind: str, parents=(), **fields) -> Scope:
    scope = Scope.objects.create(code=code, name_zh=name_zh, kind=kind, **fields)
    ScopeAncestor.objects.create(ancestor=scope, descendant=scope)
    for parent in parents:
        add_parent(scope, parent)
    return scope


@transaction.atomic
def add_parent(child: Scope, parent: Scope) -> None:
    """Put `child` (and everything under it) under `parent` as well."""
    if ScopeAncestor.objects.filter(ancestor=child, descendant=parent).exists():
        raise HierarchyRefused(
            _("%(parent)s is inside %(child)s: a scope cannot be under itself.")
            % {"parent": parent, "child": child}
        )
    _link, created = ScopeParent.objects.get_or_create(child=child, parent=parent)
    if not created:
        return
    uppers = list(
        ScopeAncestor.objects.filter(descendant=parent).values_list("ancestor_id", flat=True)
    )
    lowers = list(
        ScopeAncestor.objects.filter(ancestor=child).values_list("descendant_id", flat=True)
    )
    ScopeAncestor.objects.bulk_create(
        [ScopeAncestor(ancestor_id=a, descendant_id=d) for a in uppers for d in lowers],
        ignore_conflicts=True,
        batch_size=2000,
    )
    from livinglab.kpis.services.rollup import forget_above

    forget_above(child)


def responsible_body(scope: Scope):
    """The scope's body, or the nearest ancestor's (None when nobody follows it)."""
    seen: set[int] = set()
    layer = [scope]
    while layer:
        for each in layer:
            if each.body_id:
                return each.body
        seen.update(s.pk for s in layer)
        layer = list(
            Scope.objects.filter(child_links__child__in=layer)
            .exclude(pk__in=seen)
            .select_related("body")
            .order_by("pk")
            .distinct()
        )
    return None


def scope_by_identifier(identifier: str) -> Scope:
    """`namespace:code`, a bare code of this instance, or a primary key."""
    namespace, sep, code = identifier.partition(":")
    if not sep:
        namespace, code = "local", identifier
        if identifier.isdigit():
            found = Scope.objects.filter(pk=int(identifier)).first()
            if found:
                return found
    try:
        return Scope.objects.get(namespace=namespace, code=code)
    except Scope.DoesNotExist:
        raise LookupError(_("No scope “%(scope)s”.") % {"scope": identifier}) from None
