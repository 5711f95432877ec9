"""The dashboard's numbers are the registry's: each is checked against `Case.objects`."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from livinglab.meetings.models import Body
from livinglab.reports.dashboard import build_dashboard, quarter
from livinglab.tracking.models import Case, CaseEvent
from livinglab.work.models import Assignment
from livinglab.work.services import sync_assignments
from tests.work.conftest import make_case
from tests.working_group import import_working_group

CLOSING = [CaseEvent.Kind.DELISTED, CaseEvent.Kind.REGULAR, CaseEvent.Kind.MERGED]


def _closed_in(cases, key):
    """Closed cases whose closing event falls in quarter `key`, counted with the ORM."""
    year, q = int(key[:4]), int(key[-1])
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year + (q == 4), (3 * q) % 12 + 1, 1)
    return (
        cases.closed()
        .filter(events__kind__in=CLOSING, events__on__gte=start, events__on__lt=end)
        .distinct()
        .count()
    )


def _check(dashboard, cases):
    for state in Case.State.values:
        assert dashboard.by_state[state] == cases.filter(state=state).count()
    assert dashboard.total == cases.count()
    ever_tracked = cases.filter(events__kind=CaseEvent.Kind.TRACKED).distinct()
    assert sum(dashboard.opened.values()) == ever_tracked.count()
    assert sum(dashboard.closed.values()) == cases.closed().count()
    for key, n in dashboard.closed.items():
        assert n == _closed_in(cases, key)
    ageing = sum(b.open + b.closed for b in dashboard.ageing)
    assert ageing == ever_tracked.count()
    assert sum(b.open for b in dashboard.ageing) == ever_tracked.exclude(state="closed").count()
    overdue = Assignment.objects.filter(case__in=cases).overdue()
    assert sum(n for _name, n in dashboard.overdue_by_agency) == overdue.count()


def test_body_dashboard_matches_the_registry(registry, fixed_today):
    cases = Case.objects.for_body(registry.body)
    sync_assignments(cases)
    dashboard = build_dashboard(cases)
    _check(dashboard, cases)
    assert dashboard.by_state == {"proposed": 1, "tracked": 2, "closed": 2}
    # All four tracked in 2024Q1: 共享電動機車… was accepted as new (本案同意新增) then.
    assert dashboard.opened == {"2024Q1": 4}
    assert dashboard.closed == {"2024Q3": 1, "2025Q1": 1}
    assert dashboard.overdue_by_agency == [("臺北市政府交通局", 2)]
    ages = [(b.open, b.closed) for b in dashboard.ageing]
    # 公有市場行動支付推廣 closed after 4 months, 夜市食品安全聯合抽驗 after 10; the other
    # two have been tracked for 1 to 2 years on 2025-11-20.
    assert ages == [(0, 0), (0, 1), (0, 1), (2, 0), (0, 0)]


def test_timeline_has_a_mark_per_decision(registry):
    dashboard = build_dashboard(Case.objects.for_body(registry.body))
    lanes = {lane.case.title: [(m.date, m.status) for m in lane.marks] for lane in dashboard.lanes}
    assert "老舊社區防災演練觀摩" not in lanes  # still a proposal
    assert lanes["夜市食品安全聯合抽驗"] == [
        (dt.date(2024, 3, 14), "tracked"),
        (dt.date(2024, 7, 11), "tracked"),
        (dt.date(2025, 1, 16), "regular"),
    ]
    assert lanes["共享電動機車停放管理"][0] == (dt.date(2024, 3, 14), "new")
    assert len(lanes) == dashboard.lanes_total == 4


def _cell_numbers(html: str, table_id: str) -> list[list[str]]:
    table = re.search(rf'<table class="data-table" id="{table_id}">(.*?)</table>', html, re.S)
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)
    return [re.findall(r'<td class="num">(\d+)</td>', row) for row in rows[1:]]


def test_pages_show_the_registry_numbers(client, registry, fixed_today):
    client.force_login(registry.secretary)
    html = client.get(reverse("reports:dashboard", args=[registry.body.pk])).content.decode()
    cases = Case.objects.for_body(registry.body)
    for state in Case.State.values:
        n = cases.filter(state=state).count()
        assert f'<td class="num" data-state="{state}">{n}</td>' in html
    quarters = _cell_numbers(html, "quarters")
    assert sum(int(row[1]) for row in quarters) == cases.closed().count()
    overdue = Assignment.objects.filter(case__in=cases).overdue()
    assert sum(int(row[0]) for row in _cell_numbers(html, "overdue")) == overdue.count()
    assert quarter(dt.date(2024, 7, 11)) == "2024Q3"


def test_agency_and_platform_dashboards_match_the_registry(client, registry, fixed_today):
    transport = registry.transport
    client.force_login(registry.admin)
    html = client.get(reverse("reports:agency_dashboard", args=[transport.pk])).content.decode()
    cases = Case.objects.for_agency(transport)
    assert '<td class="num" data-state="tracked">2</td>' in html
    _check(build_dashboard(cases), cases)
    html = client.get(reverse("reports:platform_dashboard")).content.decode()
    assert f'<td class="num" data-state="closed">{Case.objects.closed().count()}</td>' in html
    _check(build_dashboard(Case.objects.all()), Case.objects.all())


@pytest.mark.seeds
def test_counts_by_state_match_the_registry_after_a_seed_import(db):
    import_working_group("產業民生組")
    cases = Case.objects.for_body(Body.objects.get(name="產業民生組"))
    sync_assignments(cases)
    _check(build_dashboard(cases), cases)


def test_overdue_by_agency_counts_open_assignments_past_deadline(client, world):
    make_case(world, "逾期案", lead=world.industry, deadline=dt.date(2020, 1, 1))
    make_case(world, "未逾期案", lead=world.industry, deadline=dt.date(2999, 1, 1))
    sync_assignments(Case.objects.all())
    assert build_dashboard(Case.objects.all()).overdue_by_agency == [("臺北市政府產業發展局", 1)]
    client.force_login(world.secretary)
    page = client.get(reverse("reports:dashboard", args=[world.body.pk]))
    assert page.status_code == 200 and "臺北市政府產業發展局" in page.content.decode()


def test_quiet_quarters_show_as_zero(registry):
    dashboard = build_dashboard(Case.objects.for_body(registry.body))
    assert [q for q, _opened, _closed in dashboard.quarters] == [
        "2024Q1",
        "2024Q2",
        "2024Q3",
        "2024Q4",
        "2025Q1",
    ]
    assert dashboard.quarters[1] == ("2024Q2", 0, 0)
