"""Actual against target, year by year, and whether a KPI is off track.

The target path of a scope runs through its targets (a 2030 and a 2050 figure), and
from the first year with an actual figure to the first target in a straight line, so
that the years before 2030 are judged against the way to it. A KPI is off track when
its last `off_track_after` years with a figure all miss the path, or when this year's
figure so far, projected to the whole year, misses this year's path.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from livinglab.kpis.models import Definition, Frequency, Scope, ScopeAncestor, Target, Value
from livinglab.kpis.services.rollup import Rollup, reported_years, yearly

PERIODS_A_YEAR = {Frequency.DAY: 365, Frequency.MONTH: 12, Frequency.QUARTER: 4, Frequency.YEAR: 1}


@dataclass
class Year:
    year: int
    actual: Rollup | None
    target: float | None
    is_set: bool  # a target of that year, not a point on the path between two
    projected: float | None = None
    missed: bool = False

    @property
    def value(self) -> float | None:
        return self.actual.value if self.actual else None

    @property
    def judged(self) -> float | None:
        return self.value if self.projected is None else self.projected

    def misses(self, definition: Definition) -> bool:
        if self.judged is None or self.target is None:
            return False
        return not definition.meets(self.judged, self.target)


@dataclass
class Progress:
    definition: Definition
    scope: Scope
    years: list[Year] = field(default_factory=list)
    off_track: bool = False
    reason: str = ""

    @property
    def has_target(self) -> bool:
        return any(y.is_set for y in self.years)

    def latest(self) -> Year | None:
        return next((y for y in reversed(self.years) if y.value is not None), None)


def progress(definition: Definition, scope: Scope, today: dt.date | None = None) -> Progress:
    today = today or timezone.localdate()
    targets = dict(
        Target.objects.filter(definition=definition, scope=scope).values_list("year", "value")
    )
    reported = reported_years(definition, scope)
    result = Progress(definition, scope)
    if not reported and not targets:
        return result
    first = min([*reported, *targets])
    last = max([*reported, *targets])
    actuals = yearly(definition, scope, reported)
    path = _path(targets, actuals)
    for year in range(first, last + 1):
        if year not in actuals and year not in targets and year > max(reported or [first]):
            continue  # the empty years between the last figure and a far target
        row = Year(year, actuals.get(year), path.get(year), year in targets)
        if year == today.year and row.value is not None:
            row.projected = _projection(definition, scope, year, row.value, today)
        result.years.append(row)
    _judge(result)
    return result


def _path(targets: dict[int, float], actuals: dict[int, Rollup]) -> dict[int, float]:
    points = dict(targets)
    known = sorted(y for y, r in actuals.items() if r.value is not None)
    if targets and known and known[0] < min(targets):
        points.setdefault(known[0], actuals[known[0]].value)
    years = sorted(points)
    path = {}
    for a, b in zip(years, years[1:], strict=False):
        for year in range(a, b + 1):
            path[year] = points[a] + (points[b] - points[a]) * (year - a) / (b - a)
    if len(years) == 1:
        path[years[0]] = points[years[0]]
    for year in targets:
        path[year] = targets[year]
    return path


def _projection(definition, scope, year, so_far: float, today: dt.date) -> float | None:
    """This year's sum projected from the periods reported so far (other rules: as is)."""
    whole = PERIODS_A_YEAR[definition.frequency]
    if definition.aggregation != Definition.Aggregation.SUM or whole == 1:
        return None
    periods = (
        Value.objects.filter(
            definition=definition,
            period_start__gte=dt.date(year, 1, 1),
            period_start__lt=dt.date(year + 1, 1, 1),
            scope_id__in=ScopeAncestor.objects.filter(ancestor=scope).values("descendant_id"),
        )
        .values("period_start")
        .distinct()
        .count()
    )
    if not periods or periods >= whole:
        return None
    return so_far * whole / periods


def _judge(result: Progress) -> None:
    definition = result.definition
    for year in result.years:
        year.missed = year.misses(definition)
    judged = [y for y in result.years if y.judged is not None and y.target is not None]
    current = next((y for y in judged if y.projected is not None), None)
    if current is not None and current.misses(definition):
        result.off_track, result.reason = True, "projected"
        return
    needed = max(1, definition.off_track_after)
    recent = [y for y in judged if y.projected is None][-needed:]
    if len(recent) == needed and all(y.misses(definition) for y in recent):
        result.off_track, result.reason = True, "missed"
