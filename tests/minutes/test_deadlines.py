"""Deadlines resolved against the meeting date."""

import datetime as dt

import pytest

from livinglab.minutes.deadlines import first_deadline

MEETING = dt.date(2023, 9, 23)


@pytest.mark.parametrize(
    ("text", "mention", "date"),
    [
        ("請於 7 月 10 日前回復", "7 月 10 日前", dt.date(2024, 7, 10)),  # month passed: next year
        ("請於10月25日前邀約", "10月25日前", dt.date(2023, 10, 25)),
        ("預計10月底辦理", "10月底", dt.date(2023, 10, 31)),
        ("請於年底前完成", "年底", dt.date(2023, 12, 31)),
        ("至第4季小組會議時再議", "第4季", dt.date(2023, 12, 31)),
        ("112 年度下半年度舉辦", "112 年度下半年", dt.date(2023, 12, 31)),
        ("請於2個月內盤點", "2個月內", dt.date(2023, 11, 23)),
        ("3週內提出", "3週內", dt.date(2023, 10, 14)),
        ("明天（9/24）起開議", "明天（9/24）", dt.date(2023, 9, 24)),
        ("12 月 9 日將拜會", "12 月 9 日", dt.date(2023, 12, 9)),
        ("明年2月底前提出", "明年2月底", dt.date(2024, 2, 29)),
        ("113年3月1日前完成", "113年3月1日前", dt.date(2024, 3, 1)),
    ],
)
def test_deadline_forms(text, mention, date):
    deadline = first_deadline(text, MEETING)
    assert (deadline.mention, deadline.date) == (mention, date)


def test_a_past_event_is_not_a_deadline():
    assert first_deadline("感謝6月4日辦理參訪", MEETING) is None
    assert first_deadline("有關9月8日交流活動", MEETING) is None


def test_no_meeting_date_gives_no_deadline():
    assert first_deadline("請於7月10日前回復", None) is None
