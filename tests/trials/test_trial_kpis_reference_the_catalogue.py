"""A trial's KPI named like a definition of the shared catalogue is measured by it."""

from decimal import Decimal

import pytest

from livinglab.trials import services
from tests.trials.conftest import new_trial


@pytest.fixture
def trial(world):
    return services.start_trial(world.secretary, new_trial(world))


def test_a_kpi_named_like_a_catalogue_definition_references_it(world, trial, client):
    kpi = services.add_kpi(
        world.secretary,
        trial,
        services.NewKpi("尖峰平均停等秒數", "秒", "down", "", Decimal("96"), Decimal("70")),
    )
    assert kpi.definition.catalogue.identifier == "trials.intersection.wait@1"
    client.force_login(world.secretary)
    page = client.get(trial.get_absolute_url()).content.decode()
    assert "/kpis/trials.intersection.wait@1/" in page


def test_a_kpi_of_its_own_stays_as_it_was(world, trial):
    kpi = services.add_kpi(
        world.secretary, trial, services.NewKpi("路口笑容數", "個", "up", "", None, None)
    )
    assert kpi.definition.catalogue is None
