"""KPI pages: the catalogue, a definition, a scope, and a KPI of a scope (actual vs target)."""

import hashlib

from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from livinglab.core.access import get_for_user
from livinglab.kpis.models import Definition, Scope, ScopeParent, YearTotal
from livinglab.kpis.services import catalogue, progress, rollup


def _definition(identifier: str) -> Definition:
    try:
        return catalogue.get_definition(identifier)
    except catalogue.UnknownDefinition:
        raise Http404(identifier) from None


def catalogue_list(request):
    definitions = catalogue.latest(Definition.objects.all())
    groups: dict[str, list[Definition]] = {}
    for each in definitions:
        groups.setdefault(each.get_category_display(), []).append(each)
    top = (
        Scope.objects.visible_to(request.user)
        .filter(parent_links__isnull=True)
        .order_by("kind", "code")[:50]
    )
    return render(request, "kpis/catalogue.html", {"groups": groups, "top_scopes": top})


def definition_detail(request, identifier: str):
    definition = _definition(identifier)
    versions = Definition.objects.filter(slug=definition.slug).order_by("-version")
    scope_ids = YearTotal.objects.filter(definition=definition).values("scope_id").distinct()[:200]
    measured = Q(pk__in=scope_ids, kind__in=["nation", "region", "city", "trial", "site"])
    targeted = Q(pk__in=Scope.objects.filter(targets__definition=definition).values("pk"))
    return render(
        request,
        "kpis/definition.html",
        {
            "definition": definition,
            "versions": versions,
            "scopes": Scope.objects.visible_to(request.user)
            .filter(measured | targeted)
            .order_by("kind", "code"),
        },
    )


def scope_detail(request, pk: int):
    scope = get_for_user(Scope.objects.select_related("owner", "body", "site"), request.user, pk)
    seen = Scope.objects.visible_to(request.user)
    children = seen.filter(parent_links__parent=scope).order_by("kind", "code")
    parents = seen.filter(child_links__child=scope)
    measured = YearTotal.objects.filter(scope=scope).values(
        "definition_id"
    ) | YearTotal.objects.filter(definition__targets__scope=scope).values("definition_id")
    definitions = Definition.objects.filter(pk__in=measured.distinct()[:100])
    return render(
        request,
        "kpis/scope.html",
        {
            "scope": scope,
            "parents": parents,
            "children": children[:200],
            "child_count": children.count(),
            "definitions": definitions,
        },
    )


def kpi_page(request, identifier: str, pk: int):
    definition = _definition(identifier)
    scope = get_for_user(Scope.objects.select_related("body"), request.user, pk)
    state = progress.progress(definition, scope)
    latest = state.latest()
    breakdown = []
    if latest is not None:
        # Trials under the scope are listed only where they measure this KPI.
        silent_trials = Q(kind=Scope.Kind.TRIAL) & ~Q(
            pk__in=YearTotal.objects.filter(definition=definition, year=latest.year).values(
                "scope_id"
            )
        )
        children = list(
            Scope.objects.visible_to(request.user)
            .filter(pk__in=ScopeParent.objects.filter(parent=scope).values("child_id"))
            .exclude(silent_trials)
            .order_by("code")[:60]
        )
        figures = rollup.roll_up_many(definition, [c.pk for c in children], [latest.year])
        breakdown = [(child, figures[(child.pk, latest.year)]) for child in children]
    version = hashlib.sha256(
        repr([(y.year, y.value, y.target, y.projected) for y in state.years]).encode()
    ).hexdigest()[:12]
    return render(
        request,
        "kpis/kpi.html",
        {
            "definition": definition,
            "scope": scope,
            "progress": state,
            "latest": latest,
            "breakdown": breakdown,
            "chart_version": version,
            "this_year": timezone.localdate().year,
        },
    )
