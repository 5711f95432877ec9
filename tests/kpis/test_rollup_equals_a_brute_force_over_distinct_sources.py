"""On random hierarchies where scopes have one or two parents, every scope's roll-up
equals the aggregate over the values of its distinct descendants, computed by hand."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from livinglab.kpis.services.rollup import roll_up, roll_up_year
from livinglab.kpis.services.scopes import create_scope
from livinglab.kpis.services.values import write_value
from tests.kpis.conftest import definition

RULES = {
    "sum": "energy.electricity.use",
    "max": "energy.grid.peak-demand",
    "last": "energy.solar.capacity",
    "weighted_mean": "energy.electricity.per-capita",
}


@st.composite
def hierarchies(draw):
    size = draw(st.integers(2, 9))
    parents = [[]]
    for node in range(1, size):
        first = draw(st.integers(0, node - 1))
        second = draw(st.integers(0, node - 1))
        parents.append(sorted({first, second}))
    # (node, month, value); a month 1-12 of 2025
    values = draw(
        st.lists(
            st.tuples(st.integers(0, size - 1), st.integers(1, 12), st.integers(0, 1000)),
            max_size=25,
            unique_by=lambda v: (v[0], v[1]),
        )
    )
    weights = draw(st.lists(st.integers(0, 50), min_size=size, max_size=size))
    return parents, values, weights


def _descendants(parents, node):
    children = {i: [j for j, ps in enumerate(parents) if i in ps] for i in range(len(parents))}
    seen, stack = {node}, [node]
    while stack:
        for child in children[stack.pop()]:
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return seen


def _expected(rule, rows, weights):
    """rows: (node, start, value) of distinct sources in the window."""
    if not rows:
        return None
    if rule == "sum":
        return sum(v for _n, _s, v in rows)
    if rule == "max":
        return max(v for _n, _s, v in rows)
    by_node = {}
    for node, start, value in rows:
        by_node.setdefault(node, []).append((start, value))
    if rule == "last":
        return sum(max(got)[1] for got in by_node.values())
    weighed = {n: weights[n] for n in by_node if weights[n]}
    if not weighed:
        return None
    mean = {n: sum(v for _s, v in got) / len(got) for n, got in by_node.items()}
    return sum(mean[n] * w for n, w in weighed.items()) / sum(weighed.values())


def _start(rule, month):
    if rule == "weighted_mean":
        return dt.date(2025, 1, 1)  # a yearly KPI: one value a year
    if rule == "last":
        return dt.date(2025, (month - 1) // 3 * 3 + 1, 1)  # quarterly
    return dt.date(2025, month, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("rule", list(RULES))
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(drawn=hierarchies())
def test_rollup_equals_the_brute_force_sum_of_distinct_sources(rule, drawn):
    parents, drawn_values, weights = drawn
    with transaction.atomic():
        kpi = definition(RULES[rule])
        scopes = []
        for node, ups in enumerate(parents):
            scopes.append(
                create_scope(
                    code=f"n{node}",
                    name_zh=f"節點{node}",
                    kind="other",
                    parents=[scopes[p] for p in ups],
                )
            )
        rows = {}
        for node, month, value in drawn_values:
            start = _start(rule, month)
            rows[(node, start)] = value
            write_value(kpi, scopes[node], start, value)
        if rule == "weighted_mean":
            population = definition("context.population")
            for node, weight in enumerate(weights):
                write_value(population, scopes[node], dt.date(2025, 1, 1), weight)
        for node in range(len(parents)):
            under = _descendants(parents, node)
            year_rows = [(n, s, v) for (n, s), v in rows.items() if n in under]
            got = roll_up_year(kpi, scopes[node], 2025).value
            assert got == pytest.approx(_expected(rule, year_rows, weights)), (node, got)
            if rule != "weighted_mean":
                spring = [
                    (n, s, v)
                    for n, s, v in year_rows
                    if dt.date(2025, 4, 1) <= s < dt.date(2025, 10, 1)
                ]
                got = roll_up(kpi, scopes[node], dt.date(2025, 4, 1), dt.date(2025, 10, 1)).value
                assert got == pytest.approx(_expected(rule, spring, weights)), (node, got)
        transaction.set_rollback(True)
