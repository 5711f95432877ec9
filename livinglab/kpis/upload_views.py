"""Uploading values from CSV: check every row, preview, apply all or nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from livinglab.core.access import get_for_user
from livinglab.kpis.forms import ValuesUploadForm
from livinglab.kpis.models import Scope, ValueUpload
from livinglab.kpis.services import upload as service


@login_required
def upload(request):
    form = ValuesUploadForm()
    context = {"form": form, "errors": [], "rows": None, "pending": None}
    status = 200
    if request.method == "POST":
        form = ValuesUploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            file = form.cleaned_data["file"]
            try:
                pending, rows = service.upload_values(request.user, file.name, file.read())
            except service.UploadRejected as exc:
                context["errors"], status = [str(exc)], 400
            else:
                if pending is not None:
                    return redirect("kpis:upload_preview", pk=pending.pk)
                context["rows"], context["filename"], status = rows, file.name, 400
                context["rejected"] = sum(1 for row in rows if row.is_rejected)
    context["owned"] = Scope.objects.owned_by(request.user).order_by("kind", "code")[:30]
    return render(request, "kpis/upload.html", context, status=status)


@login_required
def upload_preview(request, pk: int):
    pending = get_for_user(ValueUpload.objects, request.user, pk, "apply")
    if request.method == "POST":
        try:
            rows = service.apply_upload(request.user, pending)
        except service.UploadRejected as exc:
            messages.error(request, str(exc))
            return redirect("kpis:upload")
        messages.success(
            request,
            _("%(count)s values saved from %(file)s.")
            % {"count": sum(1 for r in rows if r.change != "unchanged"), "file": pending.filename},
        )
        return redirect("kpis:upload")
    rows = service.check_rows(request.user, service.rows_of(pending))
    return render(
        request,
        "kpis/upload_preview.html",
        {"pending": pending, "rows": rows, "rejected": sum(1 for r in rows if r.is_rejected)},
    )
