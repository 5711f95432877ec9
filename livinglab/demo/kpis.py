"""Demo KPIs: Taipei's twelve districts and New Taipei in a northern region, a bus route run
by both cities, three years of electricity, waste and bus boardings, and 2030 targets.

Taipei's scopes are supplied by the demo officer's agency (臺北市政府產業發展局), so the
officer can upload values; the region is followed by the demo body, so the waste KPI,
which falls too slowly towards its 2030 target, proposes a tracked case to its
secretariat. In 2025 only seven districts have reported electricity (coverage 7 of 12).
Loading twice changes nothing.
"""

import datetime as dt
import random

from django.db import transaction

from livinglab.kpis.models import Definition, Scope, Target, Value
from livinglab.kpis.services.loop import check
from livinglab.kpis.services.scopes import create_scope
from livinglab.kpis.services.values import refresh_year_totals
from livinglab.meetings.models import Body
from livinglab.orgs.models import Organisation

DISTRICTS = [
    ("zhongzheng", "中正區", "Zhongzheng"),
    ("datong", "大同區", "Datong"),
    ("zhongshan", "中山區", "Zhongshan"),
    ("songshan", "松山區", "Songshan"),
    ("daan", "大安區", "Da'an"),
    ("wanhua", "萬華區", "Wanhua"),
    ("xinyi", "信義區", "Xinyi"),
    ("shilin", "士林區", "Shilin"),
    ("beitou", "北投區", "Beitou"),
    ("neihu", "內湖區", "Neihu"),
    ("nangang", "南港區", "Nangang"),
    ("wenshan", "文山區", "Wenshan"),
]
YEARS = (2023, 2024, 2025)


@transaction.atomic
def load_kpis() -> int:
    """Returns how many values were added (0 when the demo KPIs are there already)."""
    if Scope.objects.filter(namespace="local", code="twn-north").exists():
        return 0
    body = Body.objects.filter(name="臺北市智慧城市推動委員會").first()
    industry = Organisation.objects.filter(name="臺北市政府產業發展局").first()
    economic = Organisation.objects.filter(name="新北市政府經濟發展局").first()
    region = create_scope(
        code="twn-north", name_zh="北北基區域", name_en="Northern region", kind="region", body=body
    )
    taipei = create_scope(
        code="tpe",
        name_zh="臺北市",
        name_en="Taipei",
        kind="city",
        parents=[region],
        owner=industry,
    )
    new_taipei = create_scope(
        code="ntpc",
        name_zh="新北市",
        name_en="New Taipei",
        kind="city",
        parents=[region],
        owner=economic,
    )
    districts = [
        create_scope(code=f"tpe-{code}", name_zh=zh, name_en=en, kind="district", parents=[taipei])
        for code, zh, en in DISTRICTS
    ]
    route = create_scope(
        code="bus-307",
        name_zh="307 路公車（臺北－板橋）",
        name_en="Bus route 307 (Taipei–Banqiao)",
        kind="route",
        sector="transport",
        parents=[taipei, new_taipei],
    )
    return _values(taipei, districts, route, new_taipei)


def _values(taipei, districts, route, new_taipei) -> int:
    rng = random.Random(2030)  # noqa: S311  demo figures, not secrets
    electricity = Definition.objects.get(slug="energy.electricity.use", version=1)
    waste = Definition.objects.get(slug="waste.municipal.generated", version=1)
    rides = Definition.objects.get(slug="transport.bus.ridership", version=1)
    rows = []
    for year in YEARS:
        for month in range(1, 13):
            on = dt.date(year, month, 1)
            reporting = districts if year < 2025 else districts[:7]
            for n, district in enumerate(reporting):
                kwh = (
                    (38 + n * 3) * 1_000_000 * (1 - 0.01 * (year - 2023)) * rng.uniform(0.95, 1.05)
                )
                rows.append(
                    Value(definition=electricity, scope=district, period_start=on, value=round(kwh))
                )
            for n, district in enumerate(districts):
                tonnes = (5_200 + 150 * n) * (1 - 0.008 * (year - 2023)) * rng.uniform(0.97, 1.03)
                rows.append(
                    Value(definition=waste, scope=district, period_start=on, value=round(tonnes, 1))
                )
            rows.append(
                Value(
                    definition=rides,
                    scope=route,
                    period_start=on,
                    value=rng.randint(300_000, 340_000),
                )
            )
    for row in rows:
        row.given_value, row.given_unit, row.supplier = row.value, row.definition.unit, "demo"
    Value.objects.bulk_create(rows, batch_size=2000)
    everywhere = [taipei.pk, new_taipei.pk, route.pk, *(d.pk for d in districts)]
    for definition in (electricity, waste, rides):
        refresh_year_totals(definition, everywhere, YEARS)
    Target.objects.create(
        definition=waste, scope=taipei, year=2030, value=560_000, note="2030 減量目標"
    )
    Target.objects.create(
        definition=waste, scope=taipei, year=2050, value=300_000, note="2050 淨零路徑"
    )
    Target.objects.create(
        definition=electricity, scope=taipei, year=2030, value=4.8e9, note="2030 節電目標"
    )
    check(waste, taipei, today=dt.date(2026, 1, 15))
    return len(rows)
