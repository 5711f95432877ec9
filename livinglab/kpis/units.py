"""Units of KPI values, checked and converted by pint.

One registry for the process, with the units a city's indicators need beyond physics:
CO2-equivalent mass is its own dimension (a tonne of CO2e is not a tonne of waste),
and counts of items, trips, passengers and people are dimensions of their own, so that
"5 trips" cannot be stored as "5 %". A definition's unit is any expression this
registry reads ("kWh", "t CO2e", "kWh / m ** 2", "µg / m ** 3", "percent").
"""

import functools
import re

import pint
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

_EXTRA = """
kg_co2e = [co2e] = kgCO2e
g_co2e = kg_co2e / 1000 = gCO2e
t_co2e = 1000 * kg_co2e = tCO2e
kt_co2e = 1000000 * kg_co2e = ktCO2e
item = [items] = items
trip = [trips] = trips
passenger = [passengers] = passengers
person = [people] = persons = people
household = [households] = households
vehicle = [vehicles] = vehicles
event = [events] = events
dBA = [sound_level]
NTD = [currency] = TWD
"""
# Names for the kinds of quantity in messages, each with a unit of that kind.
_FAMILIES = {
    gettext_noop("energy"): "kWh",
    gettext_noop("power"): "kW",
    gettext_noop("mass"): "kg",
    gettext_noop("CO2-equivalent mass"): "kg_co2e",
    gettext_noop("volume"): "m ** 3",
    gettext_noop("length"): "km",
    gettext_noop("area"): "m ** 2",
    gettext_noop("time"): "h",
    gettext_noop("count"): "item",
    gettext_noop("trips"): "trip",
    gettext_noop("passengers"): "passenger",
    gettext_noop("people"): "person",
    gettext_noop("ratio"): "percent",
    gettext_noop("energy per area"): "kWh / m ** 2",
    gettext_noop("concentration"): "µg / m ** 3",
    gettext_noop("emissions per energy"): "kg_co2e / kWh",
    gettext_noop("sound level"): "dBA",
    gettext_noop("money"): "NTD",
}
# Units as trial teams and agencies write them in Chinese.
_CHINESE = {
    "公噸": "t",
    "公斤": "kg",
    "度": "kWh",
    "秒": "s",
    "分鐘": "min",
    "小時": "h",
    "公里": "km",
    "人次": "item",
    "件": "item",
    "次": "event",
    "輛": "vehicle",
    "戶": "household",
    "元": "NTD",
}
_CO2E = re.compile(r"\b(kt|kg|g|t)\s*(?:CO2e|CO₂e|co2e)\b")
_POWER = re.compile(r"(?<![A-Za-z_])m([23])(?![0-9])")


class UnitError(ValueError):
    """A unit that cannot be read, or a value in a unit of another family."""


@functools.cache
def registry() -> pint.UnitRegistry:
    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=None)
    for line in _EXTRA.strip().splitlines():
        ureg.define(line)
    return ureg


def parse(unit: str):
    """The pint unit of `unit`; UnitError when it cannot be read."""
    text = (unit or "").strip()
    if not text:
        return registry().dimensionless
    try:
        return registry().Unit(_normalise(text))
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, AssertionError):
        raise UnitError(
            _("“%(unit)s” is not a unit this platform knows.") % {"unit": unit}
        ) from None


def _normalise(text: str) -> str:
    text = _CHINESE.get(text, text)
    # Spreadsheet forms: "t CO2e", "kg CO2e", "m2", "m³", "%".
    text = _CO2E.sub(r"\1_co2e", text)
    text = text.replace("m²", "m ** 2").replace("m³", "m ** 3").replace("%", "percent")
    return _POWER.sub(r"m ** \1", text)


def family(unit: str) -> str:
    """A readable name for the kind of quantity `unit` measures ("energy", "mass"…)."""
    dims = parse(unit).dimensionality
    for name, example in _FAMILIES.items():
        if parse(example).dimensionality == dims:
            return _(name)
    return str(dims)


def compatible(unit: str, other: str) -> bool:
    return parse(unit).dimensionality == parse(other).dimensionality


def convert(value: float, unit: str, to: str) -> float:
    """`value` in `unit` expressed in `to`; UnitError when the families differ."""
    source, target = parse(unit), parse(to)
    if source.dimensionality != target.dimensionality:
        raise UnitError(
            _(
                "A value in %(unit)s (%(family)s) cannot be stored in %(target)s "
                "(%(target_family)s)."
            )
            % {
                "unit": unit,
                "family": family(unit),
                "target": to,
                "target_family": family(to),
            }
        )
    if source == target:
        return float(value)
    converted = registry().Quantity(float(value), source).to(target).magnitude
    # Twelve significant digits: 2.5 ML is 2500 m³, not 2500.0000000000005.
    return float(f"{converted:.12g}")
