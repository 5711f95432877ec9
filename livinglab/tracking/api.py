"""The tracking API: the case registry, bodies and meetings; changes for the secretariat."""

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from livinglab.core.access import get_for_user
from livinglab.core.api_auth import optional_user, require_user
from livinglab.core.api_types import BoundedLimitOffsetPagination, Id
from livinglab.meetings.models import Body, Meeting
from livinglab.tracking import registry, timeline
from livinglab.tracking.models import Case, CaseLink
from livinglab.tracking.registry import RegistryFilter, filter_cases
from livinglab.tracking.serializers import case_to_dict, cases_to_dicts, with_export_data
from livinglab.tracking.services import lifecycle

router = Router(tags=["tracking"])


# --- Schemas -------------------------------------------------------------------------


class MeetingRef(Schema):
    id: int
    date: str | None
    title: str


class DecisionOut(Schema):
    id: int = Field(..., description="The meeting's id")
    date: str | None = Field(..., description="The meeting's date")
    meeting: MeetingRef
    decision_id: int
    status: str | None
    text: str
    deadline: str | None
    confidence: float
    needs_review: bool


class CaseOut(Schema):
    id: int
    title: str
    aliases: list[str]
    state: Case.State
    closure: Case.Closure | None
    pending: str | None
    merged_into: int | None
    deadline: str | None
    decisions: list[DecisionOut]


class CaseRef(Schema):
    id: int
    title: str


class AgencyOut(Schema):
    id: int
    name: str
    role: str


class EventOut(Schema):
    kind: str
    label: str
    on: dt.date
    meeting_id: int | None
    decision_id: int | None
    note: str


class CaseDetailOut(CaseOut):
    body: CaseRef
    agencies: list[AgencyOut]
    merged_from: list[CaseRef]
    renamed_from: list[str]
    events: list[EventOut]


class CaseFilter(Schema):
    body: Id | None = None
    state: Case.State | None = None
    closure: Case.Closure | None = None
    agency: Id | None = Field(None, description="Id of a responsible agency")
    city: Id | None = Field(None, description="Id of a city: cases of its agencies")
    meeting: Id | None = Field(None, description="Cases a meeting decided about")
    overdue: bool = False
    q: str = Field("", max_length=100, description="Words in the case's names (Chinese)")


class BodyOut(Schema):
    id: int
    name: str
    short_name: str
    parent_id: int | None
    is_public: bool


class BodyDetailOut(BodyOut):
    cases: dict[str, int]
    meetings: list[MeetingRef]


class MeetingDecisionOut(Schema):
    id: int
    position: int
    label: str
    text: str
    status: str
    deadline: dt.date | None
    span: tuple[int, int]
    cases: list[CaseRef]


class MeetingOut(Schema):
    id: int
    body: CaseRef
    number: int | None
    title: str
    date: dt.date | None
    location: str
    chair: str
    decisions: list[MeetingDecisionOut]


class MergeIn(Schema):
    sources: list[Id] = Field(..., min_length=1, max_length=50)


class RenameIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)


class SplitIn(Schema):
    into: Id | None = Field(None, description="Existing case; a new case when empty")
    title: str = Field("", max_length=300)


class ReviewIn(Schema):
    accept: bool


class ReviewLinkOut(Schema):
    id: int
    name: str
    confidence: float
    case: CaseRef
    suggested_case: CaseRef | None
    decision_id: int
    meeting: MeetingRef


class Message(Schema):
    detail: str


# --- Reading -------------------------------------------------------------------------


class _Serialised:
    """A queryset that the paginator slices and counts; each page becomes case dicts."""

    def __init__(self, cases):
        self.cases = cases

    def capped_count(self, cap: int) -> int:
        """How many cases match, counting at most `cap + 1` (a LIMIT subquery)."""
        return registry.capped_count(self.cases, cap)

    def __getitem__(self, window: slice) -> list[dict]:
        return cases_to_dicts(self.cases[window])


class CappedLimitOffsetPagination(BoundedLimitOffsetPagination):
    """`limit`/`offset` pages whose `count` is exact up to `registry.COUNT_CAP`, then null.

    Counting every case a region's registry holds costs more than the page itself
    (an exact COUNT over 1M cases), so the count stops at the cap, as the registry
    page does, and `next` says whether there is more.
    """

    class Output(Schema):
        items: list[Any]
        count: int | None = Field(
            ...,
            description="How many items match, when at most `count_capped_at`;"
            " null when there are more (follow `next` until it is null).",
        )
        count_capped_at: int = Field(
            ..., description="The count is exact up to this number, null above it."
        )
        next: str | None = Field(
            ..., description="The URL of the next page (same filters), or null on the last."
        )

    def paginate_queryset(self, queryset, pagination, request, **params) -> dict:
        offset = pagination.offset
        limit = min(pagination.limit, self.max_limit)
        cap = registry.COUNT_CAP
        count = queryset.capped_count(cap)
        if count <= cap:
            items = queryset[offset : offset + limit]
            more = offset + limit < count
        elif offset + limit <= cap:  # more than the cap follow this page
            items, more = queryset[offset : offset + limit], True
        else:  # beyond the cap: one row more tells whether a next page has any
            items = queryset[offset : offset + limit + 1]
            more = len(items) > limit
            items = items[:limit]
        return {
            "items": items,
            "count": count if count <= cap else None,
            "count_capped_at": cap,
            "next": _with_query(request, offset=offset + limit, limit=limit) if more else None,
        }


def _with_query(request, **changes) -> str:
    query = request.GET.copy()
    for key, value in changes.items():
        query[key] = str(value)
    return request.build_absolute_uri(request.path) + "?" + query.urlencode()


@router.get("/cases", response=list[CaseOut], auth=optional_user)
@paginate(CappedLimitOffsetPagination)
def list_cases(request, filters: Query[CaseFilter]):
    """Cases the caller may see, latest decided first, as `export-cases --json` prints them."""
    wanted = RegistryFilter(
        body=filters.body,
        state=filters.state or "",
        closure=filters.closure or "",
        agency=filters.agency,
        city=filters.city,
        meeting=filters.meeting,
        overdue=filters.overdue,
        q=filters.q,
    )
    return _Serialised(filter_cases(Case.objects.visible_to(request.auth), wanted))


@router.get("/cases/{case_id}", response=CaseDetailOut, auth=optional_user)
def get_case(request, case_id: Id):
    case = get_for_user(
        with_export_data(Case.objects.select_related("body")), request.auth, case_id
    )
    data = case_to_dict(case)
    story = timeline.lineage(case)
    data.update(
        body={"id": case.body_id, "title": case.body.name},
        agencies=[
            {"id": a.organisation_id, "name": a.organisation.name, "role": a.role}
            for a in case.case_agencies.select_related("organisation").order_by("pk")
        ],
        merged_from=[{"id": c.pk, "title": c.title} for c in story.merged_from],
        renamed_from=story.renamed_from,
        events=[
            {
                "kind": e.kind,
                "label": e.get_kind_display(),
                "on": e.on,
                "meeting_id": e.meeting_id,
                "decision_id": e.decision_id,
                "note": e.note,
            }
            for e in case.events.order_by("on", "pk")
        ],
    )
    return data


@router.get("/bodies", response=list[BodyOut], auth=optional_user)
@paginate(BoundedLimitOffsetPagination)
def list_bodies(request):
    return Body.objects.visible_to(request.auth).order_by("name")


@router.get("/bodies/{body_id}", response=BodyDetailOut, auth=optional_user)
def get_body(request, body_id: Id):
    body = get_for_user(Body.objects, request.auth, body_id)
    counts = body.cases.aggregate(
        **{state: Count("pk", filter=Q(state=state)) for state in Case.State.values}
    )
    meetings = body.meetings.order_by("-date", "-pk")[:200]
    return {
        "id": body.pk,
        "name": body.name,
        "short_name": body.short_name,
        "parent_id": body.parent_id,
        "is_public": body.is_public,
        "cases": counts,
        "meetings": [
            {"id": m.pk, "date": m.date.isoformat() if m.date else None, "title": m.title}
            for m in meetings
        ],
    }


@router.get("/meetings/{meeting_id}", response=MeetingOut, auth=optional_user)
def get_meeting(request, meeting_id: Id):
    meeting = get_for_user(Meeting.objects.select_related("body"), request.auth, meeting_id)
    decisions = timeline.decisions_of(meeting)
    return {
        "id": meeting.pk,
        "body": {"id": meeting.body_id, "title": meeting.body.name},
        "number": meeting.number,
        "title": meeting.title,
        "date": meeting.date,
        "location": meeting.location,
        "chair": meeting.chair,
        "decisions": [
            {
                "id": d.pk,
                "position": d.position,
                "label": d.label,
                "text": d.text,
                "status": d.status,
                "deadline": d.deadline,
                "span": (d.span_start, d.span_end),
                "cases": [
                    {"id": link.case_id, "title": link.case.title} for link in d.active_links
                ],
            }
            for d in decisions
        ],
    }


@router.get("/review-queue", response=list[ReviewLinkOut], auth=require_user)
@paginate(BoundedLimitOffsetPagination)
def review_queue(request):
    """Links the matcher was unsure of, in the bodies the caller is secretariat of."""
    links = timeline.review_queue(CaseLink.objects.visible_to(request.auth))
    return [
        {
            "id": link.pk,
            "name": link.name,
            "confidence": link.confidence,
            "case": {"id": link.case_id, "title": link.case.title},
            "suggested_case": (
                {"id": link.suggested_case_id, "title": link.suggested_case.title}
                if link.suggested_case_id
                else None
            ),
            "decision_id": link.decision_id,
            "meeting": {
                "id": link.decision.meeting_id,
                "date": link.decision.meeting.date.isoformat()
                if link.decision.meeting.date
                else None,
                "title": link.decision.meeting.title,
            },
        }
        for link in links
    ]


# --- Changing (secretariat) ----------------------------------------------------------


def _case_out(case: Case) -> dict:
    return case_to_dict(with_export_data(Case.objects.filter(pk=case.pk)).get())


@router.post("/cases/{case_id}/merge", response={200: CaseOut, 400: Message}, auth=require_user)
def merge_cases(request, case_id: Id, payload: MergeIn):
    """Merge the `sources` (open cases of the same body) into this open case; each source
    is closed as merged."""
    target = get_for_user(Case.objects, request.auth, case_id, "merge")
    sources = [get_for_user(Case.objects, request.auth, pk, "merge") for pk in payload.sources]
    try:
        return _case_out(lifecycle.merge_cases(request.auth, sources, target))
    except lifecycle.CaseChangeRefused as refusal:
        return Status(400, {"detail": str(refusal)})


@router.post("/cases/{case_id}/unmerge", response={200: CaseOut, 400: Message}, auth=require_user)
def unmerge_case(request, case_id: Id):
    """Undo the merge that closed this case."""
    case = get_for_user(Case.objects, request.auth, case_id, "unmerge")
    if case.closure != Case.Closure.MERGED:
        return Status(400, {"detail": _("This case is not merged into another.")})
    return _case_out(lifecycle.unmerge_case(request.auth, case))


@router.post("/cases/{case_id}/rename", response={200: CaseOut}, auth=require_user)
def rename_case(request, case_id: Id, payload: RenameIn):
    case = get_for_user(Case.objects, request.auth, case_id, "rename")
    return _case_out(lifecycle.rename_case(request.auth, case, payload.title))


@router.post("/links/{link_id}/split", response={200: CaseOut, 400: Message}, auth=require_user)
def split_link(request, link_id: Id, payload: SplitIn):
    """Move a decision linked to the wrong case to another case (or a new one)."""
    link = get_for_user(
        CaseLink.objects.active().select_related("case", "decision__meeting"),
        request.auth,
        link_id,
        "split",
    )
    into = get_for_user(Case.objects, request.auth, payload.into, "split") if payload.into else None
    try:
        return _case_out(lifecycle.split_link(request.auth, link, into=into, title=payload.title))
    except lifecycle.CaseChangeRefused as refusal:
        return Status(400, {"detail": str(refusal)})


@router.post("/links/{link_id}/review", response={200: CaseOut}, auth=require_user)
def review_link(request, link_id: Id, payload: ReviewIn):
    """Answer the review queue: accept joins the case to the suggested one."""
    link = get_for_user(CaseLink.objects.review_queue(), request.auth, link_id, "review")
    lifecycle.review_link(request.auth, link, accept=payload.accept)
    case = link.case
    case.refresh_from_db()
    return _case_out(case.merged_into or case)
