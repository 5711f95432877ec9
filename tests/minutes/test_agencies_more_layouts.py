"""Agencies in layouts the first readers missed: old county names, councils' adopted
proposals, persons named by a count, transcripts and flattened PDF text."""

from livinglab.minutes import AgencyDirectory
from livinglab.minutes.reader import parse_text
from livinglab.minutes.mentions import Context, assigned_agencies

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
