import datetime as dt

import pytest

from livinglab.kpis.models import Value, YearTotal
from livinglab.kpis.services.values import ValueRefused, record_value
from tests.kpis.conftest import definition, month


def test_megawatt_hours_are_stored_as_kilowatt_hours(world, kpi_world):
    electricity = definition("energy.electricity.use@1")
    record_value(world.officer, electricity, kpi_world.building, month(2025, 3), "2", "MWh")
    record_value(world.officer, electricity, kpi_world.building, month(2025, 4), 3.6, "GJ")
    stored = Value.objects.filter(definition=electricity).order_by("period_start")
    assert [round(v.value, 6) for v in stored] == [2000.0, 1000.0]
    assert (stored[0].given_value, stored[0].given_unit) == (2.0, "MWh")
    assert YearTotal.objects.get(definition=electricity, scope=kpi_world.building).total == 3000


def test_tonnes_for_a_kilowatt_hour_kpi_are_refused_with_a_clear_message(world, kpi_world):
    electricity = definition("energy.electricity.use")
    with pytest.raises(ValueRefused) as refused:
        record_value(world.officer, electricity, kpi_world.building, month(2025, 3), 5, "t CO2e")
    assert "t CO2e" in str(refused.value) and "kWh" in str(refused.value)
    assert not Value.objects.exists()


def test_co2e_tonnes_are_converted_but_plain_tonnes_are_not(world, kpi_world):
    building = definition("netzero.building.co2e")
    record_value(world.officer, building, kpi_world.building, month(2025, 1), 1500, "kg CO2e")
    assert Value.objects.get().value == 1.5
    with pytest.raises(ValueRefused):
        record_value(world.officer, building, kpi_world.building, month(2025, 2), 1, "t")


@pytest.mark.parametrize(
    ("value", "period", "reason"),
    [
        ("abc", month(2025, 1), "not a number"),
        (-4, month(2025, 1), "cannot be negative"),
        (4, dt.date(2025, 1, 15), "does not start a month"),
    ],
)
def test_bad_values_are_refused_with_their_reason(world, kpi_world, value, period, reason):
    with pytest.raises(ValueRefused, match=reason):
        record_value(
            world.officer, definition("water.consumption"), kpi_world.building, period, value
        )
    assert not Value.objects.exists()


def test_a_corrected_value_replaces_the_old_one_and_its_year_total(world, kpi_world):
    water = definition("water.consumption")
    record_value(world.officer, water, kpi_world.building, month(2025, 1), 10)
    record_value(world.officer, water, kpi_world.building, month(2025, 1), 12)
    assert Value.objects.get().value == 12
    assert YearTotal.objects.get().total == 12
