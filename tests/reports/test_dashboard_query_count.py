"""The dashboard runs the same number of queries however many cases it counts."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.work.conftest import make_case


def _queries(client, url) -> int:
    client.get(url)  # the first visit creates the agencies' assignments
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _add_cases(world, start: int, n: int):
    for i in range(start, start + n):
        agencies = (world.industry, world.economic, world.transport)
        make_case(
            world,
            f"智慧路燈示範案{i}",
            lead=agencies[i % 3],
            supporting=[agencies[(i + 1) % 3]],
            deadline=dt.date(2024, 1, 1) + dt.timedelta(days=40 * i),
        )


@pytest.mark.parametrize("view", ["dashboard", "agency_dashboard", "platform_dashboard"])
def test_dashboard_queries_do_not_grow_with_cases(client, world, view):
    client.force_login(world.secretary)
    args = {"dashboard": [world.body.pk], "agency_dashboard": [world.industry.pk]}.get(view, [])
    url = reverse(f"reports:{view}", args=args)
    _add_cases(world, 0, 3)
    few = _queries(client, url)
    _add_cases(world, 3, 12)
    assert _queries(client, url) == few
    assert few <= 20


def test_chart_queries_do_not_grow_with_cases(client, world):
    client.force_login(world.secretary)
    url = reverse("reports:chart", args=[world.body.pk, "timeline"])
    _add_cases(world, 0, 3)
    few = _queries(client, url)
    _add_cases(world, 3, 12)
    assert _queries(client, url) == few
