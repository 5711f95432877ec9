"""What a user may do, read once per request from their memberships.

Every `visible_to(user)` QuerySet method and every permission check asks this module,
so that the rules for a role live in one place.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Roles:
    is_admin: bool = False
    secretariat_body_ids: frozenset[int] = field(default_factory=frozenset)
    officer_org_ids: frozenset[int] = field(default_factory=frozenset)
    reviewer_body_ids: frozenset[int] = field(default_factory=frozenset)
    proposer_org_ids: frozenset[int] = field(default_factory=frozenset)
    is_proposer: bool = False

    @property
    def is_secretariat(self) -> bool:
        return self.is_admin or bool(self.secretariat_body_ids)

    @property
    def is_officer(self) -> bool:
        return bool(self.officer_org_ids)

    @property
    def is_reviewer(self) -> bool:
        return bool(self.reviewer_body_ids)

    @property
    def works_for_the_city(self) -> bool:
        """Secretariats and agencies' officers: those who may read which colleague did
        what on a case. Visitors, proposers and outside reviewers read only when."""
        return self.is_secretariat or self.is_officer


ANONYMOUS = Roles()
_CACHE_ATTR = "_livinglab_roles"


def roles_of(user) -> Roles:
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = _load(user)
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_roles(user) -> None:
    """Drop the cached roles after memberships change within a request or test."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def _load(user) -> Roles:
    from livinglab.orgs.models import Membership

    ids: dict[str, set[int]] = {
        "secretariat": set(),
        "officer": set(),
        "reviewer": set(),
        "proposer": set(),
    }
    is_proposer = False
    rows = Membership.objects.filter(user=user).values_list("role", "organisation_id", "body_id")
    for role, org_id, body_id in rows:
        if role == Membership.Role.PROPOSER:
            is_proposer = True
        target = body_id if role in ("secretariat", "reviewer") else org_id
        if target is not None:
            ids[role].add(target)
    return Roles(
        is_admin=user.is_superuser or user.is_staff,
        secretariat_body_ids=frozenset(ids["secretariat"]),
        officer_org_ids=frozenset(ids["officer"]),
        reviewer_body_ids=frozenset(ids["reviewer"]),
        proposer_org_ids=frozenset(ids["proposer"]),
        is_proposer=is_proposer,
    )
