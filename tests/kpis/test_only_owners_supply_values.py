import pytest
from django.core.exceptions import PermissionDenied

from livinglab.kpis.models import Scope, Value
from livinglab.kpis.services.values import record_value
from tests.kpis.conftest import definition, month


def test_an_agency_supplies_its_own_scopes_and_those_under_them(world, kpi_world):
    owned = Scope.objects.owned_by(world.officer)
    assert kpi_world.building in owned and kpi_world.taipei in owned
    assert kpi_world.banqiao not in owned and kpi_world.region not in owned


def test_another_citys_officer_is_refused(world, kpi_world):
    with pytest.raises(PermissionDenied):
        record_value(
            world.other_officer,
            definition("water.consumption"),
            kpi_world.building,
            month(2025, 1),
            3,
        )
    assert not Value.objects.exists()
