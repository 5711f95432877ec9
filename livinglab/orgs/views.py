from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livinglab.core import lists
from livinglab.core.access import get_for_user
from livinglab.orgs.models import Organisation

PAGE_SIZE = 50

# The directory's columns, each sortable by its header.
COLUMNS = (
    lists.Column("name", gettext_lazy("Official name"), ("name",), width=36),
    lists.Column("short", gettext_lazy("Short name"), ("short_name",), width=18),
    lists.Column("kind", gettext_lazy("Kind"), ("kind", "name"), width=14),
    lists.Column("city", gettext_lazy("City"), ("city__short_name", "name"), width=12),
)


def _directory(request):
    """The organisations the query string asks for, in the order it asks for."""
    query = request.GET.get("q", "")[:100]
    kind = request.GET.get("kind", "")
    orgs = Organisation.objects.visible_to(request.user).search(query).select_related("city")
    if kind in Organisation.Kind.values:
        orgs = orgs.filter(kind=kind)
    sorting = lists.Sorting(COLUMNS, request.GET)
    ordered = sorting.apply(orgs) if sorting.column else orgs.order_by("kind", "name", "pk")
    return query, kind, ordered, sorting


def organisation_list(request):
    q, kind, orgs, sorting = _directory(request)
    context = {
        **lists.list_context(request, orgs, sorting, "orgs:list_file", per_page=PAGE_SIZE),
        "q": q,  # the search box's text; `query` is the list's filters and order for its links
        "kind": kind,
        "kinds": Organisation.Kind.choices,
    }
    template = "orgs/_rows.html" if request.headers.get("HX-Request") else "orgs/list.html"
    return render(request, template, context)


def organisation_list_file(request, fmt: str):
    """The directory as filtered and sorted, as a spreadsheet."""
    return lists.list_file(
        fmt,
        lambda: _directory(request)[2],
        lambda org: [
            org.name,
            org.short_name,
            org.get_kind_display(),
            org.city.short_name if org.city else "",
        ],
        title=_("Organisations"),
        columns=COLUMNS,
        fallback="organisations",
    )


def organisation_detail(request, pk: int):
    org = get_for_user(Organisation.objects.select_related("city", "parent"), request.user, pk)
    children = org.children.order_by("name")
    return render(
        request,
        "orgs/detail.html",
        {"org": org, "aliases": org.aliases.all(), "children": children},
    )
