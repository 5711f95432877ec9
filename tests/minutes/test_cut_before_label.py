"""A record cut before its decision label (a gazette page that starts mid-list) still
gives its meeting: the entries phrased as directions are its items, a speaker's
remarks are not."""

from livinglab.minutes.reader import parse_text

PAGE = (
    "某市政府第40次主管會報紀錄\n"
    "3.請交通處於下月底前提出公車路網調整方案。\n"
    "4.市場改建部分，應先與攤商完成協調。\n"
    "(五)可研議結合民間資源辦理。\n"
    "二、報告單位：財政處\n"
    "案由：本年度稅收概況\n"
    "李處長補充說明：\n"
    "(一)本年度稅收較去年成長百分之三。\n"
    "(二)房屋稅應收數已全數開徵，並請各區公所協助宣導。\n"
)


def test_directions_of_a_record_without_labels_are_its_items():
    (meeting,) = parse_text(PAGE).meetings
    assert meeting.title == "某市政府第40次主管會報"
    texts = [item.text for item in meeting.items]
    assert texts == [
        "請交通處於下月底前提出公車路網調整方案。",
        "市場改建部分，應先與攤商完成協調。",
        "可研議結合民間資源辦理。",
    ]
    assert all(item.confidence < 0.5 and "direction" in item.cues for item in meeting.items)


def test_a_record_without_directions_or_decisions_gives_no_items():
    text = "某市政府第41次主管會報紀錄\n1.本月稅收較上月增加。\n2.各區人口統計如附件。\n"
    assert all(not m.items for m in parse_text(text).meetings)
