"""Public pages of needs and calls, and the pages where agencies and the secretariat
write them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from livinglab.core import lists
from livinglab.core.access import allows, get_for_user
from livinglab.needs import services
from livinglab.needs.forms import CallForm, FactorFormSet, GateFormSet, NeedFilterForm, NeedForm
from livinglab.needs.models import Call, Domain, Need
from livinglab.orgs.roles import roles_of
from livinglab.proposals import suggestions

PAGE_SIZE = 30


def _need_rows(needs):
    return needs.select_related("domain", "agency").prefetch_related(
        Prefetch("tags", queryset=Domain.objects.order_by("order"))
    )


# The columns of the needs list as a file; the page shows cards, sorted by the same keys.
COLUMNS = (
    lists.Column("title", gettext_lazy("Title"), ("title",), width=40),
    lists.Column("agency", gettext_lazy("Agency"), ("agency__name",), width=24),
    lists.Column("domain", gettext_lazy("Domain"), ("domain__order",), width=16),
    lists.Column("tags", gettext_lazy("Tags"), width=24),
    lists.Column("status", gettext_lazy("Status"), ("status",), width=12),
    lists.Column("published", gettext_lazy("Published"), ("published_at",), width=12),
)
DEFAULT_ORDER = ("-published_at", "-pk")


def _filtered_needs(request):
    form = NeedFilterForm(request.GET or None)
    needs = Need.objects.visible_to(request.user)
    wanted = form.cleaned_data if form.is_valid() else {}
    needs = (
        needs.in_domain(wanted.get("domain", ""))
        .tagged(wanted.get("tag", ""))
        .search(wanted.get("q", ""))
    )
    status = wanted.get("status", "")
    if status != "all":
        needs = needs.filter(status=status or Need.Status.PUBLISHED)
    sorting = lists.Sorting(COLUMNS, request.GET)
    return form, wanted, needs.order_by(*sorting.ordering(*DEFAULT_ORDER, model=Need)), sorting


def need_list_file(request, fmt: str):
    """The needs as filtered on the list page, as a spreadsheet."""
    return lists.list_file(
        fmt,
        lambda: _need_rows(_filtered_needs(request)[2]),
        lambda need: [
            need.title,
            need.agency.name if need.agency_id else "",
            str(need.domain) if need.domain_id else "",
            "、".join(str(tag) for tag in need.tags.all()),
            need.get_status_display(),
            timezone.localdate(need.published_at).isoformat() if need.published_at else "",
        ],
        title=_("Needs"),
        columns=COLUMNS,
        fallback="needs",
    )


def need_list(request):
    form, wanted, needs, sorting = _filtered_needs(request)
    context = {
        **lists.list_context(
            request, _need_rows(needs), sorting, "needs:list_file", per_page=PAGE_SIZE
        ),
        "form": form,
        "filtered": any(wanted.values()),
        "can_write": may_write_needs(request.user),
    }
    return render(request, "needs/need_list.html", context)


def need_detail(request, pk: int):
    need = get_for_user(_need_rows(Need.objects.all()), request.user, pk)
    calls = Call.objects.visible_to(request.user).filter(needs=need).select_related("body")
    context = {
        "need": need,
        "calls": calls,
        "can_change": allows(request.user, "change", need),
        "moves": need_moves(need),
        "may_propose": bool(roles_of(request.user).proposer_org_ids),
        "suggested_proposals": suggestions.proposals_for(request.user, need),
    }
    return render(request, "needs/need_detail.html", context)


def call_list(request):
    calls = Call.objects.visible_to(request.user).select_related("body")
    now = timezone.now()
    context = {
        "can_create": roles_of(request.user).is_secretariat,
        "sections": [
            (_("Open now"), [c for c in calls if c.status_at(now) == Call.Status.OPEN]),
            (_("Coming"), [c for c in calls if c.status_at(now) == Call.Status.UPCOMING]),
            (_("Closed"), [c for c in calls if c.status_at(now) == Call.Status.CLOSED]),
        ],
    }
    return render(request, "needs/call_list.html", context)


def call_detail(request, pk: int):
    call = get_for_user(Call.objects.select_related("body"), request.user, pk)
    needs = _need_rows(Need.objects.visible_to(request.user).filter(calls=call))
    context = {
        "call": call,
        "needs": needs,
        "gates": call.gates.all(),
        "factors": call.factors.all(),
        "can_change": allows(request.user, "change", call),
    }
    return render(request, "needs/call_detail.html", context)


# --- Writing needs (agency officers, the secretariat) ---------------------------------

MOVE_LABELS = {
    Need.Status.PUBLISHED: gettext_lazy("Publish"),
    Need.Status.DRAFT: gettext_lazy("Take back to draft"),
    Need.Status.MATCHED: gettext_lazy("Mark as matched"),
    Need.Status.CLOSED: gettext_lazy("Close"),
}


def may_write_needs(user) -> bool:
    roles = roles_of(user)
    return roles.is_secretariat or bool(roles.officer_org_ids)


def need_moves(need: Need) -> list[tuple[str, str]]:
    return [(s.value, MOVE_LABELS[s]) for s in Need.Status if s in services.NEED_MOVES[need.status]]


@login_required
def need_create(request):
    if not may_write_needs(request.user):
        raise PermissionDenied
    form = NeedForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            need = services.create_need(request.user, data, tags=data["tags"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Need saved as a draft. Publish it when it is ready."))
            return redirect(need)
    return render(request, "needs/need_form.html", {"form": form})


@login_required
def need_edit(request, pk: int):
    need = get_for_user(Need.objects.all(), request.user, pk, "change")
    form = NeedForm(request.POST or None, instance=need, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_need(request.user, need, data, tags=data["tags"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Need saved."))
            return redirect(need)
    return render(request, "needs/need_form.html", {"form": form, "need": need})


@login_required
@require_POST
def need_status(request, pk: int):
    need = get_for_user(Need.objects.all(), request.user, pk, "change")
    status = request.POST.get("status", "")
    if status not in Need.Status.values:
        raise Http404
    try:
        services.set_need_status(request.user, need, status)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("The need is now %(status)s.") % {"status": need.get_status_display()}
        )
    return redirect(need)


# --- Running calls (the secretariat) ---------------------------------------------------


@login_required
def call_create(request):
    if not roles_of(request.user).is_secretariat:
        raise PermissionDenied
    form = CallForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            call = services.create_call(
                request.user, data, needs=data["needs"], reviewers=data["reviewers"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Call saved with the city's default rubric."))
            return redirect("needs:rubric", call.pk)
    return render(request, "needs/call_form.html", {"form": form})


@login_required
def call_edit(request, pk: int):
    call = get_for_user(Call.objects.all(), request.user, pk, "change")
    form = CallForm(request.POST or None, instance=call, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_call(
                request.user, call, data, needs=data["needs"], reviewers=data["reviewers"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Call saved."))
            return redirect(call)
    return render(request, "needs/call_form.html", {"form": form, "call": call})


@login_required
def call_rubric(request, pk: int):
    call = get_for_user(Call.objects.all(), request.user, pk, "rubric")
    gate_initial = [{"pk": g.pk, "question": g.question} for g in call.gates.all()]
    factor_initial = [
        {
            "pk": f.pk,
            "name": f.name,
            "guidance": f.guidance,
            "scale_min": f.scale_min,
            "scale_max": f.scale_max,
            "weight": f.weight,
        }
        for f in call.factors.all()
    ]
    data = request.POST if request.method == "POST" else None
    gates = GateFormSet(data, initial=gate_initial, prefix="gates")
    factors = FactorFormSet(data, initial=factor_initial, prefix="factors")
    if data is not None and gates.is_valid() and factors.is_valid():
        try:
            services.set_rubric(
                request.user,
                call,
                [services.GateRow(**row) for row in _kept(gates)],
                [services.FactorRow(**row) for row in _kept(factors)],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Rubric saved."))
            return redirect(call)
    context = {"call": call, "gates": gates, "factors": factors}
    return render(request, "needs/call_rubric.html", context)


def _kept(formset) -> list[dict]:
    """The rows of a formset that are filled in and not marked for deletion."""
    rows = []
    for form in formset.forms:
        if not form.has_changed() and not form.initial:
            continue
        data = dict(form.cleaned_data)
        if not data or data.pop("DELETE", False):
            continue
        rows.append(data)
    return rows
