"""A KPI world: a region of two cities, Taipei's twelve districts, buildings and a bus
route run by both cities; Taipei's scopes are supplied by the world's industry office
(the officer), New Taipei's by its economic office (the other officer)."""

import datetime as dt
from dataclasses import dataclass

import pytest

TAIPEI_DISTRICTS = [
    ("zhongzheng", "中正區"),
    ("datong", "大同區"),
    ("zhongshan", "中山區"),
    ("songshan", "松山區"),
    ("daan", "大安區"),
    ("wanhua", "萬華區"),
    ("xinyi", "信義區"),
    ("shilin", "士林區"),
    ("beitou", "北投區"),
    ("neihu", "內湖區"),
    ("nangang", "南港區"),
    ("wenshan", "文山區"),
]


@dataclass
class KpiWorld:
    region: object
    taipei: object
    new_taipei: object
    districts: list
    banqiao: object
    route: object
    building: object


@pytest.fixture
def kpi_world(world) -> KpiWorld:
    from livinglab.kpis.services.scopes import create_scope

    region = create_scope(
        code="twn-north",
        name_zh="北北基",
        name_en="Northern region",
        kind="region",
        body=world.body,
    )
    taipei = create_scope(
        code="tpe",
        name_zh="臺北市",
        name_en="Taipei",
        kind="city",
        parents=[region],
        owner=world.industry,
    )
    new_taipei = create_scope(
        code="ntpc",
        name_zh="新北市",
        name_en="New Taipei",
        kind="city",
        parents=[region],
        owner=world.economic,
    )
    districts = [
        create_scope(code=f"tpe-{code}", name_zh=name, kind="district", parents=[taipei])
        for code, name in TAIPEI_DISTRICTS
    ]
    banqiao = create_scope(
        code="ntpc-banqiao", name_zh="板橋區", kind="district", parents=[new_taipei]
    )
    route = create_scope(
        code="bus-307",
        name_zh="307 路公車",
        kind="route",
        sector="transport",
        parents=[taipei, new_taipei],
    )
    building = create_scope(
        code="tpe-daan-b1", name_zh="大安區行政中心", kind="building", parents=[districts[4]]
    )
    return KpiWorld(region, taipei, new_taipei, districts, banqiao, route, building)


def definition(identifier: str):
    from livinglab.kpis.services.catalogue import get_definition

    return get_definition(identifier)


def month(year: int, m: int) -> dt.date:
    return dt.date(year, m, 1)


@pytest.fixture(autouse=True)
def in_english():
    """Services speak the active language; these tests read their messages in English
    (the pages' own tests ask for English with the language cookie where they need it)."""
    from django.utils import translation

    with translation.override("en"):
        yield
