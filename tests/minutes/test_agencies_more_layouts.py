"""Agencies in layouts the first readers missed: old county names, councils' adopted
proposals, persons named by a count, transcripts and flattened PDF text."""

from livinglab.minutes import AgencyDirectory
from livinglab.minutes.mentions import Context, assigned_agencies
from livinglab.minutes.reader import parse_text

DIRECTORY = AgencyDirectory.default()


def _given(text: str, host: str | None = None) -> list[tuple[str, str]]:
    refs = assigned_agencies(text, Context(DIRECTORY, host))
    return [(ref.mention, ref.name) for ref in refs]


def test_an_old_county_keeps_its_own_name():
    # 臺北縣 (now 新北市) and 桃園縣 (now 桃園市) are other bodies than today's cities
    assert DIRECTORY.city_of("臺北縣政府第88次擴大主管會報") is None
    assert DIRECTORY.city_of("桃園縣議會") is None
    assert DIRECTORY.city_of("臺北市政府") == "臺北市"
    assert DIRECTORY.city_of("臺北產業局") == "臺北市"
    assert _given("請臺北縣教育局研議，並由桃園縣環保局協助。") == [
        ("臺北縣教育局", "臺北縣教育局"),
        ("桃園縣環保局", "桃園縣環保局"),
    ]
    # 本縣 is no county's name: the unit keeps the words as written, unplaced
    assert _given("請本縣工務局研議。") == [("本縣工務局", "本縣工務局")]


def test_a_county_record_names_its_deputy_head():
    record = (
        "臺北縣政府第88次擴大主管會報紀錄\n"
        "縣長裁示事項：\n"
        "一、河濱步道整建計畫應於汛期前完成，請王副縣長督導相關工程進度。\n"
        "二、請教育局研擬暑期營隊方案。\n"
    )
    meeting = parse_text(record).meetings[0]
    assert [[a.mention for a in item.agencies] for item in meeting.items] == [
        ["王副縣長"],
        ["教育局"],
    ]
    # no city's directory claims the county's 教育局
    assert meeting.items[1].agencies[0].name == "教育局"


def _agencies_of(record: str) -> list[list[str]]:
    meetings = parse_text(record).meetings
    return [[a.mention for a in item.agencies] for m in meetings for item in m.items]


def test_adopted_as_reviewed_names_the_party_of_the_review_in_key_value_bullets():
    record = (
        "議員提案\n"
        "- 案號\n- 7\n"
        "- 案由\n"
        "- 建請交通部公路局改善省道路口號誌，以維行人安全。\n"
        "- 審查意見\n- 函送縣府研處。\n"
        "- 大會決議\n- 照審查意見通過。\n"
        "- 發文日期\n- 2022/05/03\n"
    )
    assert _agencies_of(record) == [["縣府"]]


def test_adopted_proposals_on_a_page_cut_before_its_first_number():
    record = (
        "審查意見:\n"
        "議 決:通過。\n"
        "五、提 案 人:王議員大明\n"
        "案 由:為社區活動中心屋頂漏水修繕,以利里民使用。\n"
        "說 明:屋頂多處滲水,里民反映已久,建請市政府儘速編列預算\n"
        "修繕。\n"
        "辦 法:\n"
        "審查意見:\n"
        "議 決:通過。\n"
        "六、提 案 人:李議員小華\n"
        "案 由:區內自來水管線老舊,常有漏水,建請市府與自來水公\n"
        "司研議汰換。\n"
        "說 明:\n"
        "辦 法:\n"
        "審查意見:\n"
        "議 決:通過。\n"
    )
    # the first decision's proposal is cut off: nothing of the next one is its party;
    # the second's 案由 names none, its 說明 does; the third's 案由 runs over a wrap
    assert _agencies_of(record) == [[], ["市政府"], ["市府", "自來水公司"]]


def test_a_database_record_whose_review_follows_the_resolution():
    record = (
        "議員提案 第301號\n"
        "案由:本市老舊公園遊具應全面汰換,以維兒童安全。\n"
        "議決文:照審查意見通過。\n"
        "審查日期:民國111年03月02日\n"
        "審查意見:送請市府研議辦理。\n"
    )
    assert _agencies_of(record) == [["市府"]]


def test_parts_labelled_without_colons_and_alternatives_joined_by_or():
    record = (
        "議員提案 第 9 屆第 3 次定期會\n"
        "提  案  人 張三\n"
        "案  由 請花蓮縣政府或轉請東部海岸國家風景區管理處修繕海岸步道,以利遊客通行。\n"
        "說  明 一、步道木棧板多處斷裂,建請縣府儘速處理。\n"
        "辦  法 同案由。\n"
        "決  議 照案通過。\n"
    )
    assert _agencies_of(record) == [["花蓮縣政府", "東部海岸國家風景區管理處"]]


def test_persons_named_by_a_list_closed_by_their_number_and_title():
    assert _given("推請甲〔召集人〕、林大同、陳小明三議員組成小組調查。") == [
        ("甲〔召集人〕", "甲〔召集人〕"),
        ("林大同", "林大同"),
        ("陳小明", "陳小明"),
    ]
    # 等議員: no number closes the list, so no name is read from it
    assert _given("公推王一、李二等議員擔任委員。") == []


def test_titles_listed_after_a_request_and_a_unit_consulted_first():
    assert [m for m, _ in _given("審議時應請縣政府主席、衛生署中區署長暨相關單位首長列席。")] == [
        "縣政府主席",
        "衛生署中區署長",
        "相關單位首長",
    ]
    assert _given("會法學院意見後再提下次會議討論。") == [("法學院", "法學院")]
    # 社會局 is no consultation: 會 inside a name
    assert _given("社會局意見已納入報告。") == []


def test_a_unit_a_file_is_sent_on_to():
    assert [m for m, _ in _given("請鄉公所備齊資料，提報至行政院農業委員會審核。")] == [
        "鄉公所",
        "行政院農業委員會",
    ]


def test_a_year_in_brackets_at_a_line_start_is_no_list_number():
    record = (
        "座談會會議紀錄\n"
        "會議決議內容:\n"
        "一、請甲鄉公所彙整颱風災害資料,並於本\n"
        "(95)年度結束前送交通部公路總局辦理。\n"
        "二、請乙鄉公所派員會勘。\n"
    )
    meeting = parse_text(record).meetings[0]
    assert [item.path for item in meeting.items] == [["一"], ["二"]]
    assert "(95)年度結束前" in meeting.items[0].text


def test_a_unit_a_file_is_sent_on_to_after_a_hard_wrap():
    text = "請鄉公所備齊資料，\n提報至行政院農業委員會審核。"
    assert [m for m, _ in _given(text)] == ["鄉公所", "行政院農業委員會"]
