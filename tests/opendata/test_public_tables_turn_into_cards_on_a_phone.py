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


def test_trials_and_the_kpi_catalogue_are_labelled_cards_on_a_phone(client, world):
    from livinglab.trials.models import Trial
    from livinglab.trials.services import change_status, start_trial
    from tests.trials.conftest import new_trial

    trial = start_trial(world.secretary, new_trial(world))
    change_status(world.secretary, trial, Trial.Status.RUNNING)  # shown to the public
    listing = client.get(reverse("trials:list")).content.decode()
    assert 'class="data-table cards-on-phone"' in listing
    assert f'<td class="card-title"><a href="{trial.get_absolute_url()}">' in listing
    assert listing.count('data-label="') == 5  # every cell of the one trial but its title
    catalogue = client.get(reverse("kpis:catalogue")).content.decode()
    assert 'class="data-table cards-on-phone"' in catalogue
    assert catalogue.count('<td data-label="') == 4 * catalogue.count('<td class="card-title">')


def test_a_kpis_years_and_breakdown_are_labelled_cards_on_a_phone(client, world, kpi_world):
    definition_ = definition("water.consumption@1")
    write_value(definition_, kpi_world.districts[0], month(2025, 1), 5)
    page = client.get(reverse("kpis:kpi", args=[definition_.identifier, kpi_world.taipei.pk]))
    text = page.content.decode()
    assert text.count("kpi-table cards-on-phone") == 2
    assert 'data-label="' in text and '<td class="card-title">' in text
