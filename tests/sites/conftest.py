"""Field sites shared by the sites tests: a public one and one only its agency sees."""

from datetime import date
from decimal import Decimal

import pytest

from livinglab.sites.models import Capability, FieldSite


@pytest.fixture
def public_site(world) -> FieldSite:
    site = FieldSite.objects.create(
        name="內湖科技園區自駕巴士路線",
        agency=world.industry,
        address="臺北市內湖區瑞光路",
        latitude=Decimal("25.078900"),
        longitude=Decimal("121.575300"),
        capacity=2,
        is_public=True,
        sandbox_rules="平日 10:00–16:00，時速上限 20 公里。",
        permits_needed="自動駕駛車輛測試許可",
    )
    site.capabilities.set(Capability.objects.filter(key__in=["5g", "science-park"]))
    return site


@pytest.fixture
def hidden_site(world) -> FieldSite:
    return FieldSite.objects.create(
        name="北區資料中心機房（未公開）",
        agency=world.economic,
        address="新北市板橋區",
        latitude=Decimal("25.012000"),
        longitude=Decimal("121.462000"),
        capacity=1,
        is_public=False,
    )


def day(month: int, dd: int) -> date:
    return date(2026, month, dd)
