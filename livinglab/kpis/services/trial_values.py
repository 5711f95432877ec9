"""A trial's measurements, counted in the shared catalogue.

A trial KPI measured by one of the catalogue's definitions reports its measurements as
values of the trial's own scope (kind "trial"), placed under its field site's scope, or
else under the city scopes its agency's city supplies, so that a trial's figures roll up
into the city's like any building's. A planned trial is not public: its figures stay
with it until it runs.
"""

import datetime as dt
import logging
from collections import defaultdict
from statistics import fmean

from django.db import transaction

from livinglab.kpis.models import Definition, Scope, Value
from livinglab.kpis.periods import period_of
from livinglab.kpis.services.loop import check_after_write
from livinglab.kpis.services.scopes import create_scope
from livinglab.kpis.services.values import ValueRefused, checked, refresh_year_totals

log = logging.getLogger(__name__)

# Values the trial supplies are marked with it, so that a re-count replaces only its own.
SUPPLIER = "trial:{pk}"


def combine(aggregation: str, days: list[tuple[dt.date, float]]) -> float:
    """One period's value from the days measured in it, by the definition's rule."""
    figures = [value for _day, value in days]
    if aggregation == Definition.Aggregation.SUM:
        return sum(figures)
    if aggregation == Definition.Aggregation.MAX:
        return max(figures)
    if aggregation == Definition.Aggregation.LAST:
        return max(days)[1]
    # A trial has no denominator of its own: its days weigh alike.
    return fmean(figures)


def trial_scope(trial) -> Scope:
    """The trial's scope, made (under its site's or its city's scopes) the first time."""
    code = f"trial-{trial.pk}"
    found = Scope.objects.filter(namespace="local", code=code).first()
    if found is not None:
        return found
    return create_scope(
        code=code,
        name_zh=trial.title[:200],
        kind=Scope.Kind.TRIAL,
        owner=trial.agency,
        body=trial.body,
        site=trial.site,
        parents=_parents(trial),
    )


def _parents(trial) -> list[Scope]:
    site_scopes = list(Scope.objects.filter(site=trial.site).exclude(kind=Scope.Kind.TRIAL))
    if site_scopes:
        return site_scopes
    city_id = trial.agency.city_id if trial.agency_id else None
    if city_id is None:
        return []
    return list(Scope.objects.filter(kind=Scope.Kind.CITY, owner__city_id=city_id))


@transaction.atomic
def count_trial_kpi(trial_kpi) -> int:
    """Write the periods of one trial KPI into the catalogue; returns how many were written.

    Called whenever its measurements change; counting again gives the same values."""
    definition = trial_kpi.definition.catalogue
    trial = trial_kpi.trial
    if definition is None or not trial.is_public:
        return 0
    periods: dict[dt.date, list[tuple[dt.date, float]]] = defaultdict(list)
    for on, value in trial_kpi.measurements.values_list("on", "value"):
        periods[period_of(definition.frequency, on)].append((on, float(value)))
    scope = trial_scope(trial)
    unit = trial_kpi.definition.unit
    supplier = SUPPLIER.format(pk=trial.pk)
    given = {start: combine(definition.aggregation, days) for start, days in periods.items()}
    try:
        stored = {start: checked(definition, start, given[start], unit) for start in given}
    except ValueRefused as refused:
        # A trial's unit that the catalogue cannot take keeps its figures with the trial.
        log.warning("trial %s KPI %s not counted: %s", trial.pk, trial_kpi.pk, refused)
        return 0
    mine = Value.objects.filter(definition=definition, scope=scope, source="local")
    years = set(mine.exclude(period_start__in=stored).dates("period_start", "year"))
    mine.exclude(period_start__in=stored).delete()
    for start, value in stored.items():
        Value.objects.update_or_create(
            definition=definition,
            scope=scope,
            period_start=start,
            source="local",
            defaults={
                "value": value,
                "given_value": given[start],
                "given_unit": unit or definition.unit,
                "supplier": supplier,
            },
        )
    years = {year.year for year in years} | {start.year for start in stored}
    if years:
        refresh_year_totals(definition, [scope.pk], years)
        check_after_write(definition, [scope.pk])
    return len(stored)


def count_trial(trial) -> int:
    """Every KPI of a trial, as when it starts running."""
    return sum(count_trial_kpi(kpi) for kpi in trial.kpis.select_related("definition__catalogue"))
