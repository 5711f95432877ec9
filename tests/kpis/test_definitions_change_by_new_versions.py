import pytest

from livinglab.kpis.models import DefinitionInUse
from livinglab.kpis.services.catalogue import get_definition, new_version
from livinglab.kpis.services.values import record_value
from tests.kpis.conftest import definition, month


def test_a_definition_with_values_cannot_be_edited(world, kpi_world):
    water = definition("water.consumption@1")
    record_value(world.officer, water, kpi_world.building, month(2025, 1), 10)
    water.unit = "L"
    with pytest.raises(DefinitionInUse, match="new version"):
        water.save()


def test_a_new_version_keeps_the_old_one_and_says_what_changed(world, kpi_world):
    water = definition("water.consumption@1")
    record_value(world.officer, water, kpi_world.building, month(2025, 1), 10)
    second = new_version(
        world.admin, water, {"method": "Metered, including bulk supply."}, "Bulk supply counted."
    )
    assert second.identifier == "water.consumption@2"
    assert second.change_note == "Bulk supply counted."
    assert get_definition("water.consumption") == second
    assert get_definition("water.consumption@1").values.count() == 1


def test_only_staff_make_new_versions(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        new_version(world.officer, definition("water.consumption"), {}, "no")
