"""Pages of the case registry: the list, a case, an agency's open cases, the review queue."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from livinglab.core import lists
from livinglab.core.access import allows, get_for_user
from livinglab.orgs.models import Organisation
from livinglab.orgs.roles import roles_of
from livinglab.tracking import timeline
from livinglab.tracking.forms import RegistryForm, SplitForm
from livinglab.tracking.import_forms import agency_options
from livinglab.tracking.manage_forms import (
    AgenciesForm,
    CaseDeadlineForm,
    StateForm,
    datalist,
    merge_candidates,
)
from livinglab.tracking.models import Case, CaseLink
from livinglab.tracking.registry import CappedPaginator, filter_cases, registry_rows, rows
from livinglab.tracking.services import lifecycle

PAGE_SIZE = 50

# The registry's columns; those with fields can be sorted by their header.
COLUMNS = (
    lists.Column("number", gettext_lazy("No."), ("pk",), width=8, css="num"),
    lists.Column("case", gettext_lazy("Case"), ("title",), width=40),
    lists.Column("state", gettext_lazy("State"), ("state", "closure"), width=14),
    lists.Column("agencies", gettext_lazy("Responsible agencies"), width=30),
    lists.Column("body", pgettext_lazy("meeting series", "Body"), ("body__name",), width=24),
    lists.Column("last", gettext_lazy("Last decided"), ("last_decided_on",), width=16),
)


def _registry(request):
    """The registry's form, filter, cases (filtered) and order, from the query string."""
    form = RegistryForm(request.GET or None, request.user)
    wanted = form.registry_filter()
    cases = filter_cases(Case.objects.visible_to(request.user), wanted)
    return form, wanted, cases, lists.Sorting(COLUMNS, request.GET)


def case_list(request):
    form, wanted, cases, sorting = _registry(request)
    context = _listed(request, cases, sorting, "tracking:list_file")
    context["filtered"] = not wanted.is_empty
    if request.headers.get("HX-Request"):
        return render(request, "tracking/_rows.html", context)
    context["form"] = form
    context["options"] = {
        name: _options(form[name]) for name in ("body", "state", "agency", "city")
    }
    return render(request, "tracking/list.html", context)


def case_list_file(request, fmt: str):
    """The filtered registry, in its order, as a spreadsheet (up to `lists.EXPORT_CAP`)."""

    def cases():
        _form, _wanted, cases, sorting = _registry(request)
        return sorting.apply(registry_rows(cases))

    return lists.list_file(
        fmt,
        cases,
        lambda row: [
            row["pk"],
            row["title"] + (f"（{row['aliases']}）" if row["aliases"] else ""),
            row["state_label"] + (f" · {_('overdue')}" if row["overdue"] else ""),
            row["agencies"],
            row["body"],
            row["last_decided"],
        ],
        title=_("Case registry"),
        columns=COLUMNS,
        fallback="cases",
        cut=gettext_lazy("the first %(count)s cases only"),
        shown=rows,  # the registry's rows from its values, a few queries for them all
    )


def _listed(request, cases, sorting: lists.Sorting, files: str = "") -> dict:
    """A list page's keys for a page of registry rows; the count stops at
    `registry.COUNT_CAP`."""
    return lists.list_context(
        request,
        sorting.apply(registry_rows(cases)),
        sorting,
        files,
        per_page=PAGE_SIZE,
        paginator=partial(CappedPaginator, counted=cases),
        shown=lambda page: rows(page.object_list),
    )


def _options(field) -> str:
    """A select's options, written directly (the widget renders a template per option)."""
    value = field.value()
    chosen = "" if value is None else str(value)
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((v, " selected" if str(v) == chosen else "", label) for v, label in field.field.choices),
    )


def case_detail(request, pk: int):
    case = get_for_user(
        Case.objects.select_related("body", "merged_into", "created_in"), request.user, pk
    )
    agencies = case.case_agencies.select_related("organisation").order_by("role", "pk")
    can_manage = allows(request.user, "merge", case)
    context = {
        "case": case,
        "lineage": timeline.lineage(case),
        "agencies": agencies,
        "entries": timeline.entries(case),
        "can_manage": can_manage,
        "names_people": roles_of(request.user).works_for_the_city,
        "merge_candidates": datalist(merge_candidates(case, request.user)) if can_manage else [],
        **(_set_by_hand_forms(case, request.user) if can_manage else {}),
        "today": None,
    }
    return render(request, "tracking/case.html", context)


def _set_by_hand_forms(case, user) -> dict:
    """The secretariat's forms on the case page: state, agencies, deadline."""
    return {
        "state_form": StateForm(case=case, user=user),
        "agencies_form": AgenciesForm(case=case),
        "deadline_form": CaseDeadlineForm(case=case),
        "agency_options": agency_options(),
    }


def agency_cases(request, pk: int):
    agency = get_for_user(Organisation.objects.select_related("city"), request.user, pk)
    cases = Case.objects.visible_to(request.user).open().for_agency(agency)
    context = _listed(request, cases, lists.Sorting(COLUMNS, request.GET))
    context["agency"] = agency
    return render(request, "tracking/agency.html", context)


@login_required
def review_queue(request):
    if not roles_of(request.user).is_secretariat:
        raise PermissionDenied
    links = timeline.review_queue(CaseLink.objects.visible_to(request.user))
    page = Paginator(links, PAGE_SIZE).get_page(request.GET.get("page"))
    for link in page:
        link.suggestion = timeline.suggestion(link)
    return render(request, "tracking/review.html", {"page": page, "split_form": SplitForm()})


@login_required
@require_POST
def review_answer(request, pk: int):
    link = get_for_user(CaseLink.objects.review_queue(), request.user, pk, "review")
    if request.POST.get("answer") == "move":
        form = SplitForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give a case number or a new name."))
            return redirect("tracking:review")
        into = form.cleaned_data["into"]
        target = get_for_user(Case.objects, request.user, into, "split") if into else None
        lifecycle.review_link(request.user, link, accept=False)
        case = lifecycle.split_link(
            request.user, link, into=target, title=form.cleaned_data["title"]
        )
        messages.success(request, _("The decision was moved to “%(case)s”.") % {"case": case})
    else:
        accept = request.POST.get("answer") == "accept"
        lifecycle.review_link(request.user, link, accept=accept)
        if accept:
            messages.success(request, _("Joined to the suggested case."))
        else:
            messages.success(request, _("Kept as a case of its own."))
    return redirect("tracking:review")
