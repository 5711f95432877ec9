"""The data dictionary and the KPI overview lay their tables out as labelled cards on a
phone (390 px wide screenshots showed the dictionary overflowing before)."""

from django.urls import reverse

from livinglab.kpis.services.values import write_value
from tests.kpis.conftest import definition, month


def test_dictionary_and_kpi_tables_are_labelled_cards_on_a_phone(client, world, kpi_world):
    write_value(definition("water.consumption@1"), kpi_world.districts[0], month(2025, 1), 5)
    for url in (reverse("opendata:dataset", args=["cases"]), reverse("opendata:kpis")):
        text = client.get(url).content.decode()
        assert 'class="data-table cards-on-phone"' in text
        assert 'data-label="' in text
