"""The secretary's import pages: upload records into a body, correct and confirm a draft.

Views parse the forms, authorize through `get_for_user` and call the importing
services; the services check the permission again and own the transaction.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from livinglab.core.access import get_for_user
from livinglab.meetings.models import Body, Meeting, MinutesDocument
from livinglab.tracking.import_forms import DraftForm, UploadForm
from livinglab.tracking.services.identity import AUTO_LINK
from livinglab.tracking.services.importing import ImportFailed, confirm_import, import_minutes
from livinglab.tracking.services.importing import update_draft as save_draft

Status = MinutesDocument.Status


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, body_pk: int):
    body = get_for_user(Body.objects, request.user, body_pk, "import")
    form = UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                drafts = import_minutes(request.user, body, form.cleaned_data["files"])
            except ImportFailed as exc:
                form.add_error("files", str(exc))
            else:
                if len(drafts) == 1:
                    return redirect("imports:draft", drafts[0].pk)
                messages.success(request, _("%(count)s records read.") % {"count": len(drafts)})
                return redirect("imports:upload", body.pk)
    documents = MinutesDocument.objects.filter(body=body).select_related("uploaded_by")
    context = {
        "body": body,
        "form": form,
        "documents": documents.defer("text", "proposal")[:100],
        "max_bytes": settings.LIVINGLAB_UPLOAD_MAX_BYTES,
    }
    return render(request, "imports/upload.html", context, status=400 if form.errors else 200)


def _get_draft(request, pk: int) -> MinutesDocument:
    queryset = MinutesDocument.objects.select_related("body")
    return get_for_user(queryset, request.user, pk, "confirm")


@login_required
@require_http_methods(["GET", "POST"])
def draft(request, pk: int):
    document = _get_draft(request, pk)
    if document.status != Status.DRAFT:
        if request.method == "POST" and request.POST.get("action") == "confirm":
            return _confirmed(request, confirm_import(request.user, document))
        return render(request, "imports/draft.html", _context(document))
    form = DraftForm(document, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            if request.POST.get("action") == "confirm":
                return _confirmed(request, confirm_import(request.user, document, form.choices()))
            save_draft(request.user, document, form.choices())
            messages.success(request, _("Draft saved."))
            return redirect("imports:draft", document.pk)
        messages.error(request, _("Please correct the fields marked below."))
    context = _context(document, form)
    return render(
        request, "imports/draft.html", context, status=400 if request.method == "POST" else 200
    )


def _context(document: MinutesDocument, form: DraftForm | None = None) -> dict:
    context = {"document": document, "body": document.body, "auto_link": AUTO_LINK * 100}
    if document.status in (Status.DRAFT, Status.CONFIRMED):
        context["segments"] = source_segments(document.text, document.proposal)
    if form is not None:
        context["draft_form"] = form
        context["case_options"] = form.cases.options()
    if document.status == Status.CONFIRMED:
        context["meeting"] = meeting_of(document)
    return context


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
    saved = form.is_valid()
    if saved:
        save_draft(request.user, document, form.choices())
    if not _is_htmx(request):
        if saved:
            messages.success(request, _("Draft saved."))
        return redirect(reverse("imports:draft", args=[document.pk]) + f"#{rows[0].anchor}")
    context = {
        "document": document,
        "item": DraftForm(document, only=(m, i)).meetings[m]["items"][0] if saved else rows[0],
        "saved": saved,
        "auto_link": AUTO_LINK * 100,
    }
    return render(request, "imports/_item.html", context)


@login_required
def progress(request, pk: int):
    """The reading progress of a large record, polled by the draft page."""
    document = _get_draft(request, pk)
    if document.status == Status.READING and _is_htmx(request):
        return render(request, "imports/_progress.html", {"document": document})
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
