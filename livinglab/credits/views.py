"""Compute-credit pages: programmes and their dashboards (public totals), a team's
statement (its own proposers and the secretariat), the secretariat's allocation run and
usage-statement import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from livinglab.core.access import allows, get_for_user, require
from livinglab.credits import allocation, dashboard, exports, statements
from livinglab.credits.forms import StatementForm
from livinglab.credits.models import Account, Programme, Statement


def programme_list(request):
    programmes = Programme.objects.order_by("-starts_on", "name")
    rows = [(p, dashboard.build(p)) for p in programmes]
    return render(request, "credits/list.html", {"rows": rows})


def programme_detail(request, pk: int):
    programme = get_object_or_404(Programme, pk=pk)
    board = dashboard.build(programme)
    runs = allows(request.user, "manage", programme)
    mine = Account.objects.visible_to(request.user).filter(programme=programme, kind="team")
    context = {
        "programme": programme,
        "board": board,
        "runs": runs,
        "my_accounts": [] if runs else list(mine.select_related("organisation")),
        "priority_domains": programme.priority_domains.select_related("domain"),
        "rates": programme.rates.all(),
        "formats": exports.FORMATS,
    }
    return render(request, "credits/programme.html", context)


def burn_chart(request, pk: int):
    programme = get_object_or_404(Programme, pk=pk)
    board = dashboard.build(programme)
    svg = dashboard.render_burn(programme, board.total.granted)
    return HttpResponse(svg, content_type="image/svg+xml")


@login_required
def account_statement(request, pk: int):
    account = get_for_user(
        Account.objects.select_related("programme", "organisation"), request.user, pk
    )
    context = {"account": account, "rows": dashboard.statement(account), "formats": exports.FORMATS}
    return render(request, "credits/statement.html", context)


@login_required
def account_export(request, pk: int, fmt: str):
    account = get_for_user(
        Account.objects.select_related("programme", "organisation"), request.user, pk
    )
    if fmt not in exports.FORMATS:
        return HttpResponse(status=404)
    data = exports.statement(account, fmt)
    response = HttpResponse(data, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="credits-{account.pk}.{fmt}"'
    return response


@login_required
def allocate(request, pk: int):
    programme = get_object_or_404(Programme, pk=pk)
    require(request.user, "allocate", programme)
    if request.method == "POST":
        try:
            allocation.commit(request.user, programme, request.POST.get("fingerprint", ""))
        except allocation.PlanChanged as changed:
            messages.error(request, str(changed))
            return redirect("credits:allocate", pk=programme.pk)
        messages.success(request, _("The allocation was booked."))
        return redirect("credits:programme", pk=programme.pk)
    plan = allocation.plan(programme)
    last = programme.allocation_runs.select_related("run_by").first()
    return render(
        request, "credits/allocate.html", {"programme": programme, "plan": plan, "last": last}
    )


@login_required
def upload_statement(request, pk: int):
    programme = get_object_or_404(Programme, pk=pk)
    require(request.user, "import_usage", programme)
    providers = sorted(set(programme.rates.values_list("provider", flat=True)))
    errors = []
    bound = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = StatementForm(*bound, providers=providers)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            statement = statements.upload(
                request.user, programme, form.cleaned_data["provider"], upload.name, upload.read()
            )
        except statements.StatementRejected as refused:
            errors = refused.errors
        else:
            return redirect("credits:statement", pk=statement.pk)
    status = 400 if errors or form.errors else 200
    context = {"programme": programme, "form": form, "errors": errors}
    return render(request, "credits/upload.html", context, status=status)


@login_required
def statement_preview(request, pk: int):
    statement = get_for_user(
        Statement.objects.select_related("programme"), request.user, pk, "view"
    )
    try:
        if request.method == "POST":
            booked = statements.apply(request.user, statement)
            messages.success(
                request, _("%(count)s lines booked as consumption.") % {"count": len(booked)}
            )
            return redirect("credits:programme", pk=statement.programme_id)
        lines = statements.preview(request.user, statement)
        errors = []
    except statements.StatementRejected as refused:
        lines, errors = [], refused.errors
    context = {"statement": statement, "lines": lines, "errors": errors}
    return render(request, "credits/statement_preview.html", context, status=400 if errors else 200)
