"""Decision parts give items; report-only parts do not."""

import pytest

from livinglab.minutes.reader import parse_text

HEAD = "某局局務會議紀錄\n時間：113年5月2日上午9時\n地點：本局會議室\n主席：陳局長\n紀錄：吳小姐\n"


def _paths(body):
    (meeting,) = parse_text(HEAD + body).meetings
    return [i.path for i in meeting.items]


def test_report_without_decision_gives_no_item():
    assert (
        _paths("壹、報告事項\n一、業務科報告本月進度。\n二、會計室報告預算執行。\n貳、散會\n") == []
    )


def test_report_with_decision_line_gives_an_item():
    assert _paths("壹、報告事項\n一、業務科報告本月進度。\n決定：洽悉。\n二、會計室報告。\n") == [
        ["壹", "一"]
    ]


def test_directives_under_a_chair_heading_are_the_leaves():
    body = "貳、主席裁示：\n一、關於交通改善\n（一）請交通局研議。\n（二）請工務局配合。\n二、請各單位落實。\n"
    assert _paths(body) == [["貳", "一", "一"], ["貳", "一", "二"], ["貳", "二"]]


def test_an_entry_naming_a_case_takes_its_sub_entries():
    body = "伍、會議結論：\n一、列管案件（計1案）：\n（一）智慧路燈案：\n1. 請工務局辦理。\n2. 繼續列管。\n"
    (meeting,) = parse_text(HEAD + body).meetings
    (item,) = meeting.items
    assert item.path == ["伍", "一", "一"]
    assert "繼續列管" in item.text and item.status == "tracked"


def test_agenda_item_with_its_own_decision_is_one_item():
    body = "參、討論事項\n一、案由：本市公園認養案，提請討論。\n說明：略。\n決議：照案通過。\n"
    (meeting,) = parse_text(HEAD + body).meetings
    assert [(i.path, i.cases) for i in meeting.items] == [(["參", "一"], ["本市公園認養案"])]


def test_unnumbered_decision_heading_opens_a_decision_part():
    assert _paths(
        "會議結論：\n一、請資訊科更新網站。\n二、請總務科採購設備。\n散會：上午10時\n"
    ) == [["一"], ["二"]]


TRACKING_HEAD = (
    "北區聯合治理平臺環境組工作小組會議紀錄\n時間：113年5月2日上午9時\n"
    "地點：新北市政府會議室\n主席：新北市政府環境保護局 李副局長\n紀錄：吳小姐\n"
)


def _items(body, head=TRACKING_HEAD):
    (meeting,) = parse_text(head + body).meetings
    return meeting.items


def test_case_heading_takes_sub_entries_whose_first_words_end_in_a_colon():
    items = _items(
        "伍、會議結論：\n一、列管合作案（計2案）：\n（一）河川巡守志工交流案：\n"
        "1. 路線規劃：請新北市政府環境保護局於8月底前提出聯合巡守路線。\n"
        "2. 經費：由各市自行編列，本案持續列管。\n"
        "（二）資源回收站互訪：請各市持續辦理。\n"
    )
    assert [(i.path, i.cases) for i in items] == [
        (["伍", "一", "一"], ["河川巡守志工交流案"]),
        (["伍", "一", "二"], ["資源回收站互訪"]),
    ]
    river = items[0]
    assert "路線規劃" in river.text and "經費" in river.text
    assert (river.status, river.deadline.mention) == ("tracked", "8月底")
    assert [a.name for a in river.agencies] == ["新北市政府環境保護局"]


def test_case_heading_in_a_category_without_count_is_one_item_with_future_delisting():
    items = _items(
        "伍、會議決議：\n一、持續合作案：\n（一）淨灘志工交流：\n"
        "1. 感謝基隆市上月辦理外木山淨灘。\n"
        "2. 請各市於年底辦理完成後，將成果提報第4季小組會議解除列管。\n"
        "（二）資源回收站互訪：\n1. 本案持續推動。\n2. 請桃園市政府環境保護局安排參訪。\n"
    )
    assert [(i.path, i.cases, i.status) for i in items] == [
        (["伍", "一", "一"], ["淨灘志工交流"], "tracked"),
        (["伍", "一", "二"], ["資源回收站互訪"], "tracked"),
    ]
    assert items[0].deadline.date.isoformat() == "2024-12-31"


@pytest.mark.parametrize(
    "body",
    [
        "決議：\n一、海岸淨灘合作案：\n（一）請基隆市政府環境保護局安排場次。\n（二）本案持續列管。\n"
        "二、廚餘再利用交流案：\n（一）已辦理完成。\n（二）同意解除列管。\n",
        "決議：\n1. 海岸淨灘合作案：\n(1) 請基隆市政府環境保護局安排場次。\n(2) 本案持續列管。\n"
        "2. 廚餘再利用交流案：\n(1) 已辦理完成。\n(2) 同意解除列管。\n",
        "決議：\n壹、海岸淨灘合作案\n一、請基隆市政府環境保護局安排場次。\n二、本案持續列管。\n"
        "貳、廚餘再利用交流案\n一、已辦理完成。\n二、同意解除列管。\n",
        "決議：\n- 「海岸淨灘合作案」：\n  1、請基隆市政府環境保護局安排場次。\n  2、本案持續列管。\n"
        "- 「廚餘再利用交流案」：\n  1、已辦理完成。\n  2、同意解除列管。\n",
    ],
)
def test_one_item_per_case_in_every_numbering_style(body):
    items = _items(body)
    assert [(i.cases, i.status) for i in items] == [
        (["海岸淨灘合作案"], "tracked"),
        (["廚餘再利用交流案"], "delisted"),
    ]
    assert [len(i.path) for i in items] in ([1, 1], [2, 2])
    assert "安排場次" in items[0].text and "本案持續列管" in items[0].text


def test_topic_over_cases_gives_one_item_per_case():
    items = _items(
        "伍、會議結論：\n一、交通類：\n（一）智慧停車合作案：請交通局持續辦理。\n"
        "（二）公車轉乘優惠案：同意解除列管。\n"
    )
    assert [(i.path, i.cases, i.status) for i in items] == [
        (["伍", "一", "一"], ["智慧停車合作案"], "tracked"),
        (["伍", "一", "二"], ["公車轉乘優惠案"], "delisted"),
    ]
