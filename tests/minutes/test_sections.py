"""Decision parts give items; report-only parts do not."""

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
