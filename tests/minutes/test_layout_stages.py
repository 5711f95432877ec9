"""Each layout stage alone: run-together lines unfolded, header fields in any layout,
decision labels over lines."""

from livinglab.minutes.decisions import find_items
from livinglab.minutes.fields import scan_fields, sentence_fields
from livinglab.minutes.layout import unfold
from livinglab.minutes.numbering import build_tree, numbered_lines
from livinglab.minutes.reader import parse_text


def _fields(text):
    return [(f.kind, f.value) for f in scan_fields(text)]


def test_unfold_breaks_a_record_run_together_with_semicolons_and_keeps_its_length():
    text = (
        "某委員會第一次會議紀錄：甲、報告事項；乙、討論事項：一、甲案；決議：照案通過；"
        "二、乙案；決議：修正通過；丙、臨時動議：無。" * 2
    )
    unfolded = unfold(text)
    assert len(unfolded) == len(text)
    assert "\n乙、討論事項" in unfolded and "\n決議：照案通過" in unfolded


def test_unfold_blanks_the_cell_ends_of_a_flattened_table():
    assert unfold("案由 | 決議 |\n甲案 | 通過。 |\n") == "案由 | 決議  \n甲案 | 通過。  \n"


def test_a_value_on_the_next_line_after_a_blank_line():
    text = "開會日期\n\n2024-03-05 14:00\n\n開會地點\n本科會議室\n出列席人員\n\n(詳簽到簿)\n"
    assert _fields(text) == [("date", "2024-03-05 14:00"), ("location", "本科會議室")]


def test_two_fields_on_a_line_and_spaced_labels_without_colon():
    assert _fields("主 席：蔡局長   記 錄：黃詩涵\n") == [
        ("chair", "蔡局長"),
        ("recorder", "黃詩涵"),
    ]
    assert _fields("主 席 楊議員 記 錄 鄭小姐\n地  點  本會議事廳\n") == [
        ("chair", "楊議員"),
        ("recorder", "鄭小姐"),
        ("location", "本會議事廳"),
    ]
    assert _fields("主席報告：略\n紀錄確認\n") == []


def test_a_header_written_as_a_sentence():
    text = "本會第3次會議於113年10月22日上午9時在第一會議室舉行，由王主任委員主持。"
    found = {f.kind: f.value for f in sentence_fields(text)}
    assert found == {
        "date": "113年10月22日上午9時",
        "location": "第一會議室",
        "chair": "王主任委員",
    }


def test_decision_labels_on_their_own_line_and_review_opinions_are_not_items():
    text = (
        "一、案由：甲地區細部計畫\n說明：已辦理公展。\n審查意見：\n建議修正後再提會。\n"
        "決議\n請規劃單位修正計畫書。\n二、案由：乙計畫\n結論：本案暫予保留。\n"
    )
    nodes = numbered_lines(text, 0, len(text))
    build_tree(nodes, len(text))
    found = find_items(text, nodes, 0, len(text), None)
    assert [text[f.start : f.end] for f in found] == ["請規劃單位修正計畫書。", "本案暫予保留。"]
    assert [f.cues[0] for f in found] == ["label:決議", "label:結論"]


def test_a_page_of_conclusions_without_header_still_gives_its_meeting():
    (meeting,) = parse_text("結論：\n一、請資訊局持續追蹤。\n二、請民政局下次報告。\n").meetings
    assert (meeting.date, meeting.chair) == (None, None)
    assert [i.path for i in meeting.items] == [["一"], ["二"]]


def test_a_header_run_together_on_one_line_is_broken_before_its_numbered_fields():
    text = "某委員會第9次會議紀錄壹、時間:95年8月28日下午1時貳、地點:本署13樓會議室參、主席:張主任委員 紀錄:王小明肆、出席:如簽名單"
    found = {f.kind: f.value for f in scan_fields(unfold(text))}
    assert found == {
        "date": "95年8月28日下午1時",
        "location": "本署13樓會議室",
        "chair": "張主任委員",
        "recorder": "王小明",
    }


def test_a_council_record_is_dated_by_its_resolution():
    text = "議員提案\n案由：建請市府改善路燈。\n一讀日期：106-11-07\n二讀決議\n決議日期：106-12-13\n照案通過。\n"
    (meeting,) = parse_text(text).meetings
    assert meeting.date.isoformat() == "2017-12-13"
    assert [a.mention for a in meeting.items[0].agencies] == ["市府"]
