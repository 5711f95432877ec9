"""Dates and times as officials write them."""

import datetime as dt

import pytest

from livinglab.minutes.dates import parse_date, parse_time, parse_title_date


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        ("112 年 6 月 26 日（一）下午 2 時", dt.date(2023, 6, 26), "14:00"),
        ("113年9月27日(星期五)下午2時00分", dt.date(2024, 9, 27), "14:00"),
        ("中華民國一百十三年三月五日下午二時三十分", dt.date(2024, 3, 5), "14:30"),
        ("１１３年１０月１５日（星期二）上午９時半", dt.date(2024, 10, 15), "09:30"),
        ("2024/05/06 14:30", dt.date(2024, 5, 6), "14:30"),
        ("2024年5月6日中午12時", dt.date(2024, 5, 6), "12:00"),
        ("111年09月05日", dt.date(2022, 9, 5), None),
    ],
)
def test_roc_gregorian_full_width_and_chinese_numerals(text, date, time):
    found, end = parse_date(text)
    assert found == date
    assert parse_time(text[end:]) == time


def test_impossible_date_is_not_a_date():
    assert parse_date("113年2月30日")[0] is None


def test_title_date_from_year_and_day():
    assert parse_title_date("2021 首長高峰會(3/23)談話內容摘要") == dt.date(2021, 3, 23)
