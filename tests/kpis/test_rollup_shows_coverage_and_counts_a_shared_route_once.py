import datetime as dt

from livinglab.kpis.services.rollup import roll_up, roll_up_year
from livinglab.kpis.services.values import write_value
from tests.kpis.conftest import definition, month


def test_a_city_total_over_seven_of_twelve_districts_says_so(kpi_world):
    water = definition("water.consumption")
    for district in kpi_world.districts[:7]:
        write_value(water, district, month(2025, 1), 100)
    total = roll_up_year(water, kpi_world.taipei, 2025)
    assert total.value == 700
    assert (total.children_reporting, total.children) == (7, 13)  # 12 districts and the route
    assert total.is_partial


def test_a_cross_city_bus_route_counts_in_both_cities_and_once_in_the_region(kpi_world):
    rides = definition("transport.bus.ridership")
    write_value(rides, kpi_world.route, month(2025, 3), 50_000)
    write_value(rides, kpi_world.districts[0], month(2025, 3), 1_000)
    write_value(rides, kpi_world.banqiao, month(2025, 3), 2_000)
    assert roll_up_year(rides, kpi_world.taipei, 2025).value == 51_000
    assert roll_up_year(rides, kpi_world.new_taipei, 2025).value == 52_000
    assert roll_up_year(rides, kpi_world.region, 2025).value == 53_000


def test_a_sector_is_a_second_dimension(kpi_world):
    rides = definition("transport.bus.ridership")
    write_value(rides, kpi_world.route, month(2025, 3), 50_000)
    write_value(rides, kpi_world.districts[0], month(2025, 3), 1_000)
    assert roll_up_year(rides, kpi_world.region, 2025, sector="transport").value == 50_000


def test_a_quarter_is_rolled_up_from_its_months(kpi_world):
    water = definition("water.consumption")
    for m in (1, 2, 3, 4):
        write_value(water, kpi_world.building, month(2025, m), 10 * m)
    quarter = roll_up(water, kpi_world.taipei, dt.date(2025, 1, 1), dt.date(2025, 4, 1))
    assert quarter.value == 60
