import pytest

from livinglab.tracking.services.identity import AUTO_LINK, REVIEW, NameIndex, similarity


@pytest.mark.parametrize(
    ("known", "written"),
    [
        ("青創交流合作", "青創合作交流"),
        ("食農/漁教育交流合作", "食農/漁教育合作交流"),
        ("山區捕獸鋏及山豬吊宣導及清除交流", "山區捕獸銹及山豬吊宣導及清除交流"),
        ("智慧農(漁)業場域交流", "智慧農（漁）業場域交流"),
        ("新興能源經驗交流合作案", "「新興能源經驗交流合作」"),
        ("公有市場聯合行銷活動", "公有市場聯合行銷活動（原雙北合作案）"),
    ],
)
def test_variants_of_a_name_link_without_asking(known, written):
    assert similarity(known, written) >= AUTO_LINK


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("雙北商業數位轉型交流", "推廣數位轉型交流活動"),
        ("新興能源經驗交流合作案", "地熱發電廠經驗交流案"),
        ("雙北農村社區經驗交流", "雙北遊蕩犬處理經驗交流"),
    ],
)
def test_different_cases_are_not_linked(a, b):
    assert similarity(a, b) < AUTO_LINK


def test_merged_case_names_lead_to_the_target():
    index = NameIndex()
    index.add(1, "雙北社會企業交流合作案")
    index.add(2, "青創交流合作")
    index.merge(1, 2)

    match = index.match("雙北社會企業交流合作案")

    assert (match.key, match.score) == (2, 1.0)


def test_a_doubtful_name_asks_instead_of_guessing():
    index = NameIndex()
    index.add(1, "智慧停車導引系統建置案")

    match = index.match("智慧停車收費系統")

    assert REVIEW <= match.score < AUTO_LINK
    assert match.needs_review and not match.is_sure
