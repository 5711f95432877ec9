"""The proposals API: a proposer's own proposals (write, submit, withdraw) and what the
secretariat and reviewers may read, under the same rules as the pages."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from livinglab.core.access import get_for_user
from livinglab.core.api_auth import require_user
from livinglab.core.api_types import BoundedLimitOffsetPagination, Id
from livinglab.core.people import display_name
from livinglab.needs.models import Call, Domain, Need
from livinglab.orgs.models import Organisation
from livinglab.orgs.roles import roles_of
from livinglab.proposals import services
from livinglab.proposals.models import TRL_MAX, TRL_MIN, Proposal

router = Router(tags=["proposals"])


class ProposalDetail(Schema):
    detail: str


class ProposalOut(Schema):
    id: int
    title: str
    status: Proposal.Status
    call_id: int
    need_id: int | None
    organisation_id: int
    organisation: str
    domain: str
    submitted_at: dt.datetime | None
    updated_at: dt.datetime

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.name

    @staticmethod
    def resolve_domain(obj):
        return obj.domain.key


class ProposalEventOut(Schema):
    kind: str
    label: str
    at: dt.datetime
    status: str
    reason: str
    actor: str | None

    @staticmethod
    def resolve_label(obj):
        return str(obj.label)

    @staticmethod
    def resolve_actor(obj):
        return display_name(obj.actor) if obj.actor else None


class ProposalAttachmentOut(Schema):
    id: int
    filename: str
    content_type: str
    size: int


class ProposalDetailOut(ProposalOut):
    summary: str
    solution: str
    team: str
    trl: int | None
    site_wanted: str
    period_months: int | None
    budget: int | None
    funding: str
    credits_requested: int
    expected_kpis: str
    editable: bool
    missing_to_submit: list[str]
    events: list[ProposalEventOut]
    attachments: list[ProposalAttachmentOut]

    @staticmethod
    def resolve_editable(obj):
        return obj.is_editable()

    @staticmethod
    def resolve_missing_to_submit(obj):
        return services.missing_to_submit(obj)

    @staticmethod
    def resolve_events(obj, context):
        return list(services.history_for(context["request"].auth, obj))

    @staticmethod
    def resolve_attachments(obj):
        return list(obj.attachments.all())


class ProposalFilter(Schema):
    status: Proposal.Status | None = None
    call: Id | None = None
    q: str = Field("", max_length=100, description="Words in the title, summary or solution")


class ProposalFields(Schema):
    need_id: Id | None = Field(None, description="Empty for an unsolicited proposal")
    title: str = Field(..., min_length=1, max_length=200)
    domain: str = Field(..., max_length=40, description="A domain's key, e.g. transport")
    summary: str = Field("", max_length=2000)
    solution: str = Field("", max_length=8000)
    team: str = Field("", max_length=4000)
    trl: int | None = Field(None, ge=TRL_MIN, le=TRL_MAX)
    site_wanted: str = Field("", max_length=2000)
    period_months: int | None = Field(None, ge=1, le=120)
    budget: int | None = Field(None, ge=0, le=10**15)
    funding: str = Field("", max_length=300)
    credits_requested: int = Field(0, ge=0, le=10**9)
    expected_kpis: str = Field("", max_length=4000)


class ProposalIn(ProposalFields):
    call_id: Id
    organisation_id: Id | None = Field(
        None, description="Needed only when the caller proposes for several organisations"
    )


class ProposalPatch(Schema):
    need_id: Id | None = None
    unsolicited: bool = Field(False, description="Set to answer no need (where allowed)")
    title: str | None = Field(None, min_length=1, max_length=200)
    domain: str | None = Field(None, max_length=40)
    summary: str | None = Field(None, max_length=2000)
    solution: str | None = Field(None, max_length=8000)
    team: str | None = Field(None, max_length=4000)
    trl: int | None = Field(None, ge=TRL_MIN, le=TRL_MAX)
    site_wanted: str | None = Field(None, max_length=2000)
    period_months: int | None = Field(None, ge=1, le=120)
    budget: int | None = Field(None, ge=0, le=10**15)
    funding: str | None = Field(None, max_length=300)
    credits_requested: int | None = Field(None, ge=0, le=10**9)
    expected_kpis: str | None = Field(None, max_length=4000)


class WithdrawIn(Schema):
    reason: str = Field("", max_length=2000)


def _refused(exc: ValidationError):
    return Status(400, {"detail": " ".join(exc.messages)})


def _detail(request, proposal: Proposal) -> Proposal:
    """Read again with what the detail shows (the objects the services return are bare)."""
    return Proposal.objects.select_related("organisation", "domain", "call").get(pk=proposal.pk)


def _get(request, proposal_id, action="view") -> Proposal:
    queryset = Proposal.objects.select_related("call", "organisation", "domain")
    return get_for_user(queryset, request.auth, proposal_id, action)


def _need(request, need_id):
    if need_id is None:
        return None
    return get_for_user(Need.objects.all(), request.auth, need_id)


def _domain(key: str) -> Domain:
    return get_object_or_404(Domain.objects.domains(), key=key)


@router.get("/proposals", response=list[ProposalOut], auth=require_user)
@paginate(BoundedLimitOffsetPagination)
def list_proposals(request, filters: Query[ProposalFilter]):
    """Proposals the caller may see: their organisations' (drafts too), the submitted
    proposals of calls they run, those assigned to them for review."""
    proposals = Proposal.objects.visible_to(request.auth).search(filters.q)
    if filters.status:
        proposals = proposals.filter(status=filters.status)
    if filters.call:
        proposals = proposals.filter(call_id=filters.call)
    return proposals.select_related("organisation", "domain").order_by("-updated_at", "-pk")


@router.get("/proposals/{proposal_id}", response=ProposalDetailOut, auth=require_user)
def get_proposal(request, proposal_id: Id):
    return _detail(request, _get(request, proposal_id))


@router.post(
    "/proposals", response={201: ProposalDetailOut, 400: ProposalDetail}, auth=require_user
)
def create_proposal(request, payload: ProposalIn):
    """Start a draft in an open call, for an organisation the caller proposes for."""
    user = request.auth
    call = get_for_user(Call.objects.all(), user, payload.call_id)
    own = roles_of(user).proposer_org_ids
    organisation_id = payload.organisation_id or (next(iter(own)) if len(own) == 1 else None)
    if organisation_id is None:
        return Status(400, {"detail": _("Say which organisation the proposal is for.")})
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    data = payload.dict(exclude={"call_id", "organisation_id", "need_id", "domain"})
    data.update(need=_need(request, payload.need_id), domain=_domain(payload.domain))
    try:
        proposal = services.start_proposal(user, organisation, call, data)
    except ValidationError as exc:
        return _refused(exc)
    return Status(201, _detail(request, proposal))


@router.patch(
    "/proposals/{proposal_id}",
    response={200: ProposalDetailOut, 400: ProposalDetail},
    auth=require_user,
)
def change_proposal(request, proposal_id: Id, payload: ProposalPatch):
    """Change the fields given; refused once the call is closed (unless asked to revise)."""
    proposal = _get(request, proposal_id, "change")
    data = payload.dict(exclude_unset=True, exclude={"need_id", "unsolicited", "domain"})
    data = {
        k: v for k, v in data.items() if v is not None or k in ("trl", "period_months", "budget")
    }
    if payload.unsolicited:
        data["need"] = None
    elif payload.need_id is not None:
        data["need"] = _need(request, payload.need_id)
    if payload.domain:
        data["domain"] = _domain(payload.domain)
    try:
        proposal = services.update_proposal(request.auth, proposal, data)
    except ValidationError as exc:
        return _refused(exc)
    return _detail(request, proposal)


@router.post(
    "/proposals/{proposal_id}/submit",
    response={200: ProposalDetailOut, 400: ProposalDetail},
    auth=require_user,
)
def submit_proposal(request, proposal_id: Id):
    proposal = _get(request, proposal_id, "submit")
    try:
        proposal = services.submit(request.auth, proposal)
    except ValidationError as exc:
        return _refused(exc)
    return _detail(request, proposal)


@router.post(
    "/proposals/{proposal_id}/withdraw",
    response={200: ProposalDetailOut, 400: ProposalDetail},
    auth=require_user,
)
def withdraw_proposal(request, proposal_id: Id, payload: WithdrawIn):
    proposal = _get(request, proposal_id, "withdraw")
    try:
        proposal = services.withdraw(request.auth, proposal, payload.reason)
    except ValidationError as exc:
        return _refused(exc)
    return _detail(request, proposal)
