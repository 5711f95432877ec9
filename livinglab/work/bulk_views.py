"""Bulk update pages: download, upload, preview and apply (the body's secretariat only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.core.access import get_for_user, require
from livinglab.meetings.models import Body
from livinglab.work import bulk as service
from livinglab.work.forms import BulkUploadForm
from livinglab.work.models import BulkUpdate
from livinglab.work.spreadsheets import FORMATS, SpreadsheetRejected


def _body_for_bulk(request, pk: int) -> Body:
    body = get_for_user(Body.objects.all(), request.user, pk, "view")
    require(request.user, "create", BulkUpdate(body=body))
    return body


@login_required
def bulk_update(request, body_pk: int):
    body = _body_for_bulk(request, body_pk)
    form = BulkUploadForm()
    errors: list[str] = []
    if request.method == "POST":
        form = BulkUploadForm(request.POST, request.FILES)
        if form.is_valid():
            file = form.cleaned_data["file"]
            try:
                upload = service.upload(request.user, body, file.name, file.read())
            except SpreadsheetRejected as exc:
                errors = [str(exc)]
            except service.BulkRejected as exc:
                errors = exc.errors
            else:
                return redirect("work:bulk_preview", pk=upload.pk)
    context = {"body": body, "form": form, "errors": errors, "formats": list(FORMATS)}
    return render(request, "work/bulk_update.html", context, status=400 if errors else 200)


@login_required
def bulk_download(request, body_pk: int, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    body = _body_for_bulk(request, body_pk)
    data = service.download(request.user, body, fmt)
    response = HttpResponse(data, content_type=FORMATS[fmt])
    filename = f"progress-{body.pk}-{timezone.localdate():%Y%m%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def bulk_preview(request, pk: int):
    queryset = BulkUpdate.objects.select_related("body", "uploader")
    upload = get_for_user(queryset, request.user, pk, "view")
    if request.method == "POST":
        try:
            filed = service.apply(request.user, upload)
        except service.BulkRejected as exc:
            return render(
                request,
                "work/bulk_preview.html",
                {"upload": upload, "changes": [], "errors": exc.errors},
                status=400,
            )
        messages.success(
            request,
            _("%(count)s progress reports entered; they now wait for review.")
            % {"count": len(filed)},
        )
        return redirect("work:reviews")
    try:
        changes, errors = service.preview(request.user, upload), []
    except service.BulkRejected as exc:
        changes, errors = [], exc.errors
    context = {"upload": upload, "changes": changes, "errors": errors}
    return render(request, "work/bulk_preview.html", context)
