"""Compute-credit pages: programmes and their dashboards (public totals), a team's
statement (its own proposers and the secretariat), the secretariat's allocation run and
usage-statement import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from livinglab.core import lists
from livinglab.core.access import allows, get_for_user, require
from livinglab.credits import (
    allocation,
    applications,
    dashboard,
    exports,
    programmes,
    statements,
    team_statement,
)
from livinglab.credits.forms import (
    ApplicationForm,
    PriorityDomainFormSet,
    ProgrammeForm,
    RateFormSet,
    StatementForm,
    kept,
)
from livinglab.credits.models import Account, Application, LedgerEntry, Programme, Statement


def programme_list(request):
    rows = [(p, dashboard.build(p)) for p in Programme.objects.order_by("-starts_on", "name")]
    context = {"rows": rows, "may_create": programmes.may_create_programme(request.user)}
    return render(request, "credits/list.html", context)


@login_required
def programme_create(request):
    if not programmes.may_create_programme(request.user):
        raise PermissionDenied
    return _programme_form(request, None)


@login_required
def programme_edit(request, pk: int):
    programme = get_object_or_404(Programme.objects.select_related("body"), pk=pk)
    require(request.user, "manage", programme)
    return _programme_form(request, programme)


def _programme_form(request, programme: Programme | None):
    data = request.POST if request.method == "POST" else None
    form = ProgrammeForm(data, instance=programme, bodies=programmes.bodies_run_by(request.user))
    domains = PriorityDomainFormSet(data, prefix="domains", initial=_domain_rows(programme))
    rates = RateFormSet(data, prefix="rates", initial=_rate_rows(programme))
    if data is not None and form.is_valid() and domains.is_valid() and rates.is_valid():
        try:
            saved = _save_programme(request.user, programme, form, domains, rates)
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("The programme was saved."))
            return redirect("credits:programme", pk=saved.pk)
    context = {"programme": programme, "form": form, "domains": domains, "rates": rates}
    return render(
        request, "credits/programme_form.html", context, status=200 if data is None else 400
    )


def _save_programme(user, programme, form, domains, rates) -> Programme:
    chosen = [(row["domain"], row["weight"]) for row in kept(domains)]
    offered = [
        programmes.Rate(row["provider"], row["gpu_class"], row["credits_per_hour"])
        for row in kept(rates)
    ]
    if programme is None:
        return programmes.create_programme(user, domains=chosen, rates=offered, **form.terms())
    return programmes.change_programme(
        user, programme, domains=chosen, rates=offered, **form.terms()
    )


def _domain_rows(programme: Programme | None) -> list[dict]:
    if programme is None:
        return []
    rows = programme.priority_domains.select_related("domain").order_by("domain__order")
    return [{"domain": row.domain, "weight": row.weight} for row in rows]


def _rate_rows(programme: Programme | None) -> list[dict]:
    if programme is None:
        return []
    return list(
        programme.rates.order_by("provider", "gpu_class").values(
            "provider", "gpu_class", "credits_per_hour"
        )
    )


@login_required
def apply(request, pk: int):
    programme = get_object_or_404(Programme, pk=pk)
    if not applications.may_apply(request.user, programme):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = ApplicationForm(
        data, proposals=applications.proposals_to_apply_with(request.user, programme)
    )
    if data is not None and form.is_valid():
        try:
            applications.apply(
                request.user,
                programme,
                form.cleaned_data["proposal"],
                form.cleaned_data["requested"],
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("Your application was filed."))
            return redirect("credits:applications", pk=programme.pk)
    context = {"programme": programme, "form": form}
    return render(request, "credits/apply.html", context, status=200 if data is None else 400)


@login_required
def application_list(request, pk: int):
    programme = get_object_or_404(Programme, pk=pk)
    rows = (
        Application.objects.visible_to(request.user)
        .filter(programme=programme)
        .select_related("proposal__organisation", "proposal__domain", "programme")
        .order_by("status", "created_at", "pk")
    )
    context = {
        "programme": programme,
        "applications": rows,
        "runs": allows(request.user, "manage", programme),
        "may_apply": applications.may_apply(request.user, programme),
    }
    return render(request, "credits/applications.html", context)


@login_required
@require_POST
def application_decide(request, pk: int):
    application = get_for_user(
        Application.objects.select_related("programme", "proposal"), request.user, pk
    )
    action = request.POST.get("action")
    if action not in {"accept", "withdraw"}:
        return HttpResponse(status=400)
    if action == "accept":
        applications.accept(request.user, application)
        messages.success(request, _("The application was accepted."))
    else:
        applications.withdraw(request.user, application)
        messages.success(request, _("The application was withdrawn."))
    return redirect("credits:applications", pk=application.programme_id)


def programme_detail(request, pk: int):
    programme = get_object_or_404(Programme, pk=pk)
    board = dashboard.build(programme)
    runs = allows(request.user, "manage", programme)
    mine = Account.objects.visible_to(request.user).filter(programme=programme, kind="team")
    context = {
        "programme": programme,
        "board": board,
        "runs": runs,
        "may_apply": applications.may_apply(request.user, programme),
        "my_accounts": [] if runs else list(mine.select_related("organisation")),
        "teams": dashboard.teams_page(programme, request.GET.get("page")) if runs else None,
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
    try:
        page = team_statement.page(
            account, before=_entry_id(request, "before"), after=_entry_id(request, "after")
        )
    except LedgerEntry.DoesNotExist:
        raise Http404 from None
    context = {"account": account, "page": page, "formats": exports.FORMATS}
    return render(request, "credits/statement.html", context)


def _entry_id(request, name: str) -> int | None:
    value = request.GET.get(name)
    if value is None:
        return None
    if not value.isdigit() or len(value) > 18:
        raise Http404
    return int(value)


@login_required
def account_export(request, pk: int, fmt: str):
    account = get_for_user(
        Account.objects.select_related("programme", "organisation"), request.user, pk
    )
    if fmt not in exports.FORMATS:
        return HttpResponse(status=404)
    name = lists.file_name(exports.title(account), timezone.localdate())
    return lists.download(exports.statement(account, fmt), fmt, name, f"credits-{account.pk}")


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
