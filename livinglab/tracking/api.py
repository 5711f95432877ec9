"""The tracking API: the case registry, bodies and meetings; changes for the secretariat.

Bodies are created and edited, and their staff named, with the body pages' forms and
services (`meetings.body_forms`, `meetings.services`), so that a token may do what its
person may do on the pages and nothing more.
"""

import datetime as dt
from typing import Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from livinglab.core.access import get_for_user
from livinglab.core.api_auth import optional_user, require_user
from livinglab.core.api_types import BoundedLimitOffsetPagination, Id
from livinglab.core.forms import form_errors
from livinglab.core.people import display_name
from livinglab.meetings import services as bodies
from livinglab.meetings.body_forms import MAX_MEMBERS, AddStaffForm, BodyForm
from livinglab.meetings.models import Body, Meeting
from livinglab.meetings.policies import may_create_body
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


class OrganisationRef(Schema):
    id: int
    name: str


class BodySettingsOut(BodyOut):
    members: list[OrganisationRef] = Field(..., description="Member cities and agencies")
    secretariat: OrganisationRef | None
    hosting_rotation: str
    description: str


class BodyIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    short_name: str = Field("", max_length=100)
    parent_id: Id | None = Field(None, description="The body this one reports to")
    member_ids: list[Id] = Field(
        [], max_length=MAX_MEMBERS, description="Ids of the member cities and agencies"
    )
    secretariat_id: Id | None = Field(
        None, description="One of the caller's own secretariat organisations"
    )
    is_public: bool = Field(True, description="Its case registry can be read by anyone")
    hosting_rotation: str = Field("", max_length=200)
    description: str = Field("", max_length=20000)


class BodyChangeIn(Schema):
    """The fields to change; those left out stay as they are (null clears a parent or
    secretariat)."""

    name: str | None = Field(None, min_length=1, max_length=200)
    short_name: str | None = Field(None, max_length=100)
    parent_id: Id | None = None
    member_ids: list[Id] | None = Field(None, max_length=MAX_MEMBERS)
    secretariat_id: Id | None = None
    is_public: bool | None = None
    hosting_rotation: str | None = Field(None, max_length=200)
    description: str | None = Field(None, max_length=20000)


StaffRole = Literal["secretariat", "officer", "reviewer"]


class StaffOut(Schema):
    id: int = Field(..., description="The membership's id")
    person: str = Field(..., description="The display name")
    username: str
    role: StaffRole
    agency: OrganisationRef | None = Field(..., description="An officer's agency")


class StaffIn(Schema):
    person: str = Field(
        ..., min_length=1, max_length=254, description="Login name or e-mail of an account"
    )
    role: StaffRole
    agency_id: Id | None = Field(None, description="The agency of an officer")


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
        **_body_fields(body),
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


# --- Running a body (its secretariat, or an admin) -------------------------------------

# The API's field names and the body form's.
_BODY_FORM_FIELDS = {
    "name": "name",
    "short_name": "short_name",
    "parent_id": "parent",
    "member_ids": "members",
    "secretariat_id": "secretariat",
    "is_public": "is_public",
    "hosting_rotation": "hosting_rotation",
    "description": "description",
}


def _ref(organisation) -> dict | None:
    return {"id": organisation.pk, "name": organisation.name} if organisation else None


def _body_fields(body: Body) -> dict:
    """What reading a body and reading its settings both answer first."""
    return {
        "id": body.pk,
        "name": body.name,
        "short_name": body.short_name,
        "parent_id": body.parent_id,
        "is_public": body.is_public,
    }


def _body_settings(body: Body) -> dict:
    return {
        **_body_fields(body),
        "members": [_ref(m) for m in body.members.order_by("kind", "name")],
        "secretariat": _ref(body.secretariat),
        "hosting_rotation": body.hosting_rotation,
        "description": body.description,
    }


def _save_body(user, sent: dict, body: Body | None):
    """The body saved through the page's form and service, or a 400 saying why not."""
    form = BodyForm(user, body=body)
    data = {name: form.initial.get(name, form.fields[name].initial) for name in form.fields}
    for key, value in sent.items():
        data[_BODY_FORM_FIELDS[key]] = "" if value is None else value
    form = BodyForm(user, data, body=body)
    if not form.is_valid():
        return Status(400, {"detail": form_errors(form)})
    try:
        if body is None:
            return bodies.create_body(user, form.fields_for_service())
        return bodies.update_body(user, body, form.fields_for_service())
    except ValidationError as error:
        return Status(400, {"detail": " ".join(error.messages)})


@router.post("/bodies", response={201: BodySettingsOut, 400: Message}, auth=require_user)
def create_body(request, payload: BodyIn):
    """Open a body (a meeting series), as on the new-body page: an admin, or a person
    already serving a body's secretariat, who becomes the new body's secretary."""
    if not may_create_body(request.auth):
        raise PermissionDenied("only an admin or a secretariat may create a body")
    saved = _save_body(request.auth, payload.dict(), None)
    return saved if isinstance(saved, Status) else Status(201, _body_settings(saved))


def _body_to_change(request, body_id: int, action: str) -> Body:
    return get_for_user(Body.objects.select_related("secretariat"), request.auth, body_id, action)


@router.get("/bodies/{body_id}/settings", response=BodySettingsOut, auth=require_user)
def get_body_settings(request, body_id: Id):
    """What the body's edit page shows: its members, secretariat and other settings."""
    return _body_settings(_body_to_change(request, body_id, "change"))


@router.patch("/bodies/{body_id}", response={200: BodySettingsOut, 400: Message}, auth=require_user)
def change_body(request, body_id: Id, payload: BodyChangeIn):
    """Change a body's settings, as on its edit page (its secretariat, or an admin).
    `member_ids` replaces all its members."""
    body = _body_to_change(request, body_id, "change")
    sent = payload.dict(exclude_unset=True)
    sent = {k: v for k, v in sent.items() if v is not None or k in ("parent_id", "secretariat_id")}
    saved = _save_body(request.auth, sent, body)
    return saved if isinstance(saved, Status) else _body_settings(saved)


def _staff(membership) -> dict:
    return {
        "id": membership.pk,
        "person": display_name(membership.user),
        "username": membership.user.get_username(),
        "role": membership.role,
        "agency": _ref(membership.organisation),
    }


@router.get("/bodies/{body_id}/staff", response=list[StaffOut], auth=require_user)
def list_staff(request, body_id: Id):
    """The body's secretaries, officers and reviewers (its secretariat, or an admin)."""
    body = _body_to_change(request, body_id, "staff")
    return [_staff(m) for m in bodies.staff_of(body)]


@router.post("/bodies/{body_id}/staff", response={201: StaffOut, 400: Message}, auth=require_user)
def add_staff(request, body_id: Id, payload: StaffIn):
    """Give a person with an account a role on the body; an officer names the agency
    (a member of the body or of its cities). Adding someone twice changes nothing."""
    body = _body_to_change(request, body_id, "staff")
    data = {"person": payload.person, "role": payload.role, "agency": payload.agency_id or ""}
    form = AddStaffForm(body, data)
    if not form.is_valid():
        return Status(400, {"detail": form_errors(form)})
    chosen = form.cleaned_data
    try:
        membership = bodies.add_staff(
            request.auth, body, chosen["person"], chosen["role"], chosen["agency"]
        )
    except ValidationError as error:
        return Status(400, {"detail": " ".join(error.messages)})
    return Status(201, _staff(membership))


@router.delete(
    "/bodies/{body_id}/staff/{membership_id}",
    response={200: list[StaffOut], 400: Message},
    auth=require_user,
)
def remove_staff(request, body_id: Id, membership_id: Id):
    """Take a role on the body from a person; a body keeps at least one secretary (400).
    The staff as it is now."""
    body = _body_to_change(request, body_id, "staff")
    membership = bodies.staff_of(body).filter(pk=membership_id).first()
    if membership is None:
        raise Http404(f"membership {membership_id} is not on the staff of body {body.pk}")
    try:
        bodies.remove_staff(request.auth, membership)
    except ValidationError as error:
        return Status(400, {"detail": " ".join(error.messages)})
    return [_staff(m) for m in bodies.staff_of(body)]
