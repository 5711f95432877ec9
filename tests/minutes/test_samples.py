"""Own sample records in other layouts, formats and encodings read as expected."""

from __future__ import annotations

import datetime as dt

import pytest

from livinglab.minutes import read_minutes

D = dt.date


def _items(document, meeting=0):
    return {tuple(item.path): item for item in document.meetings[meeting].items}


def test_each_layout_is_read(sample_files):
    for name, path in sample_files.items():
        document = read_minutes(path)
        expected = {"article.txt": 0, "two_records.txt": 2}.get(name, 1)
        assert len(document.meetings) == expected, name


def test_city_council_reports_directives_and_agenda_decision(sample_files):
    document = read_minutes(sample_files["council.txt"])
    meeting = document.meetings[0]
    assert (meeting.date, meeting.time, meeting.chair, meeting.recorder) == (
        D(2025, 3, 11),
        "09:30",
        "柯市長明德",
        "陳怡安",
    )
    assert meeting.title == "臺北市政府第2401次市政會議"
    items = [(tuple(i.path), i.status) for i in meeting.items]
    assert items == [
        (("貳", "一"), "noted"),
        (("貳", "二", "一"), None),
        (("貳", "二", "二"), None),
        (("參", "一"), None),
    ]
    directive = meeting.items[1]
    assert [a.name for a in directive.agencies] == ["臺北市政府交通局", "臺北市政府資訊局"]
    assert directive.deadline.date == D(2025, 6, 30)
    assert meeting.items[2].deadline.date == D(2025, 4, 1)  # 3週內
    agenda = meeting.items[3]
    assert agenda.cases == ["本市公有土地活化利用案"]
    assert [a.name for a in agenda.agencies] == ["臺北市政府地政局"]


def test_deputy_mayor_meeting_in_utf8_with_bom_and_full_width_digits(sample_files):
    meeting = read_minutes(sample_files["deputy_mayor.txt"]).meetings[0]
    assert (meeting.date, meeting.time) == (D(2024, 10, 15), "15:00")
    assert meeting.location == "新北市政府行政大樓２８樓第二會議室"
    items = _items(read_minutes(sample_files["deputy_mayor.txt"]))
    assert items[("六", "一")].cases == ["板橋車站周邊人行環境改善計畫"]
    assert items[("六", "一")].status == "tracked"
    assert items[("六", "一")].agencies[0].name == "新北市政府工務局"
    assert items[("六", "二")].status == "delisted"
    assert items[("六", "三")].status == "tracked"  # 暫不解除列管
    assert [a.mention for a in items[("七", "二")].agencies] == ["本府研考會"]


def test_committee_in_big5_with_chinese_numeral_date(sample_files):
    meeting = read_minutes(sample_files["committee.txt"]).meetings[0]
    assert (meeting.date, meeting.time) == (D(2024, 8, 20), "14:30")
    assert meeting.recorder == "吳雅婷"
    # Each point of a 決議 is an item of its own (corpus convention 1), under its
    # agenda entry, whose 案由 names the case.
    new, test_run, merged = meeting.items[1:]
    assert (new.path, new.cases, new.status) == (["一", "1"], ["智慧停車繳費整合案"], "new")
    assert (test_run.cases, test_run.deadline.date) == (["智慧停車繳費整合案"], D(2024, 12, 31))
    assert {a.name for a in new.agencies} == {"桃園市政府交通局", "桃園市政府資訊科技局"}
    assert merged.status == "merged"
    assert merged.relations[0].target == "校園數位學習環境建置計畫"


def test_district_office_in_utf16_with_bullets(sample_files):
    meeting = read_minutes(sample_files["district.txt"]).meetings[0]
    assert [i.path for i in meeting.items] == [["-"], ["-"], ["-"]]
    first, _, last = meeting.items
    assert first.agencies[0].name == "基隆市政府工務處"  # host city from the title
    assert first.deadline.date == D(2024, 5, 15)
    assert last.status == "delisted"


def test_converted_text_with_html_markdown_and_page_headers(sample_files):
    document = read_minutes(sample_files["debris.txt"])
    meeting = document.meetings[0]
    assert meeting.location == "臺北市政府市政大樓N206會議室"
    assert meeting.recorder == "黃柏翰"
    assert [i.cases for i in meeting.items] == [
        ["智慧路燈擴充計畫"],
        ["無人機巡檢試辦案"],
        ["空品感測資料開放"],
    ]
    assert [i.status for i in meeting.items] == ["tracked", "regular", "tracked"]
    assert "推動小組第8次" not in meeting.items[0].text  # page header left out


def test_two_records_in_one_file_with_gregorian_dates(sample_files):
    document = read_minutes(sample_files["two_records.txt"])
    first, second = document.meetings
    assert (first.date, first.time, second.date, second.time) == (
        D(2024, 5, 6),
        "14:30",
        D(2024, 6, 17),
        "09:00",
    )
    assert [i.status for i in first.items] == ["tracked", "delisted"]
    renamed, new = second.items
    assert renamed.status == "renamed"
    assert renamed.relations[0].to_dict() == {
        "kind": "rename",
        "sources": ["夏季觀光活動行銷案"],
        "target": "夏季觀光整合行銷案",
    }
    assert (new.cases, new.status) == (["山城步道導覽服務"], "new")
    assert new.agencies[0].name == "新北市政府觀光旅遊局"  # 本局 = the body's agency
    assert new.deadline.date == D(2024, 8, 17)  # 2個月內


def test_docx_with_header_table(sample_files):
    meeting = read_minutes(sample_files["working_group.txt"]).meetings[0]
    assert (meeting.date, meeting.chair, meeting.recorder) == (
        D(2024, 5, 21),
        "臺北市政府交通局 陳副局長品安",
        "周怡君",
    )
    merged, regular, renamed = meeting.items
    assert merged.relations[0].sources == ["跨市公車路線整併案", "轉乘優惠整合案"]
    assert {a.name for a in merged.agencies} == {"臺北市政府交通局", "新北市政府交通局"}
    assert regular.status == "regular"
    assert (renamed.status, renamed.agencies[0].name) == ("renamed", "新北市政府交通局")


def test_odt_record(sample_files):
    meeting = read_minutes(sample_files["review.txt"]).meetings[0]
    assert meeting.items[0].status == "noted"
    assert meeting.items[1].agencies[0].name == "臺北市政府產業發展局"  # 本局工商服務科
    assert meeting.items[2].agencies[0].name == "臺北市動物保護處"


def test_text_pdf_record(sample_files):
    meeting = read_minutes(sample_files["pdf_record.txt"]).meetings[0]
    assert meeting.date == D(2024, 12, 3)
    assert [(i.cases, i.status) for i in meeting.items] == [
        (["漁港觀光市集活動案"], "tracked"),
        (["攤商輔導計畫"], "delisted"),
    ]
    assert meeting.items[0].agencies[0].name == "基隆市政府產業發展處"
    assert meeting.items[0].deadline.date == D(2025, 2, 28)


def test_article_gives_no_meetings(sample_files):
    assert read_minutes(sample_files["article.txt"]).meetings == []


@pytest.mark.parametrize("name", ["council.txt", "working_group.txt", "pdf_record.txt"])
def test_bytes_input_reads_like_the_file(sample_files, name):
    path = sample_files[name]
    by_path = read_minutes(path)
    by_bytes = read_minutes(path.read_bytes(), filename=path.name)
    sniffed = read_minutes(path.read_bytes())
    assert by_bytes.meetings == by_path.meetings == sniffed.meetings
