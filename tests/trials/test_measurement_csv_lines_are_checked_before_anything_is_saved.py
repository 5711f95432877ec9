"""Reading a CSV of KPI values: every bad line named with its number and reason."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from livinglab.trials.measurement_csv import CsvRejected, parse

TODAY = dt.date(2026, 6, 1)
KPIS = ["路口平均等候秒數", "Bus punctuality"]


def _parse(text: str, encoding="utf-8"):
    return parse(text.encode(encoding), KPIS, today=TODAY)


def _errors(text: str, encoding="utf-8") -> list[str]:
    with translation.override("en"):
        with pytest.raises(CsvRejected) as caught:
            _parse(text, encoding)
        return [str(e) for e in caught.value.errors]


def test_chinese_header_roc_dates_and_full_width_digits_are_read():
    rows = _parse("指標,日期,數值,備註\n路口平均等候秒數,115/3/1,４２.５,尖峰\n")
    assert rows[0].kpi == "路口平均等候秒數"
    assert rows[0].on == dt.date(2026, 3, 1)
    assert rows[0].value == Decimal("42.5")
    assert rows[0].note == "尖峰"


def test_english_header_in_another_order_iso_and_thousands():
    rows = _parse('value,date,kpi\n"1,250",2026-04-02,bus punctuality\n')
    assert rows == [rows[0]]
    assert (rows[0].kpi, rows[0].on, rows[0].value) == (
        "Bus punctuality",
        dt.date(2026, 4, 2),
        Decimal("1250"),
    )


def test_big5_file_from_excel_is_read():
    rows = _parse("指標,日期,數值\r\n路口平均等候秒數,115年3月1日,40\r\n", encoding="cp950")
    assert rows[0].on == dt.date(2026, 3, 1)


def test_utf8_bom_header_is_recognised():
    rows = parse(
        "\ufeffkpi,date,value\nBus punctuality,2026-01-05,91\n".encode(), KPIS, today=TODAY
    )
    assert rows[0].value == Decimal("91")


def test_each_bad_line_is_reported_with_its_number():
    errors = _errors(
        "kpi,date,value\n"
        "Bus punctuality,2026-01-05,91\n"
        "Unknown thing,2026-01-05,3\n"
        "Bus punctuality,2026-02-30,90\n"
        "Bus punctuality,2026-03-01,ninety\n"
        "Bus punctuality,2027-01-01,90\n"
        "Bus punctuality,2026-01-06,\n"
    )
    assert len(errors) == 5
    assert errors[0].startswith("Line 3:") and "Unknown thing" in errors[0]
    assert "路口平均等候秒數" in errors[0]  # the names the trial does have
    assert errors[1].startswith("Line 4:") and "2026-02-30" in errors[1]
    assert errors[2].startswith("Line 5:") and "ninety" in errors[2]
    assert errors[3].startswith("Line 6:") and "future" in errors[3]
    assert errors[4].startswith("Line 7:") and "missing" in errors[4]


def test_the_same_day_twice_with_different_values_is_refused():
    errors = _errors("kpi,date,value\nBus punctuality,2026-01-05,91\nBus punctuality,2026/1/5,92\n")
    assert errors == ["Line 3: Bus punctuality on 2026-01-05 already has the value 91 on line 2."]


def test_the_same_line_twice_is_read_once():
    rows = _parse("kpi,date,value\nBus punctuality,2026-01-05,91\nBus punctuality,2026-01-05,91\n")
    assert len(rows) == 1


def test_header_without_required_columns_is_refused():
    errors = _errors("name,when\nBus punctuality,2026-01-05\n")
    assert len(errors) == 1 and errors[0].startswith("Line 1:") and "date" in errors[0]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03" * 100, "not a text"),
        (b"kpi,date,value\n", "no measurements"),
        (b"kpi,date,value\n" + b"x" * (1024 * 1024), "larger than 1 MB"),
    ],
)
def test_files_that_are_not_measurements_are_refused(data, words):
    with translation.override("en"), pytest.raises(CsvRejected) as caught:
        parse(data, KPIS, today=TODAY)
    assert words in str(caught.value)
