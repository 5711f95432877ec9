"""End to end on the seed documents in ../shared/seeds (skipped where absent)."""

from __future__ import annotations

import datetime as dt

import pytest

from livinglab.minutes import read_minutes

D = dt.date
WORKING_GROUP = "004_485b4fef11a00f44.txt"

# Per meeting of the working-group file: date, time, chair, recorder, and the
# (first case, status) of every decision item as a careful reader sees them.
EXPECTED_004 = [
    (
        D(2023, 6, 26),
        "14:00",
        "新北市政府經濟發展局 黃副局長碧玉",
        "游鎮海",
        [
            ("雙北合作推動國內跨境電商標竿企業選拔", "delisted"),
            ("公司申請增資及遷址變更登記啟動跨縣市資金媒合合作服務", "delisted"),
            ("結合桃園新北物流業者加強雙港物流之交流", "delisted"),
            ("電競產業推動合作案", "merged"),
            ("雙北社會企業交流合作案", "merged"),
            ("公有市場聯合行銷活動", "tracked"),
            ("雙北食農教育合作交流", "tracked"),
            ("觀光工廠跨縣市交流合作活動案", "renamed"),
            ("桃園新北智慧農業場域交流", "merged"),
            ("推動北五堵與保長坑策略合作計畫", "tracked"),
            ("研擬基北北桃設置公立寵物焚化爐可行性", "new"),
        ],
    ),
    (
        D(2023, 9, 23),
        "10:00",
        "臺北市政府產業發展局王三中副局長",
        "蔡孟君",
        [
            ("電競產業推動合作案", "tracked"),
            ("青創交流合作", "tracked"),
            ("推動北五堵與保長坑策略合作計畫", "tracked"),
            ("公有市場聯合行銷活動", "tracked"),
            ("食農/漁教育交流合作", "tracked"),
            ("觀光工廠職涯探索見學交流", "tracked"),
            ("智慧農(漁)業場域交流", "tracked"),
            ("地熱發電廠經驗交流案", "new"),
            ("推廣數位轉型交流活動", "new"),
        ],
    ),
    (
        D(2023, 11, 29),
        "14:00",
        "基隆市政府產業發展處 林處長鼎超 鄭副處長永陽",
        "許財生",
        [
            ("電競產業推動合作案", "regular"),
            ("青創交流合作", "tracked"),
            ("推動北五堵與保長坑策略合作計畫", "tracked"),
            ("公有市場聯合行銷活動", "tracked"),
            ("食農/漁教育合作交流", "tracked"),
            ("觀光工廠職涯探索見學交流", "delisted"),
            ("智慧農（漁）業場域交流", "regular"),
            ("地熱發電廠經驗交流案", "delisted"),
            ("推廣數位轉型交流活動", "delisted"),
        ],
    ),
    (
        D(2024, 2, 27),
        "14:00",
        "桃園市政府經濟發展局 簡主任秘書偉崙",
        "陳妙熏",
        [
            ("青創交流合作", "tracked"),
            ("推動北五堵與保長坑策略合作計畫", "delisted"),
            ("公有市場聯合行銷活動", "tracked"),
            ("食農/漁教育合作交流", "regular"),
            ("新興能源經驗交流合作案", "new"),
        ],
    ),
    (
        D(2024, 6, 3),
        "14:00",
        "新北市政府經濟發展局 黃副局長碧玉",
        "游鎮海",
        [
            ("青創合作交流", "tracked"),
            ("公有市場聯合行銷活動", "tracked"),
            ("新興能源經驗交流合作案", "tracked"),
            ("山區捕獸銹及山豬吊宣導及清除交流", "new"),
            ("瑞芳工業區事業廢棄物清運案", "new"),
        ],
    ),
    (
        D(2024, 9, 27),
        "14:00",
        "臺北市政府產業發展局王三中副局長",
        "蔡孟君",
        [
            ("青創交流合作", "tracked"),
            ("公有市場聯合行銷活動", "tracked"),
            ("新興能源經驗交流合作案", "tracked"),
            ("山區捕獸鋏及山豬吊宣導及清除交流", "tracked"),
            ("瑞芳工業區事業廢棄物清運案", "tracked"),
        ],
    ),
    (
        D(2024, 11, 13),
        "14:00",
        "基隆市政府產業發展處 蔡副處長馥寧",
        "張雅綾",
        [
            ("青創交流合作", "tracked"),
            ("公有市場聯合行銷活動", "regular"),
            ("新興能源經驗交流合作案", "tracked"),
            ("山區捕獸鋏及山豬吊宣導及清除交流", "tracked"),  # routine work described
            ("瑞芳工業區事業廢棄物清運案", "tracked"),
        ],
    ),
]


@pytest.fixture(scope="module")
def working_group(seeds):
    return read_minutes(seeds / WORKING_GROUP)


def test_working_group_file_holds_seven_meetings(working_group):
    assert len(working_group.meetings) == 7


@pytest.mark.parametrize("index", range(7))
def test_working_group_meeting_fields_cases_and_statuses(working_group, index):
    date, time, chair, recorder, cases = EXPECTED_004[index]
    meeting = working_group.meetings[index]
    assert (meeting.date, meeting.time, meeting.chair, meeting.recorder) == (
        date,
        time,
        chair,
        recorder,
    )
    assert meeting.title and "產業民生組" in meeting.title
    assert [(item.cases[0] if item.cases else None, item.status) for item in meeting.items] == cases


def test_first_meeting_paths_follow_the_numbering(working_group):
    paths = [item.path for item in working_group.meetings[0].items]
    assert paths[:4] == [
        ["伍", "一", "一"],
        ["伍", "一", "二", "1"],
        ["伍", "一", "二", "2"],
        ["伍", "二", "一"],
    ]
    assert paths[-2:] == [["伍", "三"], ["伍", "四"]]


def test_first_meeting_lists_the_eight_delisted_cases(working_group):
    assert len(working_group.meetings[0].items[0].cases) == 8


def test_first_meeting_lineage(working_group):
    items = {tuple(i.path): i for i in working_group.meetings[0].items}
    youth = items[("伍", "二", "二")].relations[0]
    assert (youth.kind, youth.sources, youth.target) == (
        "merge",
        ["雙北社會企業交流合作案", "北桃創新創業基地觀摩交流"],
        "青創交流合作",
    )
    factory = items[("伍", "二", "五")].relations[0]
    assert (factory.kind, factory.target) == ("rename", "觀光工廠職涯探索見學交流")
    farming = items[("伍", "二", "六")].relations[0]
    assert (farming.kind, farming.target) == ("merge", "智慧農(漁)業場域交流")
    assert len(farming.sources) == 2


def test_first_meeting_agencies_and_deadline(working_group):
    items = {tuple(i.path): i for i in working_group.meetings[0].items}
    proposal = items[("伍", "四")]
    assert proposal.deadline.to_dict() == {"mention": "7 月 10 日前", "date": "2023-07-10"}
    assert {a.name for a in proposal.agencies} >= {
        "基隆市動物保護防疫所",
        "新北市政府動物保護防疫處",
        "桃園市政府動物保護處",
        "臺北市動物保護處",
    }
    esports = items[("伍", "二", "一")]
    members = [a.name for a in esports.agencies if a.mention == "四市"]
    assert members == ["基隆市政府", "臺北市政府", "新北市政府", "桃園市政府"]


def test_short_names_resolve_by_the_city_they_name(working_group):
    names = {
        a.mention: a.name
        for meeting in working_group.meetings
        for item in meeting.items
        for a in item.agencies
    }
    assert names["新北市經發局"] == "新北市政府經濟發展局"
    assert names["新北農業局"] == "新北市政府農業局"
    assert names["臺北市市場處"] == "臺北市市場處"
    assert names["本局"] == "臺北市政府產業發展局"
    assert names["本市環保局"] == "基隆市環境保護局"


def test_council_directives_with_agencies_and_two_month_deadline(seeds):
    document = read_minutes(seeds / "000_0d4d82c02d92028a.txt")
    (meeting,) = document.meetings
    assert (meeting.date, meeting.time, meeting.chair) == (D(2026, 4, 7), "14:00", "吳文德主任委員")
    items = {tuple(i.path): i for i in meeting.items}
    inventory = items[("伍", "一", "三", "2")]
    assert inventory.deadline.to_dict() == {"mention": "2個月內", "date": "2026-06-07"}
    assert [a.name for a in inventory.agencies] == ["臺北市政府產業發展局"]
    land = items[("伍", "一", "四", "3")]
    assert [a.mention for a in land.agencies][:2] == ["地政局", "產業局"]
    assert all(a.name.startswith("臺北市政府") for a in land.agencies)
    assert "張溫德副市長" not in [a.mention for a in land.agencies]
    assert items[("伍", "二")].agencies[0].name == "臺北市政府交通局交通管制工程處"
    assert items[("伍", "三")].agencies[0].name == "臺北市政府研究發展考核委員會"
    assert all(item.path[0] == "伍" for item in meeting.items)


def test_forum_record_reads_with_its_metadata(seeds):
    (meeting,) = read_minutes(seeds / "001_c33521a9eed413fa.txt").meetings
    assert (meeting.date, meeting.time) == (D(2022, 9, 5), "10:30")
    assert meeting.chair == "臺北智慧城市專案辦公室 李鎮宇主任"
    assert meeting.recorder and meeting.location


def test_article_gives_no_meetings(seeds):
    assert read_minutes(seeds / "002_3affd27e1d8414f5.txt").meetings == []


def test_summit_summary_reads_with_title_and_date(seeds):
    (meeting,) = read_minutes(seeds / "003_6b46c03ab03d7f0a.txt").meetings
    assert meeting.date == D(2021, 3, 23)
    assert "首長高峰會" in meeting.title
