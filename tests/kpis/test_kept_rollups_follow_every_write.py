"""The roll-ups kept for pages stay equal to a fresh computation after every write,
corrections included, whether a write adjusts them in place or drops them."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from livinglab.kpis.models import YearRollup
from livinglab.kpis.services.rollup import compute_year, roll_up_year
from livinglab.kpis.services.scopes import create_scope
from livinglab.kpis.services.values import write_value
from tests.kpis.conftest import definition
from tests.kpis.test_rollup_equals_a_brute_force_over_distinct_sources import RULES, _start

writes = st.lists(
    st.tuples(st.integers(0, 5), st.integers(1, 12), st.integers(0, 1000)), min_size=1, max_size=15
)


def _tree():
    top = create_scope(code="top", name_zh="全市", kind="city")
    left = create_scope(code="left", name_zh="東區", kind="district", parents=[top])
    right = create_scope(code="right", name_zh="西區", kind="district", parents=[top])
    leaves = [
        create_scope(code=f"b{n}", name_zh=f"建築{n}", kind="building", parents=[side])
        for n, side in enumerate([left, left, right, right])
    ]
    # A route under both districts counts once in the city.
    leaves.append(
        create_scope(code="route", name_zh="跨區路線", kind="route", parents=[left, right])
    )
    return [top, left, right, *leaves]


@pytest.mark.django_db
@pytest.mark.parametrize("rule", ["sum", "max", "last"])
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(drawn=writes)
def test_kept_rollups_equal_a_fresh_computation_after_each_write(rule, drawn):
    with transaction.atomic():
        kpi = definition(RULES[rule])
        scopes = _tree()
        sources = scopes[3:] + [scopes[1]]
        for node, month, value in drawn:
            write_value(kpi, sources[node], _start(rule, month), value)
            for scope in scopes:
                kept = roll_up_year(kpi, scope, 2025).value
                assert kept == pytest.approx(compute_year(kpi, scope, 2025).value), scope
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_further_month_adjusts_the_citys_kept_year_instead_of_dropping_it():
    kpi = definition(RULES["sum"])
    top, _left, _right, building, *_rest = _tree()
    write_value(kpi, building, dt.date(2025, 1, 1), 100)
    assert roll_up_year(kpi, top, 2025).value == 100
    kept = YearRollup.objects.get(definition=kpi, scope=top, year=2025)
    write_value(kpi, building, dt.date(2025, 2, 1), 40)
    kept.refresh_from_db()
    assert kept.value == 140
