"""The field-site API: public sites for everyone (points as GeoJSON), bookings for the
secretariat and the managing agency, who may also book through it."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import Q
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from livinglab.core.access import get_for_user
from livinglab.core.api_auth import optional_user, require_user
from livinglab.core.api_types import BoundedLimitOffsetPagination
from livinglab.needs.models import Need
from livinglab.sites import services
from livinglab.sites.listing import site_rows
from livinglab.sites.models import Booking, Capability, FieldSite

router = Router(tags=["field sites"])


class CapabilityOut(Schema):
    key: str
    name: str
    name_en: str


class AgencyRef(Schema):
    id: int
    name: str


class Point(Schema):
    type: str = "Point"
    coordinates: list[float] = Field(..., description="[longitude, latitude], WGS 84")


class SiteOut(Schema):
    id: int
    name: str
    agency: AgencyRef
    address: str
    location: Point | None = Field(..., description="GeoJSON point, or null when not located")
    capabilities: list[str] = Field(..., description="Capability keys")
    capacity: int
    is_public: bool
    url: str

    @staticmethod
    def resolve_location(site):
        return _point(site)

    @staticmethod
    def resolve_capabilities(site):
        return [c.key for c in site.capabilities.all()]

    @staticmethod
    def resolve_url(site):
        return site.get_absolute_url()


class NeedRef(Schema):
    id: int
    title: str
    status: str


class SiteDetailOut(SiteOut):
    needs: list[NeedRef] = Field(..., description="Public needs that offer this site")
    description: str
    sandbox_rules: str
    permits_needed: str
    contact_name: str
    contact_email: str
    contact_phone: str

    @staticmethod
    def resolve_needs(site, context):
        user = context["request"].auth
        needs = Need.objects.visible_to(user).public().filter(field_sites=site)
        return needs.order_by("-published_at", "-pk").values("id", "title", "status")


class SiteFilter(Schema):
    q: str = Field("", max_length=100, description="Text in the name or the address")
    capability: str = Field("", max_length=40, description="A capability key, e.g. 5g")


class BookingOut(Schema):
    id: int
    site_id: int
    starts_on: dt.date
    ends_on: dt.date
    label: str
    purpose: str
    reference: str
    cancelled: bool

    @staticmethod
    def resolve_cancelled(booking):
        return booking.cancelled_at is not None


class BookingIn(Schema):
    starts_on: dt.date
    ends_on: dt.date = Field(..., description="The last day, included")
    label: str = Field(..., min_length=1, max_length=200)
    purpose: str = Field("", max_length=2000)
    reference: str = Field("", max_length=100)


class BookingRefusedOut(Schema):
    detail: str
    clashes: list[int] = Field(default_factory=list, description="Ids of the clashing bookings")


def _point(site) -> dict | None:
    if not site.has_location:
        return None
    return {"type": "Point", "coordinates": [float(site.longitude), float(site.latitude)]}


def _sites(user, filters: SiteFilter):
    sites = FieldSite.objects.visible_to(user)
    if filters.q.strip():
        text = filters.q.strip()
        sites = sites.filter(Q(name__icontains=text) | Q(address__icontains=text))
    if filters.capability:
        sites = sites.with_capability(filters.capability)
    return sites.select_related("agency").prefetch_related("capabilities").order_by("name", "pk")


@router.get("/capabilities", response=list[CapabilityOut], auth=optional_user)
def list_capabilities(request):
    return Capability.objects.all()


@router.get("/sites", response=list[SiteOut], auth=optional_user)
@paginate(BoundedLimitOffsetPagination)
def list_sites(request, filters: Query[SiteFilter]):
    return _sites(request.auth, filters)


@router.get("/sites/geojson", auth=optional_user)
def sites_geojson(request, filters: Query[SiteFilter]):
    """The located sites as a GeoJSON FeatureCollection, for maps."""
    features = [
        {
            "type": "Feature",
            "id": row["pk"],
            "geometry": {
                "type": "Point",
                "coordinates": [float(row["longitude"]), float(row["latitude"])],
            },
            "properties": {
                "name": row["name"],
                "agency": row["agency"],
                "capabilities": row["capabilities"],
                "capacity": row["capacity"],
                "url": row["url"],
            },
        }
        for row in site_rows(_sites(request.auth, filters).located())
    ]
    return {"type": "FeatureCollection", "features": features}


@router.get("/sites/{site_id}", response=SiteDetailOut, auth=optional_user)
def get_site(request, site_id: int):
    return get_for_user(FieldSite.objects.select_related("agency"), request.auth, site_id)


@router.get("/sites/{site_id}/bookings", response=list[BookingOut], auth=require_user)
@paginate(BoundedLimitOffsetPagination)
def list_bookings(
    request, site_id: int, starts_on: dt.date | None = None, ends_on: dt.date | None = None
):
    """The site's active bookings, those sharing a day with the period when one is given."""
    site = get_for_user(FieldSite.objects, request.auth, site_id, "view_bookings")
    bookings = Booking.objects.filter(site=site).active()
    if starts_on or ends_on:
        bookings = bookings.during(starts_on or dt.date.min, ends_on or dt.date.max)
    return bookings.order_by("starts_on", "ends_on", "pk")


@router.post(
    "/sites/{site_id}/bookings",
    response={201: BookingOut, 409: BookingRefusedOut, 422: BookingRefusedOut},
    auth=require_user,
)
def create_booking(request, site_id: int, payload: BookingIn):
    site = get_for_user(FieldSite.objects, request.auth, site_id, "book")
    try:
        booking = services.book(
            request.auth,
            site,
            payload.starts_on,
            payload.ends_on,
            payload.label,
            payload.reference,
            payload.purpose,
        )
    except services.BookingRefused as refused:
        clashes = [b.pk for b in refused.clashes]
        return Status(409, {"detail": refused.messages[0], "clashes": clashes})
    except ValidationError as invalid:
        return Status(422, {"detail": invalid.messages[0], "clashes": []})
    return Status(201, booking)
