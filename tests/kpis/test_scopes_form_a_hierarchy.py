import pytest

from livinglab.kpis.models import ScopeAncestor
from livinglab.kpis.services.scopes import HierarchyRefused, add_parent, responsible_body


def test_a_route_under_two_cities_is_once_under_their_region(kpi_world):
    pairs = ScopeAncestor.objects.filter(descendant=kpi_world.route)
    assert set(pairs.values_list("ancestor_id", flat=True)) == {
        kpi_world.route.pk,
        kpi_world.taipei.pk,
        kpi_world.new_taipei.pk,
        kpi_world.region.pk,
    }
    assert pairs.filter(ancestor=kpi_world.region).count() == 1


def test_a_building_is_under_its_district_city_and_region(kpi_world):
    ancestors = set(
        ScopeAncestor.objects.filter(descendant=kpi_world.building).values_list(
            "ancestor_id", flat=True
        )
    )
    assert {kpi_world.districts[4].pk, kpi_world.taipei.pk, kpi_world.region.pk} <= ancestors


def test_a_scope_cannot_be_put_under_itself(kpi_world):
    with pytest.raises(HierarchyRefused):
        add_parent(kpi_world.region, kpi_world.building)


def test_the_responsible_body_is_inherited(world, kpi_world):
    assert responsible_body(kpi_world.building) == world.body
