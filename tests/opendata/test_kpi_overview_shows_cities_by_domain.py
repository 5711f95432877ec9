"""Anyone can read the cities' KPI roll-ups by domain without signing in, each linking
to the KPI's chart; a scope of a non-public body is not listed."""

from django.urls import reverse

from livinglab.kpis.services.scopes import create_scope
from livinglab.kpis.services.values import write_value
from tests.kpis.conftest import definition, month


def test_anonymous_visitor_reads_city_rollups_linking_to_charts(client, world, kpi_world):
    water = definition("water.consumption@1")
    write_value(water, kpi_world.districts[0], month(2025, 1), 120)
    hidden = create_scope(
        code="secret-city", name_zh="祕密市", kind="city", body=world.private_body
    )
    write_value(water, hidden, month(2025, 1), 7)
    page = client.get(reverse("opendata:kpis"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "臺北市" in text and "北北基" in text and "120" in text
    assert reverse("kpis:kpi", args=[water.identifier, kpi_world.taipei.pk]) in text
    assert "祕密市" not in text
    chart = client.get(reverse("kpis:kpi", args=[water.identifier, kpi_world.taipei.pk]))
    assert chart.status_code == 200
