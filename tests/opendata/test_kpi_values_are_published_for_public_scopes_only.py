"""The shared catalogue's KPI values and yearly roll-ups are open datasets: every public
scope's figures with unit and coverage, nothing under a non-public body's scope, and
never who supplied a value."""

import csv
import io

import pytest
from django.urls import reverse

from livinglab.kpis.services.scopes import create_scope
from livinglab.kpis.services.values import write_value
from tests.kpis.conftest import definition, month


def _rows(client, slug):
    response = client.get(reverse("opendata:download", args=[slug, "csv"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def measured(world, kpi_world):
    water = definition("water.consumption@1")
    write_value(water, kpi_world.districts[0], month(2025, 1), 120, supplier="抄表員林大同")
    write_value(water, kpi_world.districts[1], month(2025, 1), 80, supplier="抄表員林大同")
    secret = create_scope(
        code="budget-room", name_zh="預算密室", kind="building", body=world.private_body
    )
    write_value(water, secret, month(2025, 1), 999, user=world.officer)
    return water


def test_values_of_public_scopes_are_published_with_their_unit(client, kpi_world, measured):
    rows = _rows(client, "kpi-values")
    assert {(row["scope"], row["value"]) for row in rows} == {
        ("local:tpe-zhongzheng", "120.0"),
        ("local:tpe-datong", "80.0"),
    }
    first = rows[0]
    assert first["definition"] == "water.consumption@1"
    assert first["period"] == "2025-01" and first["period_start"] == "2025-01-01"
    assert first["unit"] == measured.unit and first["category"] == "water"


def test_rollups_give_the_city_with_its_coverage(client, kpi_world, measured):
    rows = {row["scope"]: row for row in _rows(client, "kpi-rollups")}
    city = rows["local:tpe"]
    assert city["period"] == "2025" and float(city["value"]) == 200
    assert city["coverage"] == "2/13"  # two of twelve districts and the bus route reported
    assert "local:budget-room" not in rows


def test_scopes_of_a_non_public_body_and_suppliers_never_appear(client, world, measured):
    text = ""
    for slug in ("kpi-values", "kpi-rollups"):
        for fmt in ("csv", "json"):
            response = client.get(reverse("opendata:download", args=[slug, fmt]))
            text += b"".join(response.streaming_content).decode("utf-8-sig")
    assert "預算密室" not in text and "999" not in text
    assert "抄表員林大同" not in text and world.officer.username not in text
