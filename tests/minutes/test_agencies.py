"""The agency dictionary and resolution of mentions in context."""

import json
from importlib import resources

import pytest

from livinglab.minutes import AgencyDirectory
from livinglab.minutes.mentions import Context, find_agencies

DIRECTORY = AgencyDirectory.default()


def test_dictionary_file_has_the_shared_format_for_four_cities():
    data = json.loads(
        resources.files("livinglab.minutes").joinpath("data/agencies.json").read_text("utf-8")
    )
    assert [c["name"] for c in data["cities"]] == ["臺北市", "新北市", "基隆市", "桃園市"]
    for city in data["cities"]:
        assert set(city) == {"name", "government", "aliases", "agencies"}
        for agency in city["agencies"]:
            assert set(agency) == {"name", "short", "aliases", "units"}
            assert agency["name"].startswith(city["name"])
            for unit in agency["units"]:
                assert set(unit) == {"name", "short", "aliases"}


def test_short_name_needs_a_city():
    assert DIRECTORY.resolve("教育局") is None
    assert DIRECTORY.resolve("教育局", "基隆市") is None  # 基隆 has 教育處
    assert DIRECTORY.resolve("教育處", "基隆市") == "基隆市政府教育處"
    assert DIRECTORY.resolve("交通局", "臺北市") == "臺北市政府交通局"


def test_city_named_in_the_mention_wins():
    assert DIRECTORY.resolve("新北市經發局", "臺北市") == "新北市政府經濟發展局"
    assert DIRECTORY.resolve("臺北市市場處", "新北市") == "臺北市市場處"
    assert DIRECTORY.resolve("新北農業局") == "新北市政府農業局"
    assert DIRECTORY.resolve("台北市交工處") == "臺北市政府交通局交通管制工程處"
    assert DIRECTORY.resolve("研考會", "桃園市") == "桃園市政府研究發展考核委員會"


def test_mentions_in_text_with_host_self_and_members():
    context = Context(DIRECTORY, "臺北市", "臺北市政府產業發展局", ["臺北市", "新北市"])
    refs = find_agencies("請張溫德副市長督導，本局、交通局及新北市政府環保局與2市配合", context)
    assert [(r.mention, r.name) for r in refs] == [
        ("本局", "臺北市政府產業發展局"),
        ("交通局", "臺北市政府交通局"),
        ("新北市政府環保局", "新北市政府環境保護局"),
    ]
    refs = find_agencies("請4市協助", Context(DIRECTORY, "臺北市", None, ["基隆市", "臺北市"]))
    assert [r.name for r in refs] == ["基隆市政府", "臺北市政府"]


def test_people_with_titles_are_not_agencies():
    context = Context(DIRECTORY, "臺北市")
    assert find_agencies("黃副局長碧玉及交通局長出席", context) == []


def test_extra_names_from_the_platform():
    extra = DIRECTORY.with_extra(
        [
            {
                "city": "臺北市",
                "name": "臺北市政府智慧城市委員會",
                "short": "智慧城市委員會",
                "aliases": ["智城會"],
                "parent": None,
            }
        ]
    )
    assert extra.resolve("智城會", "臺北市") == "臺北市政府智慧城市委員會"
    assert DIRECTORY.resolve("智城會", "臺北市") is None


MEMBERS = ["基隆市", "臺北市", "新北市", "桃園市"]
NEW_TAIPEI = Context(DIRECTORY, "新北市", "新北市政府經濟發展局", MEMBERS)


def _assigned(text, names=()):
    from livinglab.minutes.mentions import assigned_agencies

    return [(r.mention, r.name) for r in assigned_agencies(text, NEW_TAIPEI, list(names))]


def test_an_agency_thanked_is_not_given_work():
    assert _assigned("感謝新北市政府文化局提供場地，請交通局研議接駁。") == [
        ("交通局", "新北市政府交通局")
    ]


def test_member_cities_in_a_case_name_are_not_assigned():
    text = "本案同意擴大為4市交流合作案，請新北市經發局邀約觀摩。"
    assert _assigned(text) == [("新北市經發局", "新北市政府經濟發展局")]
    assert _assigned("有關「4市青年創業交流」，請各市持續辦理。")[0][0] == "各市"


def test_a_request_names_whom_it_asks_not_who_is_reported_on():
    text = "桃園市政府經濟發展局預計10月辦理展售活動，請新北市政府市場處確認時間。"
    assert _assigned(text) == [("新北市政府市場處", "新北市政府市場處")]


def test_a_request_without_subject_is_made_to_the_agency_named_before_it():
    text = "新北市政府農業局將於下半年舉辦參訪，請擴大邀請鄰近城市參與。"
    assert _assigned(text) == [("新北市政府農業局", "新北市政府農業局")]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("本案由交通局主辦，資訊局協辦。", ["交通局", "資訊局"]),
        ("交研考會研議後再提會報告。", ["研考會"]),
        ("責成工務局於月底前完成。", ["工務局"]),
        ("請交通局完成站牌整合，並與資訊局共同檢討介接。", ["交通局", "資訊局"]),
        ("交通局與工務局應加速推動道路工程。", ["交通局", "工務局"]),  # a directive
    ],
)
def test_assignment_patterns(text, mentions):
    assert [m for m, _ in _assigned(text)] == mentions


def test_an_agency_released_from_the_case_is_not_assigned():
    text = "另因業務調整，後續本案不列管桃園市政府經濟發展局，改由青年事務局辦理。"
    assert _assigned(text) == [("青年事務局", "桃園市政府青年事務局")]


def test_education_agencies_of_a_grouping_or_the_members():
    expected = ["基隆市政府教育處", "臺北市政府教育局", "新北市政府教育局", "桃園市政府教育局"]
    assert [n for _, n in _assigned("本案成員亦將納入基北北桃教育局處。")] == expected
    assert _assigned("請4市教育局處配合宣導。") == [("4市教育局處", n) for n in expected]
    assert [n for _, n in _assigned("請雙北交通局研議。")] == [
        "臺北市政府交通局",
        "新北市政府交通局",
    ]


def test_a_bare_name_takes_the_city_named_in_its_clause_or_before():
    text = "臺北市因青年局成立，部分業務將移轉，請確認權責是否改由青年局承接。"
    assert _assigned(text) == [("青年局", "臺北市政府青年局")]


def test_agencies_from_the_case_heading_when_the_item_names_none():
    from livinglab.minutes.reader import parse_text

    record = (
        "北區平臺工作小組會議紀錄\n時間：113年5月2日上午9時\n地點：臺北市政府會議室\n"
        "主席：陳副局長\n紀錄：吳小姐\n會議結論：\n"
        "一、市有閒置空間活化案。（地政局）\n（一）本案持續列管。\n（二）下次會議提出進度。\n"
    )
    (meeting,) = parse_text(record).meetings
    assert [(i.path, [a.name for a in i.agencies]) for i in meeting.items] == [
        (["一"], ["臺北市政府地政局"])
    ]
