from django.core.paginator import Paginator
from django.shortcuts import render

from livinglab.core.access import get_for_user
from livinglab.orgs.models import Organisation


def organisation_list(request):
    query = request.GET.get("q", "")[:100]
    kind = request.GET.get("kind", "")
    orgs = Organisation.objects.visible_to(request.user).search(query).select_related("city")
    if kind in Organisation.Kind.values:
        orgs = orgs.filter(kind=kind)
    page = Paginator(orgs.order_by("kind", "name"), 50).get_page(request.GET.get("page"))
    context = {"page": page, "query": query, "kind": kind, "kinds": Organisation.Kind.choices}
    template = "orgs/_rows.html" if request.headers.get("HX-Request") else "orgs/list.html"
    return render(request, template, context)


def organisation_detail(request, pk: int):
    org = get_for_user(Organisation.objects.select_related("city", "parent"), request.user, pk)
    children = org.children.order_by("name")
    return render(
        request,
        "orgs/detail.html",
        {"org": org, "aliases": org.aliases.all(), "children": children},
    )
