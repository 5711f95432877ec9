"""The secretary finishes a draft by hand: meetings and items added, split, joined, deleted.

The minutes reader may find little or nothing in a record laid out in an unfamiliar
way; these operations let the secretariat make the draft's proposal what the record
says before confirming. Each one locks the draft, applies to the stored proposal and
saves, in one transaction; it checks the permission itself. A structural change bumps
`revision`, so that a page opened before it cannot save into the wrong item. Any
change by hand sets `edited`, so that reading the record again warns before it
replaces them. A draft can also be discarded, or read again after the reader improved.
"""

import copy
import re
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.meetings.models import Meeting, MinutesDocument
from livinglab.minutes.reader import parse_text
from livinglab.tracking.models import Case, Decision
from livinglab.tracking.services import proposal as proposals
from livinglab.tracking.services.importing import (
    DraftChanged,
    ImportFailed,
    agency_directory,
    check_is_draft,
    check_revision,
    confirm_import,
    drop_staging,
    revision,
)

# Where an item's text may be cut when no position is given: line ends, then sentences.
_BREAKS = (re.compile(r"\n"), re.compile(r"(?<=[。；;])"))


__all__ = ["DraftChanged"]


class HandEditsWouldBeLost(ImportFailed):
    """Reading again would replace corrections made by hand."""


class ConfirmEmpty(ImportFailed):
    """The draft has meetings but no item: confirming must be asked for once more."""


@contextmanager
def _editing(user, draft: MinutesDocument, seen: int | None = None, *, structural=True):
    """Lock the draft, yield its proposal to change, then save it as changed by hand."""
    require(user, "confirm", draft)
    with transaction.atomic():
        locked = MinutesDocument.objects.select_for_update().get(pk=draft.pk)
        check_is_draft(locked)
        check_revision(locked.proposal, seen)
        proposal = copy.deepcopy(locked.proposal)
        proposal.setdefault("meetings", [])
        yield proposal
        proposal["edited"] = True
        if structural:
            proposal["revision"] = revision(proposal) + 1
        locked.proposal = proposal
        locked.save(update_fields=["proposal"])
        draft.proposal = proposal


def _meeting_at(proposal: dict, m: int) -> dict:
    meetings = proposal["meetings"]
    if not 0 <= m < len(meetings):
        raise ImportFailed(_("There is no meeting %(n)s in this draft.") % {"n": m + 1})
    return meetings[m]


def _item_at(proposal: dict, m: int, i: int) -> dict:
    items = _meeting_at(proposal, m).setdefault("items", [])
    if not 0 <= i < len(items):
        raise ImportFailed(_("There is no item %(i)s in meeting %(m)s.") % {"i": i + 1, "m": m + 1})
    return items[i]


def blank_meeting(title: str, span: tuple[int, int] = (0, 0)) -> dict:
    return {
        "title": title,
        "date": None,
        "time": None,
        "location": None,
        "chair": None,
        "recorder": None,
        "span": list(span),
        "items": [],
        "existing": None,
        "manual": True,
    }


def blank_item(text: str = "", span: tuple[int, int] = (0, 0)) -> dict:
    return {
        "path": [],
        "text": text,
        "cases": [],
        "agencies": [],
        "deadline": None,
        "status": None,
        "span": list(span),
        "relations": [],
        "track": True,
        "pending": "",
        "links": [],
        "manual": True,
    }


# --- Meetings -------------------------------------------------------------------------


def add_meeting(user, draft: MinutesDocument, *, seen: int | None = None) -> int:
    """Add an empty meeting at the end; its title is the file's name until corrected."""
    with _editing(user, draft, seen) as proposal:
        title = _free_title(proposal, draft.filename.rsplit(".", 1)[0][:280] or draft.filename)
        proposal["meetings"].append(blank_meeting(title, (0, len(draft.text))))
        return len(proposal["meetings"]) - 1


def _free_title(proposal: dict, title: str) -> str:
    """`title`, or `title (2)`… if a meeting of the draft already has it."""
    taken = {meeting.get("title") for meeting in proposal["meetings"]}
    if title not in taken:
        return title
    n = 2
    while f"{title} ({n})" in taken:
        n += 1
    return f"{title} ({n})"


def delete_meeting(user, draft: MinutesDocument, m: int, *, seen: int | None = None) -> None:
    with _editing(user, draft, seen) as proposal:
        _meeting_at(proposal, m)
        del proposal["meetings"][m]


def split_meeting(user, draft: MinutesDocument, m: int, i: int, *, seen=None) -> int:
    """Item `i` and those after it become a new meeting after meeting `m`."""
    with _editing(user, draft, seen) as proposal:
        meeting = _meeting_at(proposal, m)
        items = meeting.get("items", [])
        if not 0 < i < len(items):
            raise ImportFailed(_("A meeting is split before one of its items but the first."))
        new = {**blank_meeting(""), **{k: v for k, v in meeting.items() if k != "items"}}
        new["title"] = _free_title(proposal, meeting.get("title") or draft.filename)
        new["items"], meeting["items"] = items[i:], items[:i]
        new["existing"], new["manual"] = None, True
        start, end = meeting.get("span") or (0, 0)
        cut = (items[i].get("span") or (start, start))[0]
        if start <= cut <= end:
            meeting["span"], new["span"] = [start, cut], [cut, end]
        proposal["meetings"].insert(m + 1, new)
        return m + 1


def join_meetings(user, draft: MinutesDocument, m: int, *, seen: int | None = None) -> None:
    """Meeting `m + 1` joins meeting `m`: its items follow, its details fill the gaps."""
    with _editing(user, draft, seen) as proposal:
        first = _meeting_at(proposal, m)
        if m + 1 >= len(proposal["meetings"]):
            raise ImportFailed(
                _("Meeting %(n)s is the last of the draft: there is no next meeting to join.")
                % {"n": m + 1}
            )
        second = proposal["meetings"][m + 1]
        first.setdefault("items", []).extend(second.get("items", []))
        for field in ("date", "time", "location", "chair", "recorder"):
            first[field] = first.get(field) or second.get(field)
        first["span"] = _union(first.get("span"), second.get("span"))
        del proposal["meetings"][m + 1]


def _union(a, b) -> list[int]:
    spans = [s for s in (a, b) if s and s[1] > s[0]]
    if not spans:
        return list(a or b or (0, 0))
    return [min(s[0] for s in spans), max(s[1] for s in spans)]


# --- Items ----------------------------------------------------------------------------


@dataclass
class Passage:
    """A piece of the source text the secretary selected."""

    start: int
    end: int
    text: str = ""


def find_passage(source: str, passage: Passage) -> Passage:
    """The passage as it is in the source; the selected text wins over stale offsets."""
    wanted = passage.text.strip()
    start, end = passage.start, passage.end
    if wanted and source[start:end].strip() != wanted:
        found = source.find(wanted, max(0, start - 200))
        if found < 0:
            found = source.find(wanted)
        if found < 0:
            raise ImportFailed(_("The selected words were not found in the source text."))
        start, end = found, found + len(wanted)
    if not 0 <= start < end <= len(source):
        raise ImportFailed(_("Select some words of the source text first."))
    # Leave out the blanks at either end of the selection.
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    if start == end:
        raise ImportFailed(_("Select some words of the source text first."))
    return Passage(start, end, source[start:end])


def add_item(
    user, draft: MinutesDocument, m: int | None, passage: Passage | None = None, *, seen=None
) -> tuple[int, int]:
    """Add an item to meeting `m` (from a selected passage, or empty); return its place.

    Without `m`, a passage goes to the meeting whose part of the source holds it, and
    to a new meeting if the draft has none.
    """
    if passage is not None:
        passage = find_passage(draft.text, passage)
    with _editing(user, draft, seen) as proposal:
        if m is None:
            m = _meeting_for(proposal, passage)
        if m is None:
            title = draft.filename.rsplit(".", 1)[0][:280] or draft.filename
            proposal["meetings"].append(blank_meeting(title, (0, len(draft.text))))
            m = len(proposal["meetings"]) - 1
        items = _meeting_at(proposal, m).setdefault("items", [])
        if passage is None:
            items.append(blank_item())
            return m, len(items) - 1
        item = blank_item(passage.text, (passage.start, passage.end))
        # In source order among the meeting's items that have a place in the source.
        at = len(items)
        for n, other in enumerate(items):
            span = other.get("span") or (0, 0)
            if span[1] > span[0] and span[0] > passage.start:
                at = n
                break
        items.insert(at, item)
        return m, at


def _meeting_for(proposal: dict, passage: Passage | None) -> int | None:
    meetings = proposal["meetings"]
    if not meetings:
        return None
    if passage is not None:
        for m, meeting in enumerate(meetings):
            start, end = meeting.get("span") or (0, 0)
            if start <= passage.start < end:
                return m
    return len(meetings) - 1


def delete_item(user, draft: MinutesDocument, m: int, i: int, *, seen=None) -> None:
    with _editing(user, draft, seen) as proposal:
        _item_at(proposal, m, i)
        del proposal["meetings"][m]["items"][i]


def join_items(user, draft: MinutesDocument, m: int, i: int, *, seen=None) -> None:
    """Item `i + 1` joins item `i`: one decision with both texts, cases and agencies."""
    with _editing(user, draft, seen) as proposal:
        first, second = _item_at(proposal, m, i), _item_at(proposal, m, i + 1)
        first["text"] = "\n".join(filter(None, (first.get("text"), second.get("text"))))
        first["span"] = _union(first.get("span"), second.get("span"))
        keys = {link["case"] for link in first.get("links", [])}
        first["links"] = [
            *first.get("links", []),
            *(link for link in second.get("links", []) if link["case"] not in keys),
        ]
        first["relations"] = [*first.get("relations", []), *second.get("relations", [])]
        names = {ref.get("name") or ref.get("mention") for ref in first.get("agencies", [])}
        first["agencies"] = [
            *first.get("agencies", []),
            *(
                ref
                for ref in second.get("agencies", [])
                if (ref.get("name") or ref.get("mention")) not in names
            ),
        ]
        first["cases"] = [*first.get("cases", []), *second.get("cases", [])]
        for field in ("deadline", "status"):
            first[field] = first.get(field) or second.get(field)
        first["pending"] = first.get("pending") or second.get("pending", "")
        first["track"] = bool(first.get("track", True) or second.get("track", True))
        del proposal["meetings"][m]["items"][i + 1]


def split_item(user, draft: MinutesDocument, m: int, i: int, at: int | None = None, *, seen=None):
    """Cut item `i`'s text in two at `at` (or at the line or sentence end nearest its
    middle); the second part becomes a new item after it, with no case of its own yet."""
    with _editing(user, draft, seen) as proposal:
        item = _item_at(proposal, m, i)
        text = item.get("text") or ""
        at = _cut(text, at)
        head, tail = text[:at].rstrip(), text[at:].strip()
        if not head or not tail:
            raise ImportFailed(_("This item's text has no place to cut it in two."))
        start, end = item.get("span") or (0, 0)
        cut = _source_cut(draft.text, (start, end), at)
        second = blank_item(tail, (cut, end) if cut is not None else (0, 0))
        second["status"], second["deadline"] = item.get("status"), item.get("deadline")
        item["text"] = head
        if cut is not None:
            item["span"] = [start, cut]
        proposal["meetings"][m]["items"].insert(i + 1, second)
        return m, i + 1


def _cut(text: str, at: int | None) -> int:
    if at is not None and 0 < at < len(text):
        return at
    middle = len(text) / 2
    for pattern in _BREAKS:
        places = [b.end() for b in pattern.finditer(text.rstrip()) if 0 < b.end() < len(text)]
        if places:
            return min(places, key=lambda p: abs(p - middle))
    return 0


def _source_cut(source: str, span, at: int) -> int | None:
    """Where in the source the cut falls, when the item's text is its part of the source."""
    start, end = span
    if end > start and 0 < at < end - start:
        return start + at
    return None


# --- The draft as a whole -------------------------------------------------------------


def discard_draft(user, draft: MinutesDocument) -> None:
    """Delete a draft (or a record that failed to read) with its stored file."""
    require(user, "confirm", draft)
    if draft.status == MinutesDocument.Status.CONFIRMED:
        raise ImportFailed(
            _("%(file)s is confirmed; its meetings are in the registry and stay there.")
            % {"file": draft.filename}
        )
    with transaction.atomic():
        if draft.upload:
            name, storage = draft.upload.name, draft.upload.storage
            transaction.on_commit(lambda: storage.delete(name))
        if draft.staging_id:  # what a stopped import had staged
            drop_staging(draft.staging)
        draft.delete()


def read_again(user, draft: MinutesDocument, *, replace_edits: bool = False) -> MinutesDocument:
    """Read the stored source text again with the current reader and replace the proposal.

    Corrections made by hand would be lost: unless `replace_edits`, a draft that has
    some raises HandEditsWouldBeLost and keeps them.
    """
    require(user, "confirm", draft)
    with transaction.atomic():
        locked = MinutesDocument.objects.select_for_update().get(pk=draft.pk)
        check_is_draft(locked)
        if locked.proposal.get("edited") and not replace_edits:
            raise HandEditsWouldBeLost(
                _(
                    "This draft has corrections made by hand; reading the record again "
                    "replaces them with what the reader finds."
                )
            )
        members = list(locked.body.members.values_list("name", flat=True)) or None
        document = parse_text(
            locked.text, locked.filename, directory=agency_directory(), members=members
        )
        proposal = proposals.build(locked.body, document)
        proposal["revision"] = revision(locked.proposal) + 1
        locked.proposal = proposal
        locked.save(update_fields=["proposal"])
    draft.proposal = locked.proposal
    return draft


# --- Confirming ---------------------------------------------------------------------


def confirm_draft(
    user, draft: MinutesDocument, choices: dict | None = None, *, empty_ok=False, seen=None
) -> "Written":
    """Confirm a draft from its page; say what it wrote.

    Refused with a reason, and nothing written: a draft with no meeting; two meetings
    with the same date and title (they would be one); a meeting of the draft that is
    already in the registry from another record but has items (they would be dropped).
    A draft whose meetings have no item is confirmed only when `empty_ok`.
    """
    require(user, "confirm", draft)
    with transaction.atomic():
        locked = MinutesDocument.objects.select_for_update().select_related("body")
        locked = locked.get(pk=draft.pk)
        check_is_draft(locked)
        check_revision(locked.proposal, seen)
        proposal = proposals.apply_choices(locked.proposal, choices or {})
        _check_confirmable(locked, proposal, empty_ok)
        confirm_import(user, locked, choices)
    draft.refresh_from_db()
    return written_by(draft, len(proposal["meetings"]))


def _check_confirmable(draft: MinutesDocument, proposal: dict, empty_ok: bool) -> None:
    meetings = proposal.get("meetings", [])
    if not meetings:
        raise ImportFailed(
            _(
                "There is nothing to write: the draft has no meeting. Add a meeting and "
                "its items, or discard the record."
            )
        )
    seen = set()
    for meeting in meetings:
        key = (meeting.get("date"), meeting.get("title") or draft.filename)
        if key in seen:
            raise ImportFailed(
                _("Two meetings of the draft have the same date and title “%(title)s”.")
                % {"title": key[1]}
            )
        seen.add(key)
        there = None
        if not meeting.get("existing") and meeting.get("items"):
            there = Meeting.objects.filter(body=draft.body, date=key[0], title=key[1][:300])
            there = there.exclude(document=draft).first()
        if there is not None:
            raise ImportFailed(
                _(
                    "The meeting “%(title)s” is already in the registry from another "
                    "record; its items here would not be written. Change its title or "
                    "date, or delete its items."
                )
                % {"title": there}
            )
    if not item_count(proposal) and not empty_ok:
        raise ConfirmEmpty(
            _(
                "The draft has no decision items: confirming writes its meetings and no "
                "decision, and no case. Confirm again to do so, or add items first."
            )
        )


# --- What the reader found, in words for the top of the page -------------------------

# Below this the reader's own confidence in a meeting or an item is worth a warning.
UNSURE = 0.6
MEETING_DETAILS = ("title", "date", "time", "location", "chair", "recorder")


@dataclass
class Reading:
    meetings: int
    items: int
    details: list[str]  # the meeting fields the reader found, in MEETING_DETAILS order
    confidence: float | None  # the lowest the reader gave a meeting, when it gives any
    cues: list[str]
    unsure_items: int

    @property
    def unsure(self) -> bool:
        return self.unsure_items > 0 or (self.confidence is not None and self.confidence < UNSURE)

    @property
    def percent(self) -> int | None:
        return None if self.confidence is None else round(self.confidence * 100)


def reading_of(proposal: dict) -> Reading:
    meetings = proposal.get("meetings", [])
    found = {f for m in meetings if not m.get("manual") for f in MEETING_DETAILS if m.get(f)}
    confidences = [m["confidence"] for m in meetings if _number(m.get("confidence"))]
    cues: list[str] = []
    unsure = 0
    for meeting in meetings:
        for cue in meeting.get("cues") or ():
            if cue not in cues:
                cues.append(str(cue))
        for item in meeting.get("items", []):
            if is_unsure(item):
                unsure += 1
    return Reading(
        meetings=len(meetings),
        items=item_count(proposal),
        details=[f for f in MEETING_DETAILS if f in found],
        confidence=min(confidences) if confidences else None,
        cues=cues[:12],
        unsure_items=unsure,
    )


def is_unsure(entry: dict) -> bool:
    confidence = entry.get("confidence")
    return not entry.get("manual") and _number(confidence) and confidence < UNSURE


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# --- What confirming wrote ------------------------------------------------------------


@dataclass
class Written:
    meetings: int
    decisions: int
    new_cases: int
    meetings_already_there: int

    @property
    def nothing(self) -> bool:
        return not (self.meetings or self.decisions)


def written_by(draft: MinutesDocument, proposed_meetings: int) -> Written:
    """What a confirmed draft put in the registry (counted there, not from the proposal)."""
    meetings = Meeting.objects.filter(document=draft)
    count = meetings.count()
    return Written(
        meetings=count,
        decisions=Decision.objects.filter(meeting__document=draft).count(),
        new_cases=Case.objects.filter(created_in__document=draft).count(),
        meetings_already_there=max(0, proposed_meetings - count),
    )


def item_count(proposal: dict) -> int:
    return sum(len(meeting.get("items", [])) for meeting in proposal.get("meetings", []))
