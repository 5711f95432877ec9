"""A running trial's measurements of a catalogue KPI count in its city's figures."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from livinglab.kpis.models import Scope, Value
from livinglab.kpis.services.catalogue import get_definition
from livinglab.kpis.services.rollup import roll_up_year
from livinglab.kpis.services.scopes import create_scope
from livinglab.trials import services
from livinglab.trials.models import Measurement, Trial
from tests.trials.conftest import new_trial

TODAY = timezone.localdate()


@pytest.fixture
def city(world):
    """Taipei's scope, supplied by an agency of Taipei."""
    return create_scope(code="tpe", name_zh="臺北市", kind="city", owner=world.transport)


@pytest.fixture
def trial(world, city):
    started = services.start_trial(world.secretary, new_trial(world))
    services.change_status(world.secretary, started, Trial.Status.RUNNING)
    return started


def add(world, trial, name, unit, direction="down"):
    return services.add_kpi(world.secretary, trial, services.NewKpi(name, unit, direction))


def test_a_measurement_becomes_a_value_of_the_trials_scope_under_its_city(world, trial, city):
    kpi = add(world, trial, "尖峰平均停等秒數", "秒")
    services.record_measurement(world.proposer, kpi, TODAY, Decimal("84"))
    value = Value.objects.get(definition__slug="trials.intersection.wait")
    assert (value.scope.kind, value.period_start, value.value) == ("trial", TODAY, 84.0)
    assert value.scope.code == f"trial-{trial.pk}"
    assert city in value.scope.parents.all()


def test_the_citys_year_includes_the_trials_figures(world, trial, city):
    kpi = add(world, trial, "概念驗證節電量", "kWh", "up")
    services.record_measurement(world.proposer, kpi, TODAY, Decimal("1.5"))
    rolled = roll_up_year(get_definition("trials.energy.saved@1"), city, TODAY.year)
    assert (rolled.value, rolled.sources) == (1.5, 1)


def test_daily_figures_are_summed_into_a_monthly_kpi_in_its_unit(world, trial):
    kpi = add(world, trial, "概念驗證節電量", "度", "up")
    first = TODAY.replace(day=1)
    days = sorted({first, max(first, TODAY - dt.timedelta(days=1)), TODAY})
    for n, day in enumerate(days):
        services.record_measurement(world.proposer, kpi, day, Decimal(100 + n))
    value = Value.objects.get(definition=get_definition("trials.energy.saved@1"))
    assert value.period_start == first
    assert value.value == sum(100 + n for n in range(len(days)))
    assert value.given_unit == "度"


def test_a_correction_replaces_the_value_and_nothing_is_counted_twice(world, trial):
    kpi = add(world, trial, "尖峰平均停等秒數", "秒")
    services.record_measurement(world.proposer, kpi, TODAY, Decimal("84"))
    services.record_measurement(world.proposer, kpi, TODAY, Decimal("79"))
    assert list(Value.objects.values_list("value", flat=True)) == [79.0]


def test_a_planned_trials_figures_count_once_it_runs(world, city):
    planned = services.start_trial(world.secretary, new_trial(world))
    kpi = add(world, planned, "尖峰平均停等秒數", "秒")
    Measurement.objects.create(
        trial_kpi=kpi, on=TODAY, value=Decimal("90"), source="csv", entered_by=world.proposer
    )
    assert not Value.objects.exists()
    assert not Scope.objects.filter(kind="trial").exists()
    services.change_status(world.secretary, planned, Trial.Status.RUNNING)
    assert list(Value.objects.values_list("value", flat=True)) == [90.0]


def test_a_kpi_of_the_trials_own_stays_with_the_trial(world, trial):
    kpi = add(world, trial, "路口笑容數", "個", "up")
    services.record_measurement(world.proposer, kpi, TODAY, Decimal("12"))
    assert not Value.objects.exists()


def test_a_trial_adds_to_the_total_without_counting_as_a_place_that_reports(world, trial, city):
    district = create_scope(code="tpe-nh", name_zh="內湖區", kind="district", parents=[city])
    saved = get_definition("trials.energy.saved@1")
    from livinglab.kpis.services.values import write_value

    write_value(saved, district, TODAY.replace(day=1), 10)
    kpi = add(world, trial, "概念驗證節電量", "kWh", "up")
    services.record_measurement(world.proposer, kpi, TODAY, Decimal("5"))
    rolled = roll_up_year(saved, city, TODAY.year)
    assert (rolled.value, rolled.children_reporting, rolled.children) == (15.0, 1, 1)
