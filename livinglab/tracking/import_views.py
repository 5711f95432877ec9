"""The secretary's import pages: upload records into a body, correct and confirm a draft.

Views parse the forms, authorize through `get_for_user` and call the importing
services; the services check the permission again and own the transaction.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from livinglab.core.access import get_for_user
from livinglab.meetings.models import Body, Meeting, MinutesDocument
from livinglab.tracking.import_forms import DraftForm, PassageForm, UploadForm, agency_options
from livinglab.tracking.services import background, drafting
from livinglab.tracking.services.identity import AUTO_LINK
from livinglab.tracking.services.importing import (
    ImportFailed,
    confirm_import,
    import_minutes,
    notice_abandoned,
    read_once_more,
    revision,
)
from livinglab.tracking.services.importing import update_draft as save_draft

Status = MinutesDocument.Status


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, body_pk: int):
    body = get_for_user(Body.objects, request.user, body_pk, "import")
    started = timezone.now()
    form = UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                drafts = import_minutes(request.user, body, form.cleaned_data["files"])
            except ImportFailed as exc:
                form.add_error("files", str(exc))
            else:
                _say_where_earlier_imports_are(request, drafts, started)
                if len(drafts) == 1:
                    return _go(request, reverse("imports:draft", args=[drafts[0].pk]))
                messages.success(request, _("%(count)s records read.") % {"count": len(drafts)})
                return _go(request, reverse("imports:upload", args=[body.pk]))
    documents = MinutesDocument.objects.filter(body=body).select_related("uploaded_by")
    notice_abandoned(documents)
    context = {
        "body": body,
        "form": form,
        "documents": documents.defer("text", "proposal")[:100],
        "max_bytes": settings.LIVINGLAB_UPLOAD_MAX_BYTES,
    }
    return render(request, "imports/upload.html", context, status=400 if form.errors else 200)


def _go(request, url: str):
    """Where an upload leads: a redirect, or for the page's script (which shows the
    transfer's progress) the address to go to, so that the messages wait for that page."""
    if request.headers.get("X-Upload-Progress"):
        return JsonResponse({"location": url})
    return redirect(url)


def _say_where_earlier_imports_are(request, drafts, started) -> None:
    """A record uploaded again that was confirmed before: say where its meeting is."""
    for document in drafts:
        confirmed = document.confirmed_at
        if document.status != Status.CONFIRMED or confirmed is None or confirmed >= started:
            continue
        meeting = meeting_of(document)
        values = {
            "file": document.filename,
            "when": timezone.localdate(confirmed).isoformat(),
        }
        if meeting is not None:
            values["meeting"] = str(meeting)
            message = _(
                "%(file)s was imported and confirmed before (%(when)s); nothing changed. "
                "Its meeting is “%(meeting)s”."
            )
            messages.info(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    message % values,
                    meeting.get_absolute_url(),
                    _("Go to the meeting"),
                ),
            )
        else:
            messages.info(
                request,
                _("%(file)s was imported and confirmed before (%(when)s); nothing changed.")
                % values,
            )


def _get_draft(request, pk: int) -> MinutesDocument:
    queryset = MinutesDocument.objects.select_related("body")
    document = get_for_user(queryset, request.user, pk, "confirm")
    if document.status == Status.READING and notice_abandoned(queryset.filter(pk=pk)):
        document.refresh_from_db()
    return document


@login_required
@require_http_methods(["GET", "POST"])
def draft(request, pk: int):
    document = _get_draft(request, pk)
    if document.status != Status.DRAFT:
        if request.method == "POST" and request.POST.get("action") == "confirm":
            return _confirmed(request, confirm_import(request.user, document))
        return render(request, "imports/draft.html", _context(document))
    if request.method == "GET":
        return render(request, "imports/draft.html", _context(document, DraftForm(document)))
    confirming = request.POST.get("action") == "confirm"
    form = DraftForm(document, request.POST, confirming=confirming)
    if not form.is_valid():
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        return render(request, "imports/draft.html", _context(document, form), status=400)
    seen = _seen(request)
    action = request.POST.get("action", "save")
    try:
        # What was typed is saved first, so that a refused confirmation loses nothing.
        save_draft(request.user, document, form.choices(), seen=seen)
        if action == "confirm":
            empty_ok = request.POST.get("empty_ok") == "1"
            written = drafting.confirm_draft(request.user, document, empty_ok=empty_ok)
            return _written(request, document, written)
        anchor = _operation(request, document, request.POST.get("op", ""), seen)
    except drafting.ConfirmEmpty as exc:
        context = _context(document, DraftForm(document), ask_empty=str(exc))
        return render(request, "imports/draft.html", context)
    except ImportFailed as exc:
        messages.error(request, str(exc))
        return render(request, "imports/draft.html", _context(document, form), status=400)
    if anchor is None:
        messages.success(request, _("Draft saved."))
    return redirect(reverse("imports:draft", args=[document.pk]) + (anchor or ""))


def _seen(request) -> int | None:
    value = request.POST.get("revision", "")
    return int(value) if value.isdigit() else None


def _operation(request, document: MinutesDocument, op: str, seen) -> str | None:
    """Run one change of the draft's meetings or items (`op` = "name:m:i"); return the
    anchor to go back to, or None when there was no change to make but saving."""
    name, *numbers = op.split(":")
    args = [int(n) for n in numbers if n.isdigit()]
    user = request.user
    if name == "add-meeting":
        m = drafting.add_meeting(user, document, seen=seen)
        return f"#meeting-{m}"
    if name == "passage":
        passage = PassageForm(request.POST)
        if not passage.is_valid():
            raise ImportFailed(_("Select some words of the source text first."))
        m, i = drafting.add_item(user, document, None, passage.passage(), seen=seen)
        messages.success(request, _("The selected passage is now an item."))
        return f"#row-{m}-{i}"
    operations = {
        ("add-item", 1): lambda m: drafting.add_item(user, document, m, seen=seen),
        ("delete-meeting", 1): lambda m: drafting.delete_meeting(user, document, m, seen=seen),
        ("join-meetings", 1): lambda m: drafting.join_meetings(user, document, m, seen=seen),
        ("split-meeting", 2): lambda m, i: drafting.split_meeting(user, document, m, i, seen=seen),
        ("delete-item", 2): lambda m, i: drafting.delete_item(user, document, m, i, seen=seen),
        ("join-items", 2): lambda m, i: drafting.join_items(user, document, m, i, seen=seen),
        ("split-item", 2): lambda m, i: drafting.split_item(
            user, document, m, i, _split_at(request, m, i), seen=seen
        ),
    }
    operation = operations.get((name, len(args)))
    if operation is None:
        return None
    result = operation(*args)
    if isinstance(result, tuple):
        return f"#row-{result[0]}-{result[1]}"
    if isinstance(result, int):
        return f"#meeting-{result}"
    return f"#meeting-{args[0]}" if name != "delete-meeting" else "#draft-form"


def _split_at(request, m: int, i: int) -> int | None:
    value = request.POST.get(f"i{m}-{i}-split_at", "")
    return int(value) if value.isdigit() else None


def _written(request, document: MinutesDocument, written: drafting.Written):
    """Say plainly what confirming wrote; never report success for nothing written."""
    counts = {
        "file": document,
        "meetings": written.meetings,
        "decisions": written.decisions,
        "cases": written.new_cases,
    }
    if written.nothing:
        messages.warning(
            request,
            _(
                "%(file)s is confirmed, but nothing was written to the registry: its "
                "meetings were already there from an earlier record."
            )
            % counts,
        )
    else:
        messages.success(
            request,
            _(
                "%(file)s is confirmed. Written to the registry: %(meetings)s meetings, "
                "%(decisions)s decisions, %(cases)s new cases."
            )
            % counts,
        )
    if written.meetings_already_there and not written.nothing:
        messages.info(
            request,
            _("%(count)s meetings were already in the registry and were left as they were.")
            % {"count": written.meetings_already_there},
        )
    meeting = meeting_of(document)
    return redirect(meeting.get_absolute_url() if meeting else document.body.get_absolute_url())


@login_required
@require_POST
def discard(request, pk: int):
    document = _get_draft(request, pk)
    try:
        drafting.discard_draft(request.user, document)
    except ImportFailed as exc:
        messages.error(request, str(exc))
        return redirect("imports:draft", document.pk)
    messages.success(
        request, _("%(file)s was discarded; nothing of it was written.") % {"file": document}
    )
    return redirect("imports:upload", document.body_id)


@login_required
@require_POST
def cancel(request, pk: int):
    """Stop a background reading; the record stays, failed, to read again or discard."""
    document = _get_draft(request, pk)
    try:
        background.cancel_reading(request.user, document)
    except ImportFailed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("The reading of %(file)s was cancelled; nothing of it was written.")
            % {"file": document},
        )
    return redirect("imports:draft", document.pk)


@login_required
@require_POST
def read_again(request, pk: int):
    document = _get_draft(request, pk)
    replace = request.POST.get("replace_edits") == "1"
    try:
        drafting.read_again(request.user, document, replace_edits=replace)
    except drafting.HandEditsWouldBeLost as exc:
        context = _context(document, DraftForm(document), ask_read_again=str(exc))
        return render(request, "imports/draft.html", context)
    except ImportFailed as exc:
        messages.error(request, str(exc))
        return redirect("imports:draft", document.pk)
    messages.success(
        request, _("The record was read again; the draft shows what the reader found.")
    )
    return redirect("imports:draft", document.pk)


@login_required
@require_POST
def retry(request, pk: int):
    """Read once more a large record whose background reading stopped."""
    document = _get_draft(request, pk)
    try:
        read_once_more(request.user, document)
    except ImportFailed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("%(file)s is being read again in the background; this page shows its progress.")
            % {"file": document},
        )
    return redirect("imports:draft", document.pk)


def _progress_context(document: MinutesDocument) -> dict:
    waited = background.waiting_for_a_worker(document)
    return {"document": document, "no_worker_seconds": int(waited.total_seconds()) if waited else 0}


def _context(document: MinutesDocument, form: DraftForm | None = None, **extra) -> dict:
    context = {
        "document": document,
        "body": document.body,
        "auto_link": AUTO_LINK * 100,
        "segments": None,
    }
    if document.status == Status.READING:
        context.update(_progress_context(document))
    if document.status in (Status.DRAFT, Status.CONFIRMED):
        context["segments"] = source_segments(document.text, document.proposal)
    if form is not None:
        context["draft_form"] = form
        context["case_options"] = form.cases.options()
        context["agency_options"] = agency_options()
        context["revision"] = revision(document.proposal)
        context["reading"] = drafting.reading_of(document.proposal)
    if document.status == Status.CONFIRMED:
        context["meeting"] = meeting_of(document)
    return {**context, **extra}


def _confirmed(request, document: MinutesDocument):
    messages.success(
        request, _("%(file)s is confirmed: its decisions are in the registry.") % {"file": document}
    )
    meeting = meeting_of(document)
    return redirect(meeting.get_absolute_url() if meeting else document.body.get_absolute_url())


def meeting_of(document: MinutesDocument) -> Meeting | None:
    """The first meeting of a confirmed record, or the meeting an earlier import made."""
    meeting = document.meetings.order_by("date", "pk").first()
    if meeting is not None:
        return meeting
    for entry in document.proposal.get("meetings", []):
        found = Meeting.objects.filter(
            body=document.body, date=entry.get("date"), title=entry.get("title") or ""
        ).first()
        if found is not None:
            return found
    return None


@login_required
@require_POST
def save_item(request, pk: int, m: int, i: int):
    """Save one item's row; htmx swaps the row, a plain post goes back to the page."""
    document = _get_draft(request, pk)
    if document.status != Status.DRAFT:
        return redirect("imports:draft", document.pk)
    form = DraftForm(document, request.POST, only=(m, i))
    rows = [item for meeting in form.meetings for item in meeting["items"]]
    if not rows:
        return HttpResponse(status=404)
    saved, error = form.is_valid(), ""
    if saved:
        try:
            save_draft(request.user, document, form.choices(), seen=_seen(request))
        except ImportFailed as exc:
            saved, error = False, str(exc)
    if not _is_htmx(request):
        if saved:
            messages.success(request, _("Draft saved."))
        elif error:
            messages.error(request, error)
        return redirect(reverse("imports:draft", args=[document.pk]) + f"#{rows[0].anchor}")
    context = {
        "document": document,
        "item": DraftForm(document, only=(m, i)).meetings[m]["items"][0] if saved else rows[0],
        "saved": saved,
        "error": error,
        "auto_link": AUTO_LINK * 100,
    }
    return render(request, "imports/_item.html", context)


@login_required
def progress(request, pk: int):
    """The reading progress of a large record, polled by the draft page."""
    document = _get_draft(request, pk)
    if document.status == Status.READING and _is_htmx(request):
        return render(request, "imports/_progress.html", _progress_context(document))
    if _is_htmx(request):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("imports:draft", args=[document.pk])
        return response
    return redirect("imports:draft", document.pk)


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


@dataclass
class Segment:
    text: str
    anchor: str = ""  # "item-m-i" for an item's text


def source_segments(text: str, proposal: dict) -> list[Segment]:
    """The decoded text cut into plain and item segments; the template escapes each.

    An item that contains sub-items is marked up to its first sub-item, so that every
    item gets its own mark.
    """
    spans = []
    for m, meeting in enumerate(proposal.get("meetings", [])):
        for i, item in enumerate(meeting.get("items", [])):
            start, end = item.get("span") or (0, 0)
            spans.append((start, end, f"item-{m}-{i}"))
    spans.sort()
    segments, cursor = [], 0
    for n, (start, end, anchor) in enumerate(spans):
        following = [s for s, _e, _a in spans[n + 1 :] if s > start]
        a, b = max(start, cursor), min(end, len(text), *following[:1])
        if b <= a:
            continue
        if a > cursor:
            segments.append(Segment(text[cursor:a]))
        segments.append(Segment(text[a:b], anchor))
        cursor = b
    if cursor < len(text):
        segments.append(Segment(text[cursor:]))
    return segments
