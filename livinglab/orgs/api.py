from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from livinglab.core.access import get_for_user
from livinglab.core.api_auth import optional_user, require_user
from livinglab.core.api_types import BoundedLimitOffsetPagination, Id
from livinglab.orgs import services
from livinglab.orgs.models import Organisation

router = Router(tags=["organisations"])


class OrganisationOut(Schema):
    id: int
    kind: str
    name: str
    short_name: str
    city_id: int | None
    parent_id: int | None
    aliases: list[str] = Field(default_factory=list)

    @staticmethod
    def resolve_aliases(obj):
        return [alias.name for alias in obj.aliases.all()]


class OrganisationFilter(Schema):
    q: str = Field("", max_length=100, description="Text in the name, short name or an alias")
    kind: Organisation.Kind | None = None
    city_id: Id | None = None


class AliasIn(Schema):
    name: str = Field(..., min_length=1, max_length=100)


@router.get("/organisations", response=list[OrganisationOut], auth=optional_user)
@paginate(BoundedLimitOffsetPagination)
def list_organisations(request, filters: Query[OrganisationFilter]):
    orgs = Organisation.objects.visible_to(request.auth).search(filters.q)
    if filters.kind:
        orgs = orgs.filter(kind=filters.kind)
    if filters.city_id:
        orgs = orgs.filter(city_id=filters.city_id)
    return orgs.prefetch_related("aliases").order_by("name")


@router.get(
    "/organisations/resolve", response={200: OrganisationOut, 404: dict}, auth=optional_user
)
def resolve_organisation(request, name: str, city_id: Id | None = None):
    """The organisation a name as written refers to, in the context of a city."""
    city = get_object_or_404(Organisation.objects.cities(), pk=city_id) if city_id else None
    org = services.resolve_agency(name[:200], city)
    if org is None:
        return Status(404, {"detail": _("No organisation is known by that name.")})
    return org


@router.get("/organisations/{org_id}", response=OrganisationOut, auth=optional_user)
def get_organisation(request, org_id: Id):
    return get_for_user(Organisation.objects, request.auth, org_id)


@router.post("/organisations/{org_id}/aliases", response={201: OrganisationOut}, auth=require_user)
def add_alias(request, org_id: Id, payload: AliasIn):
    org = get_for_user(Organisation.objects, request.auth, org_id, "add_alias")
    services.add_alias(request.auth, org, payload.name)
    return Status(201, org)
