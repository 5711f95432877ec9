"""A CSV upload saves every line or none, names each bad line, and can be sent twice."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from livinglab.trials.measurement_csv import CsvRejected
from livinglab.trials.models import Measurement
from livinglab.trials.services import import_measurements


def _csv(*lines) -> bytes:
    return ("指標,日期,數值,備註\n" + "\n".join(lines) + "\n").encode()


def _day(days_ago: int) -> str:
    return (timezone.localdate() - dt.timedelta(days=days_ago)).isoformat()


def test_good_file_is_saved_as_csv_values_of_the_uploader(world, trial):
    data = _csv(f"路口平均等候秒數,{_day(20)},93", f"公車準點率,{_day(20)},83.5,第一週")
    result = import_measurements(world.proposer, trial, data)
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    assert set(Measurement.objects.values_list("source", "entered_by")) == {
        ("csv", world.proposer.pk)
    }


def test_uploading_the_same_file_again_changes_nothing(world, trial):
    data = _csv(f"路口平均等候秒數,{_day(20)},93", f"路口平均等候秒數,{_day(10)},88")
    import_measurements(world.proposer, trial, data)
    before = list(Measurement.objects.values_list("pk", "value", "entered_at"))
    result = import_measurements(world.proposer, trial, data)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert list(Measurement.objects.values_list("pk", "value", "entered_at")) == before


def test_a_file_with_bad_rows_saves_nothing(world, trial):
    data = _csv(
        f"路口平均等候秒數,{_day(20)},93",
        f"不存在的指標,{_day(20)},1",
        f"公車準點率,{_day(20)},很好",
    )
    with pytest.raises(CsvRejected) as refused:
        import_measurements(world.proposer, trial, data)
    assert [e.line for e in refused.value.errors] == [3, 4]
    assert not Measurement.objects.exists()


def test_another_companys_proposer_cannot_upload(world, trial, other_proposer):
    with pytest.raises(PermissionDenied):
        import_measurements(other_proposer, trial, _csv(f"公車準點率,{_day(3)},90"))
    assert not Measurement.objects.exists()
