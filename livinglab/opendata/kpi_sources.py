"""Rows of the shared KPI catalogue's open datasets: published values and yearly roll-ups.

A scope followed by a non-public body is left out, with everything under it. Who
supplied or typed a value (`supplier`, `entered_by`) is never read.
"""

from collections.abc import Iterator

from django.db.models import Count, Max

from livinglab.kpis.models import (
    Definition,
    Scope,
    ScopeAncestor,
    ScopeParent,
    Target,
    Value,
    YearRollup,
    YearTotal,
    period_label,
)
from livinglab.kpis.services import rollup
from livinglab.opendata import sources
from livinglab.opendata.sources import PUBLIC, _chunks, _stamp


def published_scopes():
    """Scopes anyone may read, minus those under a scope of a non-public body."""
    hidden_bodies = sources.Body.objects.exclude(pk__in=sources._public_bodies().values("pk"))
    hidden = ScopeAncestor.objects.filter(ancestor__body__in=hidden_bodies).values("descendant_id")
    return Scope.objects.visible_to(PUBLIC).exclude(pk__in=hidden)


def _definitions() -> dict[int, Definition]:
    return {each.pk: each for each in Definition.objects.all()}


def _number(value) -> str | float:
    return "" if value is None else round(value, 6)


def kpi_values() -> Iterator[dict]:
    definitions = _definitions()
    public = Value.objects.filter(scope__in=published_scopes().values("pk"))
    fields = (
        "id",
        "definition_id",
        "scope__namespace",
        "scope__code",
        "scope__name_zh",
        "scope__kind",
        "period_start",
        "value",
        "source",
    )
    for rows in _chunks(public, fields):
        for row in rows:
            definition = definitions[row["definition_id"]]
            yield {
                "definition": definition.identifier,
                "kpi": definition.name_zh,
                "category": definition.category,
                "scope": f"{row['scope__namespace']}:{row['scope__code']}",
                "scope_name": row["scope__name_zh"],
                "scope_kind": row["scope__kind"],
                "period": period_label(definition.frequency, row["period_start"]),
                "period_start": row["period_start"].isoformat(),
                "value": _number(row["value"]),
                "unit": definition.unit,
                "source": row["source"],
            }


def kpi_values_stamp() -> tuple:
    values = Value.objects.aggregate(Count("id"), Max("id"), Max("entered_at"))
    scopes = Scope.objects.aggregate(Count("id"), Max("id"))
    return _stamp(*values.values(), *scopes.values(), *sources.bodies_stamp())


def keep_missing_rollups(definitions: dict[int, Definition]) -> None:
    """Compute the roll-ups a write dropped (the KPI pages do the same on first read), for
    every published scope above a scope with values."""
    published = published_scopes().values("pk")
    pairs = YearTotal.objects.values_list("definition_id", "year").distinct()
    for definition_id, year in pairs.order_by("definition_id", "year"):
        reporting = YearTotal.objects.filter(definition_id=definition_id, year=year)
        above = ScopeAncestor.objects.filter(
            descendant_id__in=reporting.values("scope_id"), ancestor_id__in=published
        ).values_list("ancestor_id", flat=True)
        kept = YearRollup.objects.filter(definition_id=definition_id, year=year)
        missing = set(above) - set(kept.values_list("scope_id", flat=True))
        for scope_id in sorted(missing):
            rollup.keep_year(definitions[definition_id], scope_id, year)


def kpi_rollups() -> Iterator[dict]:
    definitions = _definitions()
    keep_missing_rollups(definitions)
    public = YearRollup.objects.filter(scope__in=published_scopes().values("pk"), sources__gt=0)
    fields = (
        "id",
        "definition_id",
        "scope_id",
        "scope__namespace",
        "scope__code",
        "scope__name_zh",
        "scope__kind",
        "year",
        "value",
        "sources",
        "children_reporting",
        "children",
    )
    for rows in _chunks(public, fields):
        targets = {
            (t["definition_id"], t["scope_id"], t["year"]): t["value"]
            for t in Target.objects.filter(scope_id__in={row["scope_id"] for row in rows}).values(
                "definition_id", "scope_id", "year", "value"
            )
        }
        for row in rows:
            definition = definitions[row["definition_id"]]
            key = (row["definition_id"], row["scope_id"], row["year"])
            yield {
                "definition": definition.identifier,
                "kpi": definition.name_zh,
                "category": definition.category,
                "scope": f"{row['scope__namespace']}:{row['scope__code']}",
                "scope_name": row["scope__name_zh"],
                "scope_kind": row["scope__kind"],
                "period": str(row["year"]),
                "value": _number(row["value"]),
                "unit": definition.unit,
                "target": _number(targets.get(key)),
                "sources": row["sources"],
                "coverage": f"{row['children_reporting']}/{row['children']}"
                if row["children"]
                else "",
            }


def kpi_rollups_stamp() -> tuple:
    # Not the kept roll-ups themselves: writing the dataset keeps the missing ones.
    hierarchy = ScopeParent.objects.aggregate(Count("id"), Max("id"))
    targets = Target.objects.aggregate(Count("id"), Max("id"))
    return _stamp(*hierarchy.values(), *targets.values(), *kpi_values_stamp())


def city_overview() -> dict[str, list[dict]]:
    """The latest yearly roll-up of each KPI for each public city and region, by domain."""
    definitions = _definitions()
    keep_missing_rollups(definitions)
    kept = YearRollup.objects.filter(
        scope__in=published_scopes().filter(kind__in=["region", "city"]).values("pk"),
        sources__gt=0,
    ).select_related("scope")
    latest: dict[tuple[int, int], YearRollup] = {}
    for row in kept.order_by("year"):
        latest[(row.definition_id, row.scope_id)] = row
    groups: dict[str, list[dict]] = {}
    for row in sorted(latest.values(), key=lambda r: (r.scope.kind, r.scope.code)):
        definition = definitions[row.definition_id]
        groups.setdefault(definition.get_category_display(), []).append(
            {"definition": definition, "rollup": row}
        )
    return dict(sorted(groups.items()))
