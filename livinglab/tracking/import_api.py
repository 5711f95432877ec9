"""The import API: upload records into a body, follow their reading, read, correct and
confirm a draft.

What the import pages do, for another system or a script: the same upload form checks
the files (size, count, type by content), the same services read, correct and confirm
them, and `get_for_user` asks the same policies (only a body's secretariat imports,
corrects and confirms). A draft's item is changed one at a time, as the page's row
saves it (`item_changes`), so that parallel edits of other items or fields are kept;
its meetings are added, corrected (`meeting_changes`), split, joined and deleted with
the page's own operations (`services.drafting`).
"""

import datetime as dt
from typing import Annotated, Literal

from django.db import transaction
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from livinglab.core.access import get_for_user
from livinglab.core.api_auth import require_user
from livinglab.core.api_types import BoundedLimitOffsetPagination, Id
from livinglab.meetings.models import Body, MinutesDocument
from livinglab.tracking.api import MeetingRef, Message
from livinglab.tracking.import_forms import UploadForm
from livinglab.tracking.item_changes import CaseChoice, ItemChanges, ItemRefused, item_choices
from livinglab.tracking.meeting_changes import MeetingRefused, meeting_choices
from livinglab.tracking.models import Decision
from livinglab.tracking.services import drafting
from livinglab.tracking.services.importing import (
    DraftChanged,
    ImportFailed,
    import_minutes,
    notice_abandoned,
    read_once_more,
    revision,
    update_draft,
)

router = Router(tags=["imports"])
DocStatus = MinutesDocument.Status


# --- Schemas -------------------------------------------------------------------------


class ImportOut(Schema):
    id: int
    body_id: int
    filename: str
    status: MinutesDocument.Status = Field(
        ..., description="reading (in the background), draft, confirmed or failed"
    )
    progress: int = Field(..., description="Reading progress in percent")
    error: str = Field(..., description="Why the reading or writing failed, in words")
    uploaded_at: dt.datetime
    confirmed_at: dt.datetime | None
    meetings: list[MeetingRef] = Field(
        ..., description="The meetings a confirmed record wrote or joined"
    )


class AgencyRef(Schema):
    name: str | None
    mention: str | None
    role: str | None


class DeadlineRef(Schema):
    date: str | None
    mention: str | None


class LinkOut(Schema):
    name: str
    case_id: int | None = Field(..., description="An existing case of the body")
    new_case: str | None = Field(..., description="A case confirming would create")
    title: str
    method: str
    confidence: float | None
    review: bool = Field(..., description="Whether the link goes to the review queue")
    suggested_case_id: int | None
    role: str


class ItemOut(Schema):
    path: list[str]
    text: str
    status: str | None
    track: bool
    pending: str
    deadline: DeadlineRef | None
    agencies: list[AgencyRef]
    cases: list[LinkOut]
    span: tuple[int, int]
    confidence: float | None
    manual: bool


class DraftMeetingOut(Schema):
    title: str | None
    date: str | None
    time: str | None
    location: str | None
    chair: str | None
    recorder: str | None
    span: tuple[int, int]
    confidence: float | None
    existing_meeting_id: int | None = Field(
        ..., description="The meeting already in the registry this one joins"
    )
    items: list[ItemOut]


class DraftOut(Schema):
    id: int
    status: MinutesDocument.Status
    revision: int = Field(..., description="Send back with confirm to refuse a moved draft")
    edited: bool
    meetings: list[DraftMeetingOut]


class ConfirmIn(Schema):
    revision: int | None = Field(None, ge=0, le=2**31 - 1)
    empty_ok: bool = Field(False, description="Confirm a draft whose meetings have no item")


class DraftItemOut(ItemOut):
    meeting_index: int = Field(..., description="The meeting's place in the draft, from 0")
    item_index: int = Field(..., description="The item's place in its meeting, from 0")
    revision: int = Field(..., description="The draft's revision after this change")


Revision = Annotated[
    int,
    Field(
        ge=0,
        le=2**31 - 1,
        description="The draft's revision as last read: a draft whose items were added, "
        "moved or deleted since is refused (409) rather than changed in the wrong item",
    ),
]


class CaseIn(Schema):
    case_id: Id | None = Field(None, description="An existing case of the body")
    new_case: str | None = Field(
        None,
        max_length=300,
        description="The title of a new case, or the key (new:N) of one the draft proposes",
    )


class AgencyIn(Schema):
    name: str = Field(
        ...,
        min_length=1,
        max_length=200,
        description="As in the organisation directory (full or short name, alias), or as "
        "the draft names it",
    )
    role: Literal["lead", "supporting"] = "lead"


class ItemChangeIn(Schema):
    """The item's fields to change; those left out stay as they are."""

    revision: Revision | None = None
    text: str | None = Field(None, max_length=20000, description="The decision's text")
    track: bool | None = Field(None, description="Whether confirming tracks the decision")
    status: Decision.Status | None = Field(None, description="null clears it")
    deadline: dt.date | None = Field(None, description="null clears it")
    pending: str | None = Field(None, max_length=300, description="What waits for the parent body")
    agencies: list[AgencyIn] | None = Field(
        None, max_length=200, description="All its lead and supporting agencies (主辦/協辦)"
    )
    cases: list[CaseIn | None] | None = Field(
        None,
        max_length=100,
        description="One entry per entry of the item's `cases`, in order: another case "
        "moves that link, null keeps it",
    )
    add_case: CaseIn | None = Field(None, description="One more case the item is about")


class NewItemIn(ItemChangeIn):
    """An item added at the end of the meeting, with these fields (all optional)."""


class MeetingChangeIn(Schema):
    """The meeting's details to change, as the draft page's meeting fields hold them;
    those left out stay as they are."""

    revision: Revision | None = None
    title: str | None = Field(None, max_length=300, description="Required: it cannot be cleared")
    date: dt.date | None = Field(None, description="null clears it")
    time: dt.time | None = Field(None, description="null clears it")
    location: str | None = Field(None, max_length=300, description="null clears it")
    chair: str | None = Field(None, max_length=200, description="null clears it")
    recorder: str | None = Field(None, max_length=200, description="null clears it")


class NewMeetingIn(MeetingChangeIn):
    """A meeting added at the end of the draft, with these details (all optional; its
    title is the record's file name until one is given)."""


class SplitMeetingIn(Schema):
    revision: Revision | None = None
    item_index: int = Field(
        ...,
        ge=0,
        le=100_000,
        description="The item that begins the new meeting (not the first): it and the "
        "items after it move to a new meeting after this one",
    )


class JoinMeetingsIn(Schema):
    revision: Revision | None = None


class DraftMeetingPlaceOut(DraftMeetingOut):
    meeting_index: int = Field(..., description="The meeting's place in the draft, from 0")
    revision: int = Field(..., description="The draft's revision after this change")


class WrittenOut(Schema):
    meetings: int
    decisions: int
    new_cases: int
    meetings_already_there: int


class ConfirmOut(Schema):
    document: ImportOut
    written: WrittenOut


# --- Helpers -------------------------------------------------------------------------


def _get_import(user, pk: int) -> MinutesDocument:
    """The record as the import pages reach it (secretariat only), a dead reading noticed."""
    queryset = MinutesDocument.objects.select_related("body")
    document = get_for_user(queryset, user, pk, "confirm")
    if document.status == DocStatus.READING and notice_abandoned(queryset.filter(pk=pk)):
        document.refresh_from_db()
    return document


def _import_out(document: MinutesDocument, meetings=None) -> dict:
    if meetings is None:
        meetings = (
            document.meetings.order_by("date", "pk") if document.status == "confirmed" else []
        )
    return {
        "id": document.pk,
        "body_id": document.body_id,
        "filename": document.filename,
        "status": document.status,
        "progress": document.progress,
        "error": document.error,
        "uploaded_at": document.uploaded_at,
        "confirmed_at": document.confirmed_at,
        "meetings": [
            {"id": m.pk, "date": m.date.isoformat() if m.date else None, "title": m.title}
            for m in meetings
        ],
    }


def _number(value) -> float | None:
    return value if drafting._number(value) else None


def _link(link: dict) -> dict:
    key = link.get("case")
    return {
        "name": link.get("name") or "",
        "case_id": key if isinstance(key, int) else None,
        "new_case": key if isinstance(key, str) else None,
        "title": link.get("title") or link.get("name") or "",
        "method": link.get("method") or "",
        "confidence": _number(link.get("confidence")),
        "review": bool(link.get("review")),
        "suggested_case_id": link.get("suggested")
        if isinstance(link.get("suggested"), int)
        else None,
        "role": link.get("role") or "",
    }


def _span(value) -> tuple[int, int]:
    start, end = value if isinstance(value, list | tuple) and len(value) == 2 else (0, 0)
    return int(start), int(end)


def _item(item: dict) -> dict:
    return {
        "path": [str(p) for p in item.get("path") or []],
        "text": item.get("text") or "",
        "status": item.get("status"),
        "track": bool(item.get("track")),
        "pending": item.get("pending") or "",
        "deadline": item.get("deadline") or None,
        "agencies": [
            {"name": a.get("name"), "mention": a.get("mention"), "role": a.get("role")}
            for a in item.get("agencies") or []
        ],
        "cases": [_link(link) for link in item.get("links") or []],
        "span": _span(item.get("span")),
        "confidence": _number(item.get("confidence")),
        "manual": bool(item.get("manual")),
    }


def _meeting(entry: dict) -> dict:
    return {
        **{field: entry.get(field) for field in drafting.MEETING_DETAILS},
        "span": _span(entry.get("span")),
        "confidence": _number(entry.get("confidence")),
        "existing_meeting_id": entry.get("existing"),
        "items": [_item(item) for item in entry.get("items") or []],
    }


# --- Operations ----------------------------------------------------------------------


@router.post(
    "/bodies/{body_id}/imports",
    response={201: list[ImportOut], 400: Message},
    auth=require_user,
)
def upload_records(request, body_id: Id, files: list[UploadedFile] = File(None)):  # noqa: B008
    """Upload one or more records (.txt, .docx, .odt, .pdf) as multipart `files`.

    Each becomes a draft at once, or, when large, is read in the background
    (`status` reading, then draft or failed; follow it with GET /imports/{id}).
    The same file again changes nothing and answers its earlier import.
    """
    body = get_for_user(Body.objects, request.auth, body_id, "import")
    form = UploadForm(data={}, files=MultiValueDict({"files": list(files or [])}))
    if not form.is_valid():
        return Status(400, {"detail": " ".join(form.errors["files"])})
    try:
        documents = import_minutes(request.auth, body, form.cleaned_data["files"])
    except ImportFailed as exc:
        return Status(400, {"detail": str(exc)})
    return Status(201, [_import_out(d) for d in documents])


@router.get("/bodies/{body_id}/imports", response=list[ImportOut], auth=require_user)
@paginate(BoundedLimitOffsetPagination)
def list_imports(request, body_id: Id):
    """The body's uploaded records, latest first (the upload page's list)."""
    body = get_for_user(Body.objects, request.auth, body_id, "import")
    documents = MinutesDocument.objects.filter(body=body)
    notice_abandoned(documents)
    return _Imports(documents.defer("text", "proposal").order_by("-uploaded_at", "-pk"))


class _Imports:
    """A queryset the paginator slices; each page's meetings come in one query."""

    def __init__(self, documents):
        self.documents = documents

    def count(self) -> int:
        return self.documents.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[dict]:
        from livinglab.meetings.models import Meeting

        page = list(self.documents[window])
        meetings: dict[int, list] = {}
        confirmed = [d.pk for d in page if d.status == DocStatus.CONFIRMED]
        for meeting in Meeting.objects.filter(document_id__in=confirmed).order_by("date", "pk"):
            meetings.setdefault(meeting.document_id, []).append(meeting)
        return [_import_out(d, meetings.get(d.pk, [])) for d in page]


@router.get("/imports/{import_id}", response=ImportOut, auth=require_user)
def get_import(request, import_id: Id):
    """An import's status: reading (with `progress`), draft, confirmed, or failed (`error`)."""
    return _import_out(_get_import(request.auth, import_id))


@router.get("/imports/{import_id}/draft", response={200: DraftOut, 409: Message}, auth=require_user)
def get_draft(request, import_id: Id):
    """What the reader found: meetings and their decision items, the agencies, deadlines
    and the case each names would join. 409 while the record is being read or failed."""
    document = _get_import(request.auth, import_id)
    if document.status not in (DocStatus.DRAFT, DocStatus.CONFIRMED):
        return Status(409, {"detail": document.error or str(document.get_status_display())})
    proposal = document.proposal
    return {
        "id": document.pk,
        "status": document.status,
        "revision": revision(proposal),
        "edited": bool(proposal.get("edited")),
        "meetings": [_meeting(entry) for entry in proposal.get("meetings", [])],
    }


@router.post(
    "/imports/{import_id}/confirm",
    response={200: ConfirmOut, 400: Message, 409: Message},
    auth=require_user,
)
def confirm_draft(request, import_id: Id, payload: ConfirmIn):
    """Write the draft's meetings, decisions and case changes to the registry, all or
    nothing. Confirming a confirmed record again changes nothing. 409: the draft has
    no item (send `empty_ok`), or it changed since `revision`."""
    document = _get_import(request.auth, import_id)
    if document.status == DocStatus.CONFIRMED:
        meetings = len(document.proposal.get("meetings", []))
        written = drafting.written_by(document, meetings)
    else:
        try:
            written = drafting.confirm_draft(
                request.auth, document, empty_ok=payload.empty_ok, seen=payload.revision
            )
        except (drafting.ConfirmEmpty, drafting.DraftChanged) as exc:
            return Status(409, {"detail": str(exc)})
        except ImportFailed as exc:
            return Status(400, {"detail": str(exc)})
        document.refresh_from_db()
    return {
        "document": _import_out(document),
        "written": {
            "meetings": written.meetings,
            "decisions": written.decisions,
            "new_cases": written.new_cases,
            "meetings_already_there": written.meetings_already_there,
        },
    }


@router.post(
    "/imports/{import_id}/discard", response={200: Message, 400: Message}, auth=require_user
)
def discard_import(request, import_id: Id):
    """Delete a draft, or a record that failed to read, with its stored file; nothing of
    it was written. A confirmed record stays (400)."""
    document = _get_import(request.auth, import_id)
    try:
        drafting.discard_draft(request.auth, document)
    except ImportFailed as exc:
        return Status(400, {"detail": str(exc)})
    done = _("%(file)s was discarded; nothing of it was written.") % {"file": document}
    return {"detail": done}


@router.post(
    "/imports/{import_id}/retry", response={200: ImportOut, 400: Message}, auth=require_user
)
def retry_import(request, import_id: Id):
    """Read once more, in the background, a large record whose reading stopped (its
    worker ended); 400 for any other record (upload the file again)."""
    document = _get_import(request.auth, import_id)
    try:
        document = read_once_more(request.auth, document)
    except ImportFailed as exc:
        return Status(400, {"detail": str(exc)})
    return _import_out(document)


# --- Correcting a draft item by item --------------------------------------------------

MEETINGS = "/imports/{import_id}/draft/meetings"
MEETING = MEETINGS + "/{meeting_index}"
ITEMS = MEETING + "/items"
ITEM = ITEMS + "/{item_index}"
Index = Annotated[int, Field(ge=0, le=100_000, description="A place in the draft, from 0")]


def _open_draft(user, import_id: int) -> MinutesDocument:
    """The draft as the page corrects it; DraftChanged (409) when it is not a draft."""
    document = _get_import(user, import_id)
    if document.status != DocStatus.DRAFT:
        raise DraftChanged(
            _("%(file)s: only a draft can be changed (this one is %(status)s)")
            % {"file": document.filename, "status": document.get_status_display()}
        )
    return document


def _missing(document: MinutesDocument, m: int, i: int):
    """A 404 saying, in the page's words, that the draft has no item `i` in meeting `m`."""
    try:
        drafting._item_at(document.proposal, m, i)
    except ImportFailed as exc:
        return Status(404, {"detail": str(exc)})
    return None


def _draft_item(document: MinutesDocument, m: int, i: int) -> dict:
    return {
        **_item(document.proposal["meetings"][m]["items"][i]),
        "meeting_index": m,
        "item_index": i,
        "revision": revision(document.proposal),
    }


def _changes(payload: ItemChangeIn) -> ItemChanges:
    given = payload.dict(exclude_unset=True)
    sent = {k for k, v in given.items() if v is not None or k in ("status", "deadline")}
    sent.discard("revision")

    def case(value):
        return CaseChoice(value.case_id, value.new_case) if value is not None else None

    return ItemChanges(
        sent=sent,
        text=payload.text,
        track=payload.track,
        status=payload.status,
        deadline=payload.deadline.isoformat() if payload.deadline else None,
        pending=payload.pending,
        agencies=[(a.name, a.role) for a in payload.agencies or []],
        cases=[case(c) for c in payload.cases or []],
        add_case=case(payload.add_case),
    )


_ANSWERS = {400: Message, 404: Message, 409: Message}


def _refused(exc: Exception):
    """A change refused: 409 for a draft that moved on, 400 with the reason otherwise
    (a detail or item field refused, a meeting or item the operation cannot use)."""
    return Status(409 if isinstance(exc, DraftChanged) else 400, {"detail": str(exc)})


@router.get(ITEM, response={200: DraftItemOut, **_ANSWERS}, auth=require_user)
def get_draft_item(request, import_id: Id, meeting_index: Index, item_index: Index):
    """One item of a draft (or of a confirmed record, as it was confirmed), with the
    draft's revision to send back with a change. 409 while the record is read or failed."""
    document = _get_import(request.auth, import_id)
    if document.status not in (DocStatus.DRAFT, DocStatus.CONFIRMED):
        return Status(409, {"detail": document.error or str(document.get_status_display())})
    return _missing(document, meeting_index, item_index) or _draft_item(
        document, meeting_index, item_index
    )


@router.patch(ITEM, response={200: DraftItemOut, **_ANSWERS}, auth=require_user)
def change_draft_item(
    request,
    import_id: Id,
    payload: ItemChangeIn,
    meeting_index: Index,
    item_index: Index,
):
    """Change one item of a draft before confirming, as the draft page's row saves it:
    agencies must be in the organisation directory, a case is one of the body's or a
    new one. 400 with the reason when a field is refused; 409 when the draft changed
    since `revision` or is no longer a draft."""
    try:
        document = _open_draft(request.auth, import_id)
        if missing := _missing(document, meeting_index, item_index):
            return missing
        choices = item_choices(document, meeting_index, item_index, _changes(payload))
        update_draft(request.auth, document, choices, seen=payload.revision)
    except (ImportFailed, ItemRefused) as exc:
        return _refused(exc)
    return _draft_item(document, meeting_index, item_index)


@router.post(ITEMS, response={201: DraftItemOut, **_ANSWERS}, auth=require_user)
def add_draft_item(request, import_id: Id, payload: NewItemIn, meeting_index: Index):
    """Add an item at the end of a meeting of the draft (a decision the reader missed),
    with the fields given; the draft's revision goes up."""
    changes = _changes(payload)
    try:
        document = _open_draft(request.auth, import_id)
        with transaction.atomic():  # the item and its fields, or nothing
            m, i = drafting.add_item(request.auth, document, meeting_index, seen=payload.revision)
            if changes.sent:
                update_draft(request.auth, document, item_choices(document, m, i, changes))
    except (ImportFailed, ItemRefused) as exc:
        return _refused(exc)
    return Status(201, _draft_item(document, m, i))


@router.delete(ITEM, response={200: DraftOut, **_ANSWERS}, auth=require_user)
def delete_draft_item(
    request,
    import_id: Id,
    meeting_index: Index,
    item_index: Index,
    revision: Revision | None = None,
):
    """Delete an item of a draft (it is no decision); the items after it move up by one
    and the draft's revision goes up. The draft as it is now."""
    try:
        document = _open_draft(request.auth, import_id)
        if missing := _missing(document, meeting_index, item_index):
            return missing
        drafting.delete_item(request.auth, document, meeting_index, item_index, seen=revision)
    except ImportFailed as exc:
        return _refused(exc)
    return get_draft(request, import_id)


# --- Correcting a draft meeting by meeting -------------------------------------------


def _missing_meeting(document: MinutesDocument, m: int):
    """A 404 saying, in the page's words, that the draft has no meeting `m`."""
    try:
        drafting._meeting_at(document.proposal, m)
    except ImportFailed as exc:
        return Status(404, {"detail": str(exc)})
    return None


def _draft_meeting(document: MinutesDocument, m: int) -> dict:
    return {
        **_meeting(document.proposal["meetings"][m]),
        "meeting_index": m,
        "revision": revision(document.proposal),
    }


def _details(payload: MeetingChangeIn) -> dict[str, str]:
    """The details sent, as the page's fields would hold them ("" for null)."""
    sent = payload.dict(exclude_unset=True)
    sent.pop("revision", None)
    values = {}
    for name, value in sent.items():
        if isinstance(value, dt.date | dt.time):
            value = value.isoformat()
        values[name] = value if value is not None else ""
    return values


@router.post(MEETINGS, response={201: DraftMeetingPlaceOut, **_ANSWERS}, auth=require_user)
def add_draft_meeting(request, import_id: Id, payload: NewMeetingIn):
    """Add a meeting at the end of the draft (one the reader missed), as the page's "Add
    a meeting" does, with the details given; the draft's revision goes up. Its items
    are then added one by one (POST .../meetings/{meeting_index}/items)."""
    values = _details(payload)
    try:
        document = _open_draft(request.auth, import_id)
        with transaction.atomic():  # the meeting and its details, or nothing
            m = drafting.add_meeting(request.auth, document, seen=payload.revision)
            if values:
                update_draft(request.auth, document, meeting_choices(document, m, values))
    except (ImportFailed, MeetingRefused) as exc:
        return _refused(exc)
    return Status(201, _draft_meeting(document, m))


@router.patch(MEETING, response={200: DraftMeetingPlaceOut, **_ANSWERS}, auth=require_user)
def change_draft_meeting(request, import_id: Id, payload: MeetingChangeIn, meeting_index: Index):
    """Change a meeting's details (title, date, time, location, chair, recorder) before
    confirming, as the draft page's meeting fields save them; confirming writes the
    meeting with them. 400 with the reason when a detail is refused (a title cannot be
    cleared); 409 when the draft changed since `revision` or is no longer a draft."""
    try:
        document = _open_draft(request.auth, import_id)
        if missing := _missing_meeting(document, meeting_index):
            return missing
        choices = meeting_choices(document, meeting_index, _details(payload))
        update_draft(request.auth, document, choices, seen=payload.revision)
    except (ImportFailed, MeetingRefused) as exc:
        return _refused(exc)
    return _draft_meeting(document, meeting_index)


@router.delete(MEETING, response={200: DraftOut, **_ANSWERS}, auth=require_user)
def delete_draft_meeting(
    request, import_id: Id, meeting_index: Index, revision: Revision | None = None
):
    """Delete a meeting of the draft with all its items (the reader saw a meeting that
    is none); the meetings after it move up by one and the draft's revision goes up.
    The draft as it is now."""
    try:
        document = _open_draft(request.auth, import_id)
        if missing := _missing_meeting(document, meeting_index):
            return missing
        drafting.delete_meeting(request.auth, document, meeting_index, seen=revision)
    except ImportFailed as exc:
        return _refused(exc)
    return get_draft(request, import_id)


@router.post(MEETING + "/split", response={200: DraftOut, **_ANSWERS}, auth=require_user)
def split_draft_meeting(request, import_id: Id, meeting_index: Index, payload: SplitMeetingIn):
    """Make a new meeting, after this one, of the item `item_index` and the items after
    it (the reader took two meetings for one), as the page's "New meeting from here"
    does: it has this meeting's details and a title of its own to correct. The draft's
    revision goes up; the draft as it is now."""
    try:
        document = _open_draft(request.auth, import_id)
        if missing := _missing_meeting(document, meeting_index):
            return missing
        drafting.split_meeting(
            request.auth, document, meeting_index, payload.item_index, seen=payload.revision
        )
    except ImportFailed as exc:
        return _refused(exc)
    return get_draft(request, import_id)


@router.post(MEETING + "/join", response={200: DraftOut, **_ANSWERS}, auth=require_user)
def join_draft_meetings(request, import_id: Id, meeting_index: Index, payload: JoinMeetingsIn):
    """Join the next meeting into this one (the reader took one meeting for two), as the
    page's "Join with the next meeting" does: its items follow this one's and its
    details fill the ones this meeting lacks. 400 for the last meeting. The draft's
    revision goes up; the draft as it is now."""
    try:
        document = _open_draft(request.auth, import_id)
        if missing := _missing_meeting(document, meeting_index):
            return missing
        drafting.join_meetings(request.auth, document, meeting_index, seen=payload.revision)
    except ImportFailed as exc:
        return _refused(exc)
    return get_draft(request, import_id)
