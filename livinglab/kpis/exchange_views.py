"""Importing another city's KPIs: upload, review what it changes, apply; settle conflicts."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from livinglab.core.access import get_for_user, require
from livinglab.kpis.models import Conflict, ExchangeImport, Scope
from livinglab.kpis.services import exchange


class ExchangeUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Exchange file (JSON or CSV)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.csv"}),
    )


@login_required
def imports(request):
    require(request.user, "stage", ExchangeImport())
    form, errors = ExchangeUploadForm(), []
    if request.method == "POST":
        form = ExchangeUploadForm(request.POST, request.FILES)
        if form.is_valid():
            file = form.cleaned_data["file"]
            try:
                staged = exchange.stage_import(request.user, file.name, file.read())
            except (exchange.ExchangeRejected, UnicodeDecodeError) as exc:
                errors = [f"{file.name}: {exc}"]
            else:
                return redirect(staged)
    context = {
        "form": form,
        "errors": errors,
        "imports": ExchangeImport.objects.visible_to(request.user)[:50],
        "held": Conflict.objects.held().count(),
    }
    return render(request, "kpis/imports.html", context, status=400 if errors else 200)


@login_required
def import_detail(request, pk: int):
    staged = get_for_user(ExchangeImport.objects, request.user, pk, "apply")
    if request.method == "POST":
        plan = exchange.apply_import(request.user, staged)
        if plan.errors:
            messages.error(request, _("Nothing was imported: some values cannot be read."))
        else:
            messages.success(
                request,
                _("%(new)s values added, %(same)s unchanged, %(held)s held for review.")
                % {
                    "new": plan.values_new,
                    "same": plan.values_unchanged,
                    "held": len(plan.conflicts),
                },
            )
        return redirect(staged)
    conflicts = staged.conflicts.select_related("value__definition", "value__scope")
    return render(
        request,
        "kpis/import.html",
        {"staged": staged, "summary": staged.summary, "conflicts": conflicts},
    )


@login_required
@require_POST
def settle_conflict(request, pk: int):
    conflict = get_object_or_404(Conflict.objects.select_related("exchange"), pk=pk)
    get_for_user(ExchangeImport.objects, request.user, conflict.exchange_id, "apply")
    exchange.resolve_conflict(
        request.user, conflict, take_incoming=request.POST.get("choice") == "incoming"
    )
    return redirect(conflict.exchange)


def export_file(request, pk: int, fmt: str):
    scope = get_for_user(Scope.objects, request.user, pk)
    if fmt == "csv":
        response = HttpResponse(exchange.export_csv(scope), content_type="text/csv; charset=utf-8")
    else:
        import json

        text = json.dumps(exchange.export(scope), ensure_ascii=False, indent=1)
        response = HttpResponse(text, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="kpis-{scope.code}.{fmt}"'
    return response
