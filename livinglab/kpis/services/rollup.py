"""Totals of a KPI up the hierarchy and over periods, following its aggregation rule.

The values of a scope are those recorded at the scope itself and at each of its
*distinct* descendants (the closure table holds a pair once however many paths join
them), so a bus route under two cities counts in both and once in their region.
Over a window of periods and those sources:

- sum: every value added up;
- last: each source's latest value in the window, added up across sources (a stock:
  chargers in service, capacity installed);
- max: the highest value;
- weighted mean: each source's mean over the window, weighted by the source's latest
  value of the denominator definition in the window's last year (population, floor
  area); sources without a denominator value are left out and named in `unweighted`.

Coverage counts the direct children of the scope with at least one value under them.
A full year reads `YearTotal` (one row per reporting source), other windows the values.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, Max, OuterRef, Q, Sum

from livinglab.kpis.models import (
    Definition,
    Scope,
    ScopeAncestor,
    ScopeParent,
    Value,
    YearRollup,
    YearTotal,
)

Rule = Definition.Aggregation


@dataclass
class Rollup:
    value: float | None
    sources: int = 0
    children_reporting: int = 0
    children: int = 0
    unweighted: int = 0
    reporting_ids: list[int] = field(default_factory=list, repr=False)

    @property
    def is_partial(self) -> bool:
        return self.children_reporting < self.children


def _sources(scope: Scope, sector: str | None):
    under = ScopeAncestor.objects.filter(ancestor=scope)
    if sector:
        under = under.filter(descendant__sector=sector)
    return under.values("descendant_id")


def roll_up_year(definition: Definition, scope: Scope, year: int, sector: str | None = None):
    """The scope's figure for a calendar year: kept in `YearRollup`, computed when missing."""
    if sector:
        return compute_year(definition, scope, year, sector)
    return roll_up_many(definition, [scope.pk], [year])[(scope.pk, year)]


def roll_up_many(definition: Definition, scope_ids, years) -> dict[tuple[int, int], Rollup]:
    """Several scopes' and years' figures, the kept ones read in one query (a KPI page
    shows a scope's years and its children's latest year)."""
    scope_ids, years = list(scope_ids), list(years)
    found = {
        (kept.scope_id, kept.year): Rollup(
            value=kept.value,
            sources=kept.sources,
            children_reporting=kept.children_reporting,
            children=kept.children,
            unweighted=kept.unweighted,
        )
        for kept in YearRollup.objects.filter(
            definition=definition, scope_id__in=scope_ids, year__in=years
        )
    }
    for scope_id in scope_ids:
        for year in years:
            if (scope_id, year) not in found:
                found[(scope_id, year)] = keep_year(definition, scope_id, year)
    return found


def keep_year(definition: Definition, scope_id: int, year: int) -> Rollup:
    figure = compute_year(definition, Scope(pk=scope_id), year)
    YearRollup.objects.update_or_create(
        definition=definition,
        scope_id=scope_id,
        year=year,
        defaults={
            "value": figure.value,
            "sources": figure.sources,
            "children_reporting": figure.children_reporting,
            "children": figure.children,
            "unweighted": figure.unweighted,
        },
    )
    return figure


def refresh_above(definition: Definition, scope_ids, years) -> None:
    """Drop the kept roll-ups of every ancestor of these scopes for these years (and of
    the KPIs weighted by this one): the next read computes them again, so a write costs
    no more than a delete however large the city above it."""
    above = ScopeAncestor.objects.filter(descendant_id__in=list(scope_ids)).values("ancestor_id")
    weighted = Definition.objects.filter(denominator=definition.slug).values("pk")
    YearRollup.objects.filter(
        Q(definition=definition) | Q(definition__in=weighted),
        scope_id__in=above,
        year__in=list(set(years)),
    ).delete()


def adjust_above(definition: Definition, before: dict, after: dict) -> None:
    """Bring the kept roll-ups above changed sources up to date without recomputing them.

    `before` and `after` map (scope id, year) to the source's (total, last value,
    maximum) for the year. A sum or a sum of last values moves by the source's change; a
    maximum rises with it; anything else (a new or vanished source, which changes the
    coverage; a falling maximum; a weighted mean) drops the kept figure, as
    `refresh_above` does."""
    weighted = Definition.objects.filter(denominator=definition.slug).values("pk")
    touched = [key for key in before.keys() | after.keys() if before.get(key) != after.get(key)]
    for scope_id, year in touched:
        above = ScopeAncestor.objects.filter(descendant_id=scope_id).values("ancestor_id")
        kept = YearRollup.objects.filter(scope_id__in=above, year=year)
        kept.filter(definition__in=weighted).delete()
        kept = kept.filter(definition=definition)
        old, new = before.get((scope_id, year)), after.get((scope_id, year))
        if old is None or new is None or None in old or None in new:
            kept.delete()
        elif definition.aggregation == Rule.SUM:
            kept.update(value=F("value") + (new[0] - old[0]))
        elif definition.aggregation == Rule.LAST:
            kept.update(value=F("value") + (new[1] - old[1]))
        elif definition.aggregation == Rule.MAX and new[2] >= old[2]:
            kept.filter(value__lt=new[2]).update(value=new[2])
        else:
            kept.delete()


def forget_above(scope: Scope) -> None:
    """Drop the kept roll-ups of the scope and its ancestors (its hierarchy changed)."""
    above = ScopeAncestor.objects.filter(descendant=scope).values("ancestor_id")
    YearRollup.objects.filter(scope_id__in=above).delete()


def compute_year(definition: Definition, scope: Scope, year: int, sector: str | None = None):
    """The scope's figure for a calendar year, from the pre-aggregated year totals."""
    rows = YearTotal.objects.filter(
        definition=definition, year=year, scope_id__in=_sources(scope, sector)
    )
    rule = definition.aggregation
    if rule == Rule.WEIGHTED_MEAN:
        means = {
            r["scope_id"]: r["total"] / r["count"]
            for r in rows.values("scope_id", "total", "count")
        }
        return _weighted(definition, scope, means, year, sector)
    found = rows.aggregate(
        total=Sum("total"), last=Sum("last_value"), maximum=Max("maximum"), n=Count("pk")
    )
    value = {Rule.SUM: found["total"], Rule.LAST: found["last"], Rule.MAX: found["maximum"]}[rule]
    result = Rollup(value=value if found["n"] else None, sources=found["n"])
    _year_coverage(result, scope, definition, year, sector)
    return result


def roll_up(
    definition: Definition,
    scope: Scope,
    start: dt.date,
    end: dt.date,
    sector: str | None = None,
) -> Rollup:
    """The scope's figure over periods starting in [start, end)."""
    if start.month == 1 and start.day == 1 and end == dt.date(start.year + 1, 1, 1):
        return roll_up_year(definition, scope, start.year, sector)
    values = Value.objects.filter(
        definition=definition,
        period_start__gte=start,
        period_start__lt=end,
        scope_id__in=_sources(scope, sector),
    )
    rows = list(
        values.order_by("scope_id", "period_start").values_list("scope_id", "period_start", "value")
    )
    per_source: dict[int, list[tuple[dt.date, float]]] = {}
    for sid, on, value in rows:
        per_source.setdefault(sid, []).append((on, value))
    rule = definition.aggregation
    if rule == Rule.WEIGHTED_MEAN:
        means = {sid: sum(v for _, v in got) / len(got) for sid, got in per_source.items()}
        return _weighted(definition, scope, means, (end - dt.timedelta(days=1)).year, sector)
    if not per_source:
        value = None
    elif rule == Rule.SUM:
        value = sum(v for _s, _o, v in rows)
    elif rule == Rule.MAX:
        value = max(v for _s, _o, v in rows)
    else:
        value = sum(_last(got) for got in per_source.values())
    result = Rollup(value=value, sources=len(per_source))
    _coverage(result, scope, list(per_source))
    return result


def _last(got: list[tuple[dt.date, float]]) -> float:
    latest = max(on for on, _v in got)
    return sum(v for on, v in got if on == latest)


def _weighted(definition, scope, means: dict[int, float], year: int, sector) -> Rollup:
    weights = denominator_weights(definition, year, list(means))
    total_weight = sum(weights[sid] for sid in means if sid in weights)
    value = (
        sum(means[sid] * weights[sid] for sid in means if sid in weights) / total_weight
        if total_weight
        else None
    )
    result = Rollup(
        value=value,
        sources=len(means),
        unweighted=sum(1 for sid in means if sid not in weights),
    )
    _coverage(result, scope, list(means))
    return result


def denominator_weights(definition: Definition, year: int, scope_ids) -> dict[int, float]:
    """Each source's year figure of the denominator (its latest version), by its own rule."""
    weigher = Definition.objects.filter(slug=definition.denominator).order_by("-version").first()
    if weigher is None:
        return {}
    rows = YearTotal.objects.filter(definition=weigher, year=year, scope_id__in=scope_ids)
    weights = {}
    for row in rows:
        weights[row.scope_id] = {
            Rule.SUM: row.total,
            Rule.LAST: row.last_value,
            Rule.MAX: row.maximum,
            Rule.WEIGHTED_MEAN: row.total / row.count if row.count else None,
        }[weigher.aggregation]
    return {sid: w for sid, w in weights.items() if w}


def _places_under(scope: Scope):
    # Coverage counts the places expected to report: a trial under a city adds its
    # figures to the total but is not a district that failed to report the others.
    return ScopeParent.objects.filter(parent=scope).exclude(child__kind=Scope.Kind.TRIAL)


def _year_coverage(result: Rollup, scope: Scope, definition, year: int, sector) -> None:
    """Coverage of a year, asking of each child whether anything under it reported: the
    question stops at the first source found instead of listing a city's buildings."""
    places = _places_under(scope)
    result.children = places.count()
    if not result.children:
        return
    reported = YearTotal.objects.filter(
        definition=definition, year=year, scope_id=OuterRef("descendant_id")
    )
    under = ScopeAncestor.objects.filter(ancestor_id=OuterRef("child_id"))
    if sector:
        under = under.filter(descendant__sector=sector)
    result.children_reporting = places.filter(Exists(under.filter(Exists(reported)))).count()


def _coverage(result: Rollup, scope: Scope, reporting) -> None:
    children = _places_under(scope).values("child_id")
    result.children = children.count()
    if result.children:
        result.children_reporting = (
            ScopeAncestor.objects.filter(ancestor_id__in=children, descendant_id__in=reporting)
            .values("ancestor_id")
            .distinct()
            .count()
        )


def yearly(definition: Definition, scope: Scope, years) -> dict[int, Rollup]:
    years = list(years)
    figures = roll_up_many(definition, [scope.pk], years)
    return {year: figures[(scope.pk, year)] for year in years}


def reported_years(definition: Definition, scope: Scope) -> list[int]:
    """The years of the KPI's values anywhere (from its first to its last) in which the
    scope has a figure."""
    # Two queries, each the first entry of the (definition, period) index.
    dates = Value.objects.filter(definition=definition).values_list("period_start", flat=True)
    first = dates.order_by("period_start").first()
    if first is None:
        return []
    last = dates.order_by("-period_start").first()
    years = range(first.year, last.year + 1)
    return [y for y in years if roll_up_year(definition, scope, y).sources]
