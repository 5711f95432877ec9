"""The list and the map cost the same few queries for three sites or thirty."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.sites.models import Capability, FieldSite


def make_sites(world, count: int) -> None:
    capabilities = list(Capability.objects.all()[:3])
    for n in range(count):
        site = FieldSite.objects.create(
            name=f"場域 {n:02d}",
            agency=world.industry if n % 2 else world.economic,
            latitude=Decimal("25.0") + Decimal(n) / 100,
            longitude=Decimal("121.5"),
            is_public=True,
        )
        site.capabilities.set(capabilities)


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/sites/", "/sites/map/", "/api/sites"])
def test_list_queries_do_not_grow_with_the_sites(client, world, url):
    client.force_login(world.officer)
    make_sites(world, 3)
    few = queries(client, url)
    make_sites(world, 30)
    assert queries(client, url) == few
