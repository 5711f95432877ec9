"""The needs API: published needs and calls for anyone; drafts for those who may see them."""

import datetime as dt
from decimal import Decimal

from django.db.models import Prefetch
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from livinglab.core.access import get_for_user
from livinglab.core.api_auth import optional_user
from livinglab.core.api_types import BoundedLimitOffsetPagination, Id
from livinglab.needs.models import Call, Domain, Need

router = Router(tags=["needs"])


class DomainOut(Schema):
    key: str
    name: str
    name_en: str


class AgencyRef(Schema):
    id: int
    name: str


class NeedOut(Schema):
    id: int
    title: str
    status: Need.Status
    domain: DomainOut
    tags: list[DomainOut]
    agency: AgencyRef
    published_at: dt.datetime | None

    @staticmethod
    def resolve_tags(obj):
        return list(obj.tags.all())


class NeedDetailOut(NeedOut):
    problem: str
    figures: str
    site_wishes: str
    contact_name: str
    contact_email: str
    call_ids: list[int]

    @staticmethod
    def resolve_call_ids(obj, context):
        request = context["request"]
        return list(
            Call.objects.visible_to(request.auth).filter(needs=obj).values_list("pk", flat=True)
        )


class NeedFilter(Schema):
    q: str = Field("", max_length=100, description="Words in the title, problem or figures")
    domain: str = Field("", max_length=40, description="A domain's key, e.g. transport")
    tag: str = Field("", max_length=40, description="A priority tag's key: traffic, ageing, carbon")
    status: Need.Status | None = Field(
        None, description="Published by default; drafts only for those who may see them"
    )
    call: Id | None = Field(None, description="Needs of this call")


class GateOut(Schema):
    id: int
    question: str
    order: int


class FactorOut(Schema):
    id: int
    name: str
    guidance: str
    scale_min: int
    scale_max: int
    weight: Decimal
    order: int


class CallOut(Schema):
    id: int
    title: str
    body_id: int
    status: Call.Status
    opens_at: dt.datetime
    closes_at: dt.datetime
    review_due_at: dt.datetime | None
    accepts_unsolicited: bool
    is_published: bool


class CallDetailOut(CallOut):
    description: str
    need_ids: list[int]
    gates: list[GateOut]
    factors: list[FactorOut]

    @staticmethod
    def resolve_need_ids(obj, context):
        request = context["request"]
        return list(
            Need.objects.visible_to(request.auth).filter(calls=obj).values_list("pk", flat=True)
        )

    @staticmethod
    def resolve_gates(obj):
        return list(obj.gates.all())

    @staticmethod
    def resolve_factors(obj):
        return list(obj.factors.all())


def _needs(queryset):
    return queryset.select_related("domain", "agency").prefetch_related(
        Prefetch("tags", queryset=Domain.objects.all())
    )


@router.get("/needs", response=list[NeedOut], auth=optional_user)
@paginate(BoundedLimitOffsetPagination)
def list_needs(request, filters: Query[NeedFilter]):
    """Needs the caller may see, newest published first."""
    needs = (
        Need.objects.visible_to(request.auth)
        .filter(status=filters.status or Need.Status.PUBLISHED)
        .in_domain(filters.domain)
        .tagged(filters.tag)
        .search(filters.q)
    )
    if filters.call:
        needs = needs.filter(calls=filters.call)
    return _needs(needs).order_by("-published_at", "-pk")


@router.get("/needs/{need_id}", response=NeedDetailOut, auth=optional_user)
def get_need(request, need_id: Id):
    return get_for_user(_needs(Need.objects.all()), request.auth, need_id)


@router.get("/domains", response=list[DomainOut], auth=optional_user)
def list_domains(request):
    """The taxonomy: domains first, then the priority tags."""
    return list(Domain.objects.all())


@router.get("/calls", response=list[CallOut], auth=optional_user)
@paginate(BoundedLimitOffsetPagination)
def list_calls(request, open_only: bool = False):
    calls = Call.objects.visible_to(request.auth)
    if open_only:
        calls = calls.open()
    return calls.order_by("-opens_at", "-pk")


@router.get("/calls/{call_id}", response=CallDetailOut, auth=optional_user)
def get_call(request, call_id: Id):
    return get_for_user(Call.objects.all(), request.auth, call_id)
