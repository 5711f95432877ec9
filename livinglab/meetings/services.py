"""Running a body from the platform: creating and editing it, naming its staff.

Who may do what is asked of the policies (`may_create_body`, `require(user, "change" |
"staff", body)`); pages, the API and commands all come through here.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, Q, When
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.meetings.models import Body
from livinglab.meetings.policies import may_create_body, secretariat_organisations
from livinglab.orgs.models import Membership, Organisation
from livinglab.orgs.roles import forget_roles

# The roles a body's secretariat hands out; proposers join organisations, not bodies.
STAFF_ROLES = (Membership.Role.SECRETARIAT, Membership.Role.OFFICER, Membership.Role.REVIEWER)
AGENCY_KINDS = (Organisation.Kind.CITY, Organisation.Kind.AGENCY, Organisation.Kind.UNIT)


@dataclass
class BodyFields:
    name: str
    short_name: str = ""
    parent: Body | None = None
    members: list[Organisation] = field(default_factory=list)
    secretariat: Organisation | None = None
    is_public: bool = True
    hosting_rotation: str = ""
    description: str = ""


def parent_choices(user, body: Body | None = None):
    """Bodies a body may report to: those the user can see, never itself or one under it."""
    bodies = Body.objects.visible_to(user)
    if body is not None:
        bodies = bodies.exclude(pk__in=[body.pk, *descendant_ids(body)])
    return bodies.order_by("name")


def descendant_ids(body: Body) -> set[int]:
    found: set[int] = set()
    level = {body.pk}
    while level:
        level = set(Body.objects.filter(parent__in=level).values_list("pk", flat=True)) - found
        found |= level
    return found


def secretariat_choices(user, body: Body | None = None):
    """The user's own secretariat organisations, and the one the body already has."""
    allowed = secretariat_organisations(user)
    if body is not None and body.secretariat_id:
        allowed = allowed | Organisation.objects.filter(pk=body.secretariat_id)
    return allowed.distinct().order_by("name")


def _check(user, fields: BodyFields, body: Body | None = None) -> None:
    if fields.secretariat and not secretariat_choices(user, body).filter(pk=fields.secretariat.pk):
        raise PermissionDenied("the secretariat is not one of the user's organisations")
    if fields.parent and not parent_choices(user, body).filter(pk=fields.parent.pk):
        raise ValidationError(_("A body cannot report to itself or to a body under it."))


def _write(body: Body, fields: BodyFields) -> Body:
    for name in (
        "name",
        "short_name",
        "parent",
        "secretariat",
        "is_public",
        "hosting_rotation",
        "description",
    ):
        setattr(body, name, getattr(fields, name))
    body.full_clean()
    body.save()
    body.members.set(fields.members)
    return body


@transaction.atomic
def create_body(user, fields: BodyFields) -> Body:
    """Create a body; its creator becomes its secretary (and can import into it)."""
    if not may_create_body(user):
        raise PermissionDenied("only an admin or a secretariat may create a body")
    _check(user, fields)
    body = _write(Body(), fields)
    Membership.objects.create(user=user, role=Membership.Role.SECRETARIAT, body=body)
    forget_roles(user)
    return body


@transaction.atomic
def update_body(user, body: Body, fields: BodyFields) -> Body:
    require(user, "change", body)
    _check(user, fields, body)
    return _write(body, fields)


def staff_of(body: Body):
    return (
        Membership.objects.filter(body=body, role__in=STAFF_ROLES)
        .select_related("user", "organisation")
        .annotate(rank=Case(*[When(role=r, then=i) for i, r in enumerate(STAFF_ROLES)]))
        .order_by("rank", "user__first_name", "user__username")
    )


def staff_agencies(body: Body):
    """Agencies whose officers may serve a body: its members and, for a member city,
    that city's agencies and units."""
    members = body.members.values("pk")
    return (
        Organisation.objects.filter(kind__in=AGENCY_KINDS)
        .filter(Q(pk__in=members) | Q(city__in=members))
        .order_by("city__name", "kind", "name")
    )


def check_staff_role(body: Body, role: str, agency: Organisation | None) -> Organisation | None:
    """The agency the membership names: required for an officer, one of the body's."""
    if role not in STAFF_ROLES:
        raise ValidationError(_("Choose secretary, agency officer or reviewer."))
    if role != Membership.Role.OFFICER:
        return None
    if agency is None:
        raise ValidationError(_("An agency officer needs the agency they work for."))
    if not staff_agencies(body).filter(pk=agency.pk).exists():
        raise ValidationError(_("The agency is not a member of this body nor of its cities."))
    return agency


@transaction.atomic
def add_staff(user, body: Body, person, role: str, agency: Organisation | None = None):
    """Give an existing person a role on the body; adding them twice changes nothing."""
    require(user, "staff", body)
    agency = check_staff_role(body, role, agency)
    membership, _created = Membership.objects.get_or_create(
        user=person, role=role, body=body, organisation=agency
    )
    forget_roles(person)
    return membership


@transaction.atomic
def remove_staff(user, membership: Membership) -> None:
    body = Body.objects.select_for_update().get(pk=membership.body_id)
    require(user, "staff", body)
    if membership.role == Membership.Role.SECRETARIAT:
        others = staff_of(body).filter(role=Membership.Role.SECRETARIAT).exclude(pk=membership.pk)
        if not others.exists():
            raise ValidationError(
                _("A body keeps at least one secretary: name another before removing this one.")
            )
    membership.delete()
    forget_roles(membership.user)
