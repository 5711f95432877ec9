"""A page without a header of its own that reports the meetings which decided about a
case (經…第9次工作會議，裁示：…) gives one meeting for each, with what it decided."""

from livinglab.minutes.layout import unfold
from livinglab.minutes.reader import parse_text

TRACKING_PAGE = (
    "承辦單位：公園處\n\n社區花園認養\n\n"
    "1123 認養契約已簽訂，惟用地權屬尚待釐清。 一、經提報112年9月4日第5次參與預算組工作會議，"
    "裁示：請公園處會同地政單位確認用地權屬。\n"
    "二、本處已於112年9月20日會同地政單位完成會勘。\n"
    "三、復經112年10月2日第6次參與預算組工作會議討論，裁示：本案先行結案；"
    "並經112年10月16日第2次參與預算大會同意結案。\n"
)


def test_each_reported_meeting_becomes_a_meeting_with_its_date_and_decision():
    meetings = parse_text(TRACKING_PAGE).meetings
    assert [(m.title, m.date.isoformat()) for m in meetings] == [
        ("第5次參與預算組工作會議", "2023-09-04"),
        ("第6次參與預算組工作會議", "2023-10-02"),
        ("第2次參與預算大會", "2023-10-16"),
    ]
    first, second, third = (m.items for m in meetings)
    assert [i.path for i in first] == [["一"]]
    assert "請公園處會同地政單位" in first[0].text
    assert [(i.path, i.status) for i in second] == [(["三"], "delisted")]
    assert second[0].text.endswith("本案先行結案")  # cut before the next meeting's mention
    assert third[0].text.startswith("並經112年10月16日") and third[0].status == "delisted"


def test_the_day_a_reported_meeting_met_is_not_a_deadline_of_its_decision():
    for meeting in parse_text(TRACKING_PAGE).meetings:
        for item in meeting.items:
            assert item.deadline is None or item.deadline.date != meeting.date


def test_a_record_with_its_own_header_that_quotes_an_earlier_meeting_stays_one_meeting():
    text = (
        "某校第12次行政會議紀錄\n時間：113年3月5日上午10時\n地點：第一會議室\n主席：林校長\n"
        "一、報告事項：依112年12月1日第10次行政會議決議，各處室應於寒假前完成盤點。\n"
        "決議：洽悉。\n"
    )
    meetings = parse_text(text).meetings
    assert len(meetings) == 1 and meetings[0].date.isoformat() == "2024-03-05"


def test_a_list_number_run_into_the_paragraph_before_it_starts_a_line():
    line = "本案已完成初步規劃，惟經費尚待籌措。 一、請財政局協助籌措經費。" * 2
    unfolded = unfold(line)
    assert len(unfolded) == len(line)
    assert "籌措。\n一、請財政局" in unfolded
