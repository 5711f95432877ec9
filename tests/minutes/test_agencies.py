"""The agency dictionary and resolution of mentions in context."""

import json
from importlib import resources

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
