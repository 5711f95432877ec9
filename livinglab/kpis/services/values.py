"""Recording a KPI's values and targets.

A value arrives in any unit of the definition's family and is stored in the
definition's unit (2 MWh is stored as 2000 kWh; tonnes for a kWh KPI are refused). Its
period must start a period of the definition's frequency. Every write refreshes the
scope's `YearTotal` for that year in the same transaction.
"""

import datetime as dt
import math

from django.db import transaction
from django.db.models import Count, Max, Sum
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.core.roc import official_date
from livinglab.kpis import units
from livinglab.kpis.models import (
    Definition,
    Scope,
    Target,
    Value,
    YearTotal,
    period_start_ok,
)


class ValueRefused(ValueError):
    """A value that cannot be stored, with the reason a person can act on."""


def checked(definition: Definition, period_start: dt.date, value, unit: str | None) -> float:
    """`value` in the definition's unit, or ValueRefused saying why not."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueRefused(_("“%(value)s” is not a number.") % {"value": value}) from None
    if not math.isfinite(number):
        raise ValueRefused(_("“%(value)s” is not a number.") % {"value": value})
    if number < 0 and not definition.allows_negative:
        raise ValueRefused(_("%(kpi)s cannot be negative.") % {"kpi": definition.identifier})
    if not period_start_ok(definition.frequency, period_start):
        raise ValueRefused(
            _("%(date)s does not start a %(frequency)s, which is how %(kpi)s is reported.")
            % {
                "date": official_date(period_start),
                "frequency": definition.get_frequency_display(),
                "kpi": definition.identifier,
            }
        )
    given = definition.unit if unit is None or not unit.strip() else unit
    try:
        return units.convert(number, given, definition.unit)
    except units.UnitError as exc:
        raise ValueRefused(str(exc)) from None


@transaction.atomic
def record_value(
    user,
    definition: Definition,
    scope: Scope,
    period_start: dt.date,
    value,
    unit: str | None = None,
    *,
    supplier: str = "",
    source: str = "local",
) -> Value:
    """Store (or correct) the value of `definition` for `scope` and a period."""
    require(user, "supply", scope)
    return write_value(
        definition, scope, period_start, value, unit, supplier=supplier, source=source, user=user
    )


def write_value(
    definition, scope, period_start, value, unit=None, *, supplier="", source="local", user=None
) -> Value:
    """`record_value` without the permission check, for services that made it already."""
    stored = checked(definition, period_start, value, unit)
    row, _created = Value.objects.update_or_create(
        definition=definition,
        scope=scope,
        period_start=period_start,
        source=source,
        defaults={
            "value": stored,
            "given_value": float(value),
            "given_unit": unit or definition.unit,
            "supplier": supplier or (user.get_username() if user else ""),
            "entered_by": user,
        },
    )
    refresh_year_totals(definition, [scope.pk], [period_start.year])
    from livinglab.kpis.services.loop import check_after_write

    check_after_write(definition, [scope.pk])
    return row


def refresh_year_totals(definition: Definition, scope_ids, years) -> None:
    """Rewrite the `YearTotal` rows of these scopes and years from their values, and the
    kept roll-ups of every scope above them."""
    from livinglab.kpis.services.rollup import adjust_above, refresh_above

    scope_ids, years = list(scope_ids), set(years)
    small = len(scope_ids) * len(years) <= ADJUST_AT_MOST
    before = _kept_totals(definition, scope_ids, years) if small else None
    _refresh_totals(definition, scope_ids, years)
    if before is None:
        refresh_above(definition, scope_ids, years)
    else:
        adjust_above(definition, before, _kept_totals(definition, scope_ids, years))


# A write touching more sources than this (an upload, an exchange) drops the roll-ups
# above them instead of adjusting each: the next read computes them once.
ADJUST_AT_MOST = 20


def _kept_totals(definition: Definition, scope_ids, years) -> dict:
    rows = YearTotal.objects.filter(definition=definition, scope_id__in=scope_ids, year__in=years)
    return {
        (row.scope_id, row.year): (row.total, row.last_value, row.maximum)
        for row in rows.only("scope_id", "year", "total", "last_value", "maximum")
    }


def _refresh_totals(definition: Definition, scope_ids, years) -> None:
    for year in set(years):
        values = Value.objects.filter(
            definition=definition,
            scope_id__in=scope_ids,
            period_start__gte=dt.date(year, 1, 1),
            period_start__lt=dt.date(year + 1, 1, 1),
        )
        sums = {
            row["scope_id"]: row
            for row in values.values("scope_id").annotate(
                total=Sum("value"),
                count=Count("pk"),
                maximum=Max("value"),
                last=Max("period_start"),
            )
        }
        lasts = {}
        wanted = [(sid, row["last"]) for sid, row in sums.items()]
        for sid, start in wanted:
            lasts[sid] = values.filter(scope_id=sid, period_start=start).aggregate(v=Sum("value"))[
                "v"
            ]
        YearTotal.objects.filter(definition=definition, year=year, scope_id__in=scope_ids).exclude(
            scope_id__in=list(sums)
        ).delete()
        for sid, row in sums.items():
            YearTotal.objects.update_or_create(
                definition=definition,
                year=year,
                scope_id=sid,
                defaults={
                    "total": row["total"],
                    "count": row["count"],
                    "maximum": row["maximum"],
                    "last_start": row["last"],
                    "last_value": lasts[sid],
                },
            )


@transaction.atomic
def set_target(user, definition: Definition, scope: Scope, year: int, value, note: str = ""):
    require(user, "set_target", scope)
    stored = checked(definition, dt.date(year, 1, 1), value, None) if value is not None else None
    target, _created = Target.objects.update_or_create(
        definition=definition, scope=scope, year=year, defaults={"value": stored, "note": note}
    )
    return target
