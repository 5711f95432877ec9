"""Header fields and the start of each record in a file."""

from livinglab.minutes.clean import shadow
from livinglab.minutes.header import fallback_header, find_headers

TWO = (
    "某委員會第1次會議紀錄\n時 間：113年1月5日上午10時\n地 點：第一會議室\n主 席：林主任委員\n紀 錄：王小華\n"
    "一、決議：照案通過。\n散會：上午11時\n\n"
    "某委員會第2次會議紀錄\n時 間：113年2月5日下午2時\n地 點：第二會議室\n主 席：林主任委員\n"
)


def test_each_record_with_its_fields():
    first, second = find_headers(shadow(TWO))
    assert (first.title, first.first("location"), first.first("recorder")) == (
        "某委員會第1次會議",
        "第一會議室",
        "王小華",
    )
    assert (second.date.isoformat(), second.time, second.first("recorder")) == (
        "2024-02-05",
        "14:00",
        None,
    )
    assert TWO[second.start :].startswith("某委員會第2次")


def test_fields_in_table_cells():
    text = "座談會紀錄\n日期\t113年3月1日\t時間\t09:30\n地點\t市府大樓\t紀錄\t李小姐\n主席\t張主任\t\t\n"
    (header,) = find_headers(shadow(text))
    assert (
        header.date.isoformat(),
        header.time,
        header.first("recorder"),
        header.first("chair"),
    ) == (
        "2024-03-01",
        "09:30",
        "李小姐",
        "張主任",
    )


def test_text_without_fields_or_meeting_title_has_no_record():
    text = "城市的未來\n\n壹、前言\n一、時代在變。\n"
    assert find_headers(shadow(text)) == []
    assert fallback_header(shadow(text)) is None


def test_title_as_written_minus_the_trailing_record_word():
    fields = "\n時間：113年1月5日上午10時\n地點：第一會議室\n主席：林主任委員\n"
    titles = [
        "北區平臺交通組第1次工作小組會議紀錄",
        "北區平臺交通組第1次工作小組 會議紀錄",
        "北區平臺交通組第1次工作小組\n會議紀錄",
        "北區平臺交通組第1次工作小組紀錄",
    ]
    for title in titles:
        (header,) = find_headers(shadow(title + fields))
        assert header.title == "北區平臺交通組第1次工作小組", title
    (header,) = find_headers(shadow("臺北市政府第2401次市政會議紀錄" + fields))
    assert header.title == "臺北市政府第2401次市政會議"
