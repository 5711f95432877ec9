"""Deadlines resolved against the meeting date."""

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from livinglab.minutes.deadlines import DEADLINE_RE, deadline_matches, first_deadline

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


# Characters of deadline forms and their neighbours, so that matches are frequent.
DEADLINE_CHARS = "0123456789１２ \t\n年月日底季內前以止為半上下中旬初第今本明次天週周個工作星期一二三十兩度/()（）請於"


@settings(max_examples=400)
@given(st.text(alphabet=DEADLINE_CHARS, max_size=40), st.integers(0, 45), st.integers(0, 45))
@example(" 年底前", 0, 9)  # a form may begin with a blank
@example("今年度下半年，明天（4/8）", 0, 20)
@example("113年第四季、兩週內、5/6前", 0, 20)
@example("於上半年、至第4季、次年底、本年度底、於年底、下半年", 0, 40)
@example("兩星期內、三個工作天內、次年度第一季", 0, 40)
@example("一週內二週內三天內四天內五天內六天內七天內八天內九天內十天內", 0, 40)
def test_deadline_matches_are_those_of_the_regex(text, start, stop):
    """deadline_matches tries the regex only where a form can begin: same matches."""
    expected = [(m.span(), m.groupdict()) for m in DEADLINE_RE.finditer(text, start, stop)]
    assert [(m.span(), m.groupdict()) for m in deadline_matches(text, start, stop)] == expected
