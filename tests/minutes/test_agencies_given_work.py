"""Who an item gives work to, outside any directory's cities: names broken by a hard
wrap, every unit of a kind as the subject, the unit in brackets that ends an entry,
bare 中央; not a unit merely named, praised or kept from the work."""

import pytest

from livinglab.minutes import AgencyDirectory
from livinglab.minutes.mentions import Context, assigned_agencies


def _given(text: str) -> list[str]:
    return [ref.mention for ref in assigned_agencies(text, Context(AgencyDirectory.default()))]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # a hard wrap inside a name
        ("請宜蘭縣南澳鄉\n公所檢具相關資料。", ["宜蘭縣南澳鄉公所"]),
        ("並請行政院原住民族委\n員會優先補助。", ["行政院原住民族委員會"]),
        # the longest name before a word that is no stop (重視), not its first part
        ("本案請行政院體育委員會重\n視並副知本席。", ["行政院體育委員會"]),
        # 宜 is a stop (宜儘速) but not in 宜蘭
        ("請宜蘭縣政府就堤防問題辦理會勘。", ["宜蘭縣政府"]),
        # every unit of a kind, the subject of the item
        ("各局處協助推廣，並請彙整成果。", ["各局處"]),
        ("各科技計畫辦理機關回復審查意見後，請據以修正。", ["各科技計畫辦理機關"]),
        # charged right after the mention
        ("社群媒體應善加運用，尤其觀光新聞處更應多所著墨。", ["觀光新聞處"]),
        # bare 中央
        ("省長民選應請中央妥為規劃。", ["中央"]),
        # 送交通部…: 交通部 is the name, 交 no request
        ("請鄉公所彙整資料，送交通部公路總局辦理。", ["鄉公所", "交通部公路總局"]),
        # the unit in brackets that ends the entry is the one in charge
        ("大同之家主任一職，請林局長暫兼。（民政局）", ["民政局"]),
    ],
)
def test_given_work(text, mentions):
    assert _given(text) == mentions


@pytest.mark.parametrize(
    "text",
    [
        "交通局高局長建議之花展部分，本府可與各鄉鎮市結合。",  # merely named
        "本次獲獎，警察局提報的方案功不可沒。",  # praised, no request
        "工程均不得再以議價方式交由榮工處承包。",  # kept from the work
    ],
)
def test_named_but_not_given_work(text):
    assert _given(text) == []
