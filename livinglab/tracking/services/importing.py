"""From uploaded records to meetings, decisions and cases.

`import_minutes` reads each file with the minutes reader and stores a draft: the
decoded text and a proposal (meetings, items, agencies, deadlines, statuses and, for
each case name, the case it would link to with a confidence). The secretary edits the
proposal and calls `confirm_import`, which writes everything in one transaction.
The same file twice changes nothing (SHA-256 per body); a record that overlaps an
earlier import links to the meeting already there; a failure leaves nothing behind.
"""

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.core.sqlite.base import giving_way
from livinglab.meetings.models import Body, Meeting, MinutesDocument
from livinglab.minutes import AgencyDirectory, MinutesError, read_minutes
from livinglab.tracking.models import Case
from livinglab.tracking.services import changes, unreadable
from livinglab.tracking.services import proposal as proposals

# Larger files are read by a background task while the page shows progress.
BACKGROUND_BYTES = 2 * 1024 * 1024
# A background reading reports (`heartbeat_at`) when it starts, after reading and after
# each meeting it writes; one silent for this long was abandoned: its worker was killed
# or the machine restarted. The page then says so and offers to read the record again.
LEASE = dt.timedelta(minutes=2)
# While it writes meetings, a reading reports at most this often (and checks every
# meeting that it still owns the record): a report rewrites the record's row, which then
# holds the whole text and proposal, megabytes that SQLite copies in full each time.
BEAT_EVERY = dt.timedelta(seconds=3)


class ImportFailed(Exception):
    """A file could not be imported; the message names the file and the reason."""


class DraftChanged(ImportFailed):
    """The page was opened before a change that moved the draft's meetings or items."""


def revision(proposal: dict) -> int:
    """How many times the draft's meetings and items were added, moved or deleted."""
    return int(proposal.get("revision") or 0)


def check_revision(proposal: dict, seen: int | None) -> None:
    if seen is not None and seen != revision(proposal):
        raise DraftChanged(
            _(
                "The draft was changed in another window since this page was opened "
                "(meetings or items were added, moved or deleted). Reload the page and "
                "make your change again."
            )
        )


@dataclass
class Upload:
    filename: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @classmethod
    def of(cls, file) -> "Upload":
        """A path, an uploaded file or an (name, bytes) pair."""
        if isinstance(file, cls):
            return file
        if isinstance(file, tuple):
            return cls(str(file[0]), bytes(file[1]))
        if isinstance(file, str | Path):
            try:
                return cls(Path(file).name, Path(file).read_bytes())
            except OSError as exc:
                raise ImportFailed(f"{file}: {exc.strerror or exc}") from exc
        return cls(file.name, file.read())


def import_minutes(user, body: Body, files, *, confirm: bool = False) -> list[MinutesDocument]:
    """Read `files` into drafts for `body` (confirmed at once with `confirm`)."""
    require(user, "import", body)
    uploads = [Upload.of(file) for file in files]
    # Read every small file before writing anything, so a bad file leaves nothing.
    read = {u.sha256: _read(body, u) for u in uploads if len(u.data) <= BACKGROUND_BYTES}
    with transaction.atomic():
        return [_import_one(user, body, u, read.get(u.sha256), confirm) for u in uploads]


def _import_one(user, body, upload: Upload, document, confirm) -> MinutesDocument:
    same = MinutesDocument.objects.filter(body=body, sha256=upload.sha256)
    notice_abandoned(same)  # a reading whose worker died is read again, not waited for
    existing = same.first()
    if existing is not None and existing.status != MinutesDocument.Status.FAILED:
        return existing  # the same record again: nothing changes
    draft = existing or MinutesDocument(body=body, sha256=upload.sha256)
    draft.filename, draft.uploaded_by, draft.error = upload.filename, user, ""
    if document is None:
        return _read_later(draft, upload, confirm)
    _fill(draft, document)
    if confirm:
        confirm_import(user, draft)
    return draft


def _read_later(draft: MinutesDocument, upload: Upload, confirm: bool) -> MinutesDocument:
    from django.core.files.base import ContentFile

    _remove_upload_on_commit(draft)  # an earlier attempt's copy
    draft.proposal = {"confirm_when_read": confirm}
    draft.upload.save(upload.filename, ContentFile(upload.data), save=False)
    _queue(draft)
    return draft


def _queue(draft: MinutesDocument) -> None:
    """Hand the stored upload to the background reader as a new attempt."""
    from livinglab.tracking.tasks import read_minutes_task

    draft.status, draft.progress, draft.error = MinutesDocument.Status.READING, 0, ""
    draft.attempt += 1
    draft.heartbeat_at = timezone.now()
    draft.save()
    pk, attempt = draft.pk, draft.attempt
    transaction.on_commit(lambda: read_minutes_task.enqueue(pk, attempt))


class ReadingAbandoned(Exception):
    """This attempt no longer owns the record (it was declared stopped and retried)."""


def read_in_background(document_id: int, attempt: int | None = None) -> MinutesDocument:
    """The task's work: read the stored upload, build the proposal, maybe confirm.

    Each step is written only while this attempt still owns the record (`attempt`; None
    for tasks queued before attempts were counted), so a worker thought dead that wakes
    up after the record was read again changes nothing.
    """
    draft = MinutesDocument.objects.select_related("body", "uploaded_by").get(pk=document_id)
    attempt = draft.attempt if attempt is None else attempt
    try:
        _beat(draft, attempt, 10)
        try:
            with draft.upload.open("rb") as handle:
                upload = Upload(draft.filename, handle.read())
            document = _read(draft.body, upload)
        except (ImportFailed, OSError, ValueError) as exc:
            message = str(exc) if isinstance(exc, ImportFailed) else _missing(draft)
            _fail(draft, attempt, message)
            return draft
        _beat(draft, attempt, 50)
        confirm = draft.proposal.get("confirm_when_read", False)
        proposal = proposals.build(draft.body, document)  # reads only: no lock held
        _beat(draft, attempt, 60)
        if not confirm:
            with transaction.atomic():
                _own(draft, attempt)
                _fill(draft, document, proposal)
            return draft
        draft.text, draft.proposal = document.text, proposal
        draft.save(update_fields=["text", "proposal"])
        with giving_way():  # on SQLite, other writers go first between its transactions
            _write_staged(draft, attempt)
    except ReadingAbandoned:
        draft.refresh_from_db()
    return draft


def _write_staged(draft: MinutesDocument, attempt: int) -> None:
    """Write a read record's meetings into a hidden body, one short transaction each (so
    that other writers wait at most for one meeting), then move them into the body and
    apply what touches cases already there in one quick switch: users see all of the
    record or none of it. A failure removes what was staged and leaves a draft."""
    from livinglab.search.index import collected, reindex_all
    from livinglab.tracking.services.recording import Staging, record_meeting

    user, body = draft.uploaded_by, draft.body
    staging, held, placeholders = _stage_in(draft, attempt), Staging(), {}
    reindex: set[int] = set()
    entries = draft.proposal.get("meetings", [])
    staged: set = set()
    try:
        # The staged cases have no agencies before the switch, which reports them: one
        # report for all the meetings (`changes.batch`), not one per meeting.
        with collected(reindex), changes.batch():
            for n, entry in enumerate(entries):
                with transaction.atomic():
                    # Checks, and on PostgreSQL locks, that this attempt still owns the
                    # record; reports progress now and then.
                    _keep_owning(draft, attempt, 60 + 39 * n // max(1, len(entries)))
                    meeting = _staged_meeting(draft, entry, staging, staged)
                    if meeting is not None:
                        record_meeting(user, meeting, entry["items"], placeholders, held)
            with transaction.atomic():  # the switch
                _own(draft, attempt)
                staged_cases = list(Case.objects.filter(body=staging).values_list("pk", flat=True))
                Meeting.objects.filter(body=staging).update(body=body)
                Case.objects.filter(body=staging).update(body=body, updated_at=timezone.now())
                held.switch(user, body, placeholders, staged_cases)
                draft.status, draft.progress = MinutesDocument.Status.CONFIRMED, 100
                draft.confirmed_by, draft.confirmed_at = user, timezone.now()
                draft.staging = None
                # Not the text and proposal (megabytes, which SQLite would copy again).
                draft.save(update_fields=_SWITCHED)
                staging.delete()
    except ReadingAbandoned:
        raise
    except Exception as exc:
        _unstage(draft, attempt, exc)
        raise
    # Derived data, outside the switch: each batch of cases in a short transaction (50
    # cases' documents: about as long as one meeting's, where 200 held writers for 1.3 s
    # on a busy machine).
    reindex_all(Case.objects.filter(pk__in=reindex | set(staged_cases)), batch_size=50)


_SWITCHED = ["status", "progress", "confirmed_by", "confirmed_at", "staging"]


def _stage_in(draft: MinutesDocument, attempt: int) -> Body:
    """A new hidden body for this attempt (what a dead attempt staged is removed)."""
    with transaction.atomic():
        _own(draft, attempt)
        if draft.staging_id:
            drop_staging(draft.staging)
        name = _("%(body)s (import %(n)s.%(attempt)s, not yet written)") % {
            "body": draft.body.name[:120],
            "n": draft.pk,
            "attempt": attempt,
        }
        draft.staging = Body.objects.create(name=name, is_public=False)
        draft.save(update_fields=["staging"])
    return draft.staging


def _staged_meeting(
    draft: MinutesDocument, entry: dict, staging: Body, staged: set
) -> Meeting | None:
    """A new meeting in the staging body, or None when the body already has it or the
    record holds it twice (`staged`: the keys of the meetings staged so far)."""
    there = _meeting_key(draft, entry)
    if (
        there in staged
        or Meeting.objects.filter(body=draft.body, date=there[0], title=there[1]).exists()
    ):
        return None
    staged.add(there)
    return Meeting.objects.create(
        body=staging, date=there[0], title=there[1], **_meeting_fields(draft, entry)
    )


def _unstage(draft: MinutesDocument, attempt: int, exc: Exception) -> None:
    """Remove what a failed import staged; the record stays a draft saying why."""
    with transaction.atomic():
        locked = _owned(draft.pk, attempt).select_for_update().first()
        if locked is None:
            return
        if locked.staging_id:
            drop_staging(locked.staging)
        locked.status, locked.progress, locked.staging = MinutesDocument.Status.DRAFT, 100, None
        locked.error = _(
            "%(file)s was read, but writing it failed (%(reason)s). Nothing of it was "
            "written: check the draft and confirm it again."
        ) % {"file": locked.filename, "reason": type(exc).__name__}
        locked.save(update_fields=["status", "progress", "staging", "error"])


def drop_staging(staging: Body) -> None:
    """Delete a staging body with all that was written into it."""
    from livinglab.tracking.models import CaseEvent, CaseLink

    cases = Case.objects.filter(body=staging)
    meetings = Meeting.objects.filter(body=staging)
    CaseEvent.objects.filter(Q(case__in=cases) | Q(meeting__in=meetings)).delete()
    CaseLink.objects.filter(Q(case__in=cases) | Q(decision__meeting__in=meetings)).delete()
    cases.update(merged_into=None)
    cases.delete()
    meetings.delete()
    staging.delete()


def _owned(document_id: int, attempt: int):
    return MinutesDocument.objects.filter(
        pk=document_id, attempt=attempt, status=MinutesDocument.Status.READING
    )


def _beat(draft: MinutesDocument, attempt: int, percent: int) -> None:
    """Report progress, which is also the sign that this attempt is alive."""
    now = timezone.now()
    if not _owned(draft.pk, attempt).update(progress=percent, heartbeat_at=now):
        raise ReadingAbandoned
    draft.progress, draft.heartbeat_at = percent, now


def _keep_owning(draft: MinutesDocument, attempt: int, percent: int) -> None:
    """For one step of a long write: a progress report every `BEAT_EVERY`, which also
    checks that this attempt still owns the record; in between, on PostgreSQL, a lock on
    the record, so that a new attempt cannot drop this one's staging body mid-step.

    SQLite needs no lock (a new attempt's writes wait for this step's transaction), and
    reading the record's state there walks past its text, megabytes long: an attempt that
    lost the record learns it at its next report, having written only into its own
    staging body (or failing to, once that is gone), and the switch checks again.
    """
    if draft.heartbeat_at is None or timezone.now() - draft.heartbeat_at >= BEAT_EVERY:
        _beat(draft, attempt, percent)
    elif connection.vendor != "sqlite":
        _own(draft, attempt)


def _own(draft: MinutesDocument, attempt: int) -> None:
    """Lock the record for this attempt's last write, or give up if it lost it."""
    if not _owned(draft.pk, attempt).select_for_update().exists():
        raise ReadingAbandoned


def _fail(draft: MinutesDocument, attempt: int, message: str) -> None:
    """The record cannot be read: say why, and remove the stored file (it stays unread)."""
    with transaction.atomic():
        locked = _owned(draft.pk, attempt).select_for_update().first()
        if locked is None:
            return
        _remove_upload_on_commit(locked)
        locked.upload = ""
        locked.status, locked.error = MinutesDocument.Status.FAILED, message
        locked.save(update_fields=["status", "error", "upload"])
    draft.refresh_from_db()


def _missing(draft: MinutesDocument) -> str:
    return _("%(file)s: the stored copy of the upload is missing. Upload the file again.") % {
        "file": draft.filename
    }


def _remove_upload_on_commit(draft: MinutesDocument) -> None:
    if draft.upload:
        name, storage = draft.upload.name, draft.upload.storage
        transaction.on_commit(lambda: storage.delete(name))


def notice_abandoned(documents) -> int:
    """Declare stopped the background readings among `documents` that went silent.

    Cheap when there are none (one indexed read); a record another transaction holds is
    left for the next look, so a page never waits for a worker that is alive.
    """
    Status = MinutesDocument.Status
    cutoff = timezone.now() - LEASE
    silent = documents.filter(status=Status.READING, heartbeat_at__lt=cutoff)
    ids = list(silent.values_list("pk", flat=True)[:100])
    if not ids:
        return 0
    stopped = 0
    try:
        with transaction.atomic():
            locked = MinutesDocument.objects.select_for_update(skip_locked=True)
            for draft in locked.filter(pk__in=ids, status=Status.READING, heartbeat_at__lt=cutoff):
                draft.status = Status.FAILED
                draft.error = _(
                    "The reading of %(file)s stopped at %(percent)s%%: the background worker "
                    "ended before it finished (it was stopped, or the server restarted). "
                    "Nothing of it was written. Read it again, or discard the record."
                ) % {"file": draft.filename, "percent": draft.progress}
                draft.save(update_fields=["status", "error"])
                _forget_task(draft)
                stopped += 1
    except OperationalError:  # SQLite busy with a long write: look again next time
        return 0
    return stopped


def _forget_task(draft: MinutesDocument) -> None:
    """Mark the dead worker's task failed too, so that the task list tells the truth."""
    from django_tasks_db.models import DBTaskResult

    from livinglab.tracking.tasks import read_minutes_task

    DBTaskResult.objects.running().filter(
        task_path=read_minutes_task.module_path, args_kwargs__args__0=draft.pk
    ).update(
        status="FAILED",
        finished_at=timezone.now(),
        exception_class_path="livinglab.tracking.services.importing.ReadingAbandoned",
        traceback="The worker stopped without finishing (no heartbeat).",
    )


def read_once_more(user, draft: MinutesDocument) -> MinutesDocument:
    """The secretary's retry of a background reading that stopped: a new attempt."""
    require(user, "confirm", draft)
    with transaction.atomic():
        locked = MinutesDocument.objects.select_for_update().get(pk=draft.pk)
        if locked.status != MinutesDocument.Status.FAILED or not locked.upload:
            raise ImportFailed(
                _("%(file)s cannot be read again from here: upload the file again.")
                % {"file": locked.filename}
            )
        _queue(locked)
    draft.refresh_from_db()
    return draft


def _read(body: Body, upload: Upload):
    try:
        return read_minutes(
            upload.data,
            filename=upload.filename,
            directory=agency_directory(),
            members=list(body.members.values_list("name", flat=True)) or None,
        )
    except MinutesError as exc:
        raise ImportFailed(unreadable.explain(upload.filename, exc)) from exc


def agency_directory() -> AgencyDirectory:
    """The shipped agency dictionary plus the aliases added on the platform."""
    from livinglab.orgs.models import Organisation

    extra = []
    agencies = Organisation.objects.agencies().exclude(aliases=None).select_related("city")
    for org in agencies.prefetch_related("aliases"):
        city = org.city.short_name if org.city else ""
        aliases = [a.name for a in org.aliases.all()]
        extra.append({"city": city, "name": org.name, "short": org.short_name, "aliases": aliases})
    return AgencyDirectory.default().with_extra(extra)


def _fill(draft: MinutesDocument, document, proposal: dict | None = None) -> None:
    draft.text = document.text
    draft.proposal = proposal if proposal is not None else proposals.build(draft.body, document)
    draft.status, draft.progress = MinutesDocument.Status.DRAFT, 100
    draft.save()


@transaction.atomic
@transaction.atomic  # the draft is locked while it changes (PostgreSQL needs a transaction)
def update_draft(
    user, draft: MinutesDocument, choices: dict, *, seen: int | None = None
) -> MinutesDocument:
    """Save the secretary's corrections to a draft without confirming it.

    `seen`: the revision the page was opened at; a draft changed since raises
    DraftChanged rather than saving into items that moved.
    """
    require(user, "confirm", draft)
    locked = MinutesDocument.objects.select_for_update().get(pk=draft.pk)
    check_is_draft(locked)
    check_revision(locked.proposal, seen)
    proposal = proposals.apply_choices(locked.proposal, choices)
    if proposal != locked.proposal:
        proposal["edited"] = True
        locked.proposal = proposal
        locked.save(update_fields=["proposal"])
    draft.proposal = locked.proposal
    return draft


def check_is_draft(draft: MinutesDocument) -> None:
    if draft.status != MinutesDocument.Status.DRAFT:
        raise ImportFailed(
            _("%(file)s: only a draft can be confirmed (this one is %(status)s)")
            % {"file": draft.filename, "status": draft.get_status_display()}
        )


def confirm_import(user, draft: MinutesDocument, choices: dict | None = None) -> MinutesDocument:
    """Write the draft's meetings, decisions and case changes, all or nothing."""
    require(user, "confirm", draft)
    if draft.status == MinutesDocument.Status.CONFIRMED:
        return draft
    check_is_draft(draft)
    from livinglab.tracking.services.recording import record_meeting

    with transaction.atomic():
        if choices:
            draft.proposal = proposals.apply_choices(draft.proposal, choices)
        placeholders: dict = {}
        for entry in draft.proposal.get("meetings", []):
            meeting, created = _meeting(draft, entry)
            if created:
                record_meeting(user, meeting, entry["items"], placeholders)
        draft.status, draft.confirmed_by, draft.confirmed_at = "confirmed", user, timezone.now()
        draft.save()
    return draft


_NUMBER = re.compile(r"第\s*(\d+)\s*次")


def _meeting_key(draft: MinutesDocument, entry: dict) -> tuple[dt.date | None, str]:
    date = dt.date.fromisoformat(entry["date"]) if entry.get("date") else None
    return date, (entry.get("title") or draft.filename)[:300]


def _meeting(draft: MinutesDocument, entry: dict, body: Body | None = None):
    """The meeting already there (same body, date and title) or a new one."""
    date, title = _meeting_key(draft, entry)
    return Meeting.objects.get_or_create(
        body=body or draft.body, date=date, title=title, defaults=_meeting_fields(draft, entry)
    )


def _meeting_fields(draft: MinutesDocument, entry: dict) -> dict:
    number = _NUMBER.search(entry.get("title") or draft.filename)
    return {
        "number": int(number.group(1)) if number else None,
        "time": dt.time.fromisoformat(entry["time"]) if entry.get("time") else None,
        "location": (entry.get("location") or "")[:300],
        "chair": (entry.get("chair") or "")[:200],
        "recorder": (entry.get("recorder") or "")[:200],
        "document": draft,
        "span_start": entry["span"][0],
        "span_end": entry["span"][1],
    }
