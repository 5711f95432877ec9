"""The proposing organisation enters KPI values; nobody else does, and not after the end."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from livinglab.trials.models import Measurement
from livinglab.trials.services import TrialRefused, change_status, record_measurement

TODAY = timezone.localdate


def test_proposer_records_a_value_attributed_to_them(world, trial):
    kpi = trial.kpis.first()
    result = record_measurement(world.proposer, kpi, TODAY(), Decimal("88.5"), "上午尖峰")
    assert result.created == 1
    value = Measurement.objects.get()
    assert (value.value, value.entered_by, value.source) == (
        Decimal("88.5"),
        world.proposer,
        "manual",
    )


def test_a_second_value_for_the_same_day_corrects_the_first(world, trial):
    kpi = trial.kpis.first()
    record_measurement(world.proposer, kpi, TODAY(), Decimal("88"))
    result = record_measurement(world.proposer, kpi, TODAY(), Decimal("86"))
    assert (result.created, result.updated) == (0, 1)
    assert Measurement.objects.get().value == Decimal("86")


def test_a_value_in_the_future_is_refused(world, trial):
    with pytest.raises(TrialRefused):
        record_measurement(
            world.proposer, trial.kpis.first(), TODAY() + dt.timedelta(days=1), Decimal("1")
        )
    assert not Measurement.objects.exists()


def test_another_companys_proposer_cannot_enter_a_value(world, trial, other_proposer):
    with pytest.raises(PermissionDenied):
        record_measurement(other_proposer, trial.kpis.first(), TODAY(), Decimal("1"))
    assert not Measurement.objects.exists()


@pytest.mark.parametrize("who", ["secretary", "officer", "reviewer", "other_officer"])
def test_other_roles_do_not_enter_values(world, trial, who):
    with pytest.raises(PermissionDenied):
        record_measurement(getattr(world, who), trial.kpis.first(), TODAY(), Decimal("1"))


def test_no_values_after_the_trial_ended(world, trial):
    change_status(world.secretary, trial, "running")
    change_status(world.secretary, trial, "closed", lessons="試驗結束")
    trial.refresh_from_db()
    with pytest.raises(PermissionDenied):
        record_measurement(world.proposer, trial.kpis.first(), TODAY(), Decimal("1"))
