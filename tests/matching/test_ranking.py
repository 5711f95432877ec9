"""How needs are ranked for a proposal: synonyms, English terms, domains, reasons."""

from __future__ import annotations

import re

from livinglab.matching import Item, Site, rank_agencies, rank_needs, rank_proposals, rank_sites

NEEDS = [
    Item(
        "N-park",
        "路邊停車格即時空位資訊",
        "駕駛人為了找停車位在商圈反覆繞行。",
        "transport",
        ("traffic",),
    ),
    Item(
        "N-care",
        "長照居家服務排班",
        "居服員排班仰賴督導人工安排，個案分散各地。",
        "health",
        ("ageing",),
    ),
    Item("N-pay", "傳統市場攤商行動支付", "公有市場攤商只收現金，找零與對帳費時。", "payments"),
    Item("N-data", "開放資料品質提升", "資料集欄位格式不一，開發者難以串接。", "ecosystem"),
    Item(
        "N-school",
        "國小周邊通學安全",
        "上下學時段人車爭道，學童步行上學有危險。",
        "transport",
        ("traffic",),
    ),
]


def best(proposal: Item, needs=NEEDS) -> str:
    return rank_needs(proposal, needs, k=1)[0].id


def test_a_proposal_in_synonyms_finds_its_need():
    proposal = Item("P", "照服員派班最佳化", "以演算法媒合照顧服務人力與受照顧者，自動產生班表。")
    assert best(proposal) == "N-care"


def test_a_proposal_in_english_finds_its_need():
    proposal = Item(
        "P",
        "Cashless payments for vendors",
        "QR code payments for merchants in traditional markets.",
    )
    assert best(proposal) == "N-pay"


def test_a_proposal_describing_its_technology_finds_the_problem():
    proposal = Item("P", "低功耗地磁感應器", "每一格埋設感應器，駕駛在地圖上看到附近還有幾格可停。")
    assert best(proposal) == "N-park"


def test_a_wrong_declared_domain_does_not_hide_the_right_need():
    proposal = Item(
        "P", "Caregiver rostering", "Scheduling and routing for home care workers.", "ecosystem"
    )
    assert best(proposal) == "N-care"


def test_the_domain_breaks_a_tie_between_equally_worded_needs():
    needs = [
        Item("N-a", "校園安全巡查", "以巡查改善安全", "education"),
        Item("N-b", "校園安全巡查", "以巡查改善安全", "transport"),
    ]
    for domain, expected in (("education", "N-a"), ("transport", "N-b")):
        ranked = rank_needs(Item("P", "安全巡查", "巡查", domain), needs, k=2)
        assert ranked[0].id == expected
        assert ranked[0].score > ranked[1].score
        assert any(reason.kind == "domain" for reason in ranked[0].reasons)


def test_reasons_are_never_empty_and_read_as_chinese_sentences():
    proposals = [
        Item("P1", "地磁感測空位導引", "每一格車位裝感測器", "transport"),
        Item("P2", "Caregiver rostering", "home care scheduling"),
        Item("P3", "完全無關的內容", "今天天氣很好"),
        Item("P4", "", ""),
    ]
    for proposal in proposals:
        for match in rank_needs(proposal, NEEDS, k=5):
            assert match.reasons
            for text in match.reason_texts:
                assert re.match(r"^[\u4e00-\u9fff]{2,}[：；]", text) or text.startswith(
                    "無共同詞"
                ), text
                assert "~" not in text and "|" not in text


def test_shared_terms_are_shown_as_words_of_the_proposal():
    match = rank_needs(Item("P", "停車格空位偵測", "找停車位不再繞行"), NEEDS, k=1)[0]
    terms = next(reason for reason in match.reasons if reason.kind == "terms")
    assert any("停車" in term for term in terms.values)


def test_proposals_are_ranked_for_a_need():
    proposals = [
        Item("P-pay", "掃碼收款", "菜市場攤販不用找零"),
        Item("P-park", "停車空位App", "即時車位資訊"),
        Item("P-care", "居服員排班", "長照排班"),
    ]
    assert [m.id for m in rank_proposals(NEEDS[0], proposals, k=2)][0] == "P-park"
    assert rank_proposals(NEEDS[1], proposals, k=1)[0].id == "P-care"


def test_sites_are_ranked_by_their_capabilities_and_named_in_reasons():
    sites = [
        Site("site-1", "內湖科技園區", ("5G 專網", "路側設備", "號誌控制器"), "園區道路與路口"),
        Site("site-2", "市立醫院", ("病床監測", "醫療資訊系統"), "急診與病房"),
    ]
    proposal = Item("P", "車聯網號誌優先", "需要路側設備與 5G 專網測試號誌優先通行")
    ranked = rank_sites(proposal, sites, k=2)
    assert ranked[0].id == "site-1"
    capabilities = next(r for r in ranked[0].reasons if r.kind == "capabilities")
    assert "路側設備" in capabilities.values


def test_a_needs_site_capabilities_lift_a_proposal_that_asks_for_them():
    sites = {"site-9": Site("site-9", "社宅A", ("智慧電表",))}
    needs = [
        Item("N-1", "社宅節能", "公共區域用電", "housing", sites=("site-9",)),
        Item("N-2", "社宅節能", "公共區域用電", "housing"),
    ]
    ranked = rank_needs(Item("P", "智慧電表", "以電表分析公共區域用電"), needs, k=2, sites=sites)
    assert ranked[0].id == "N-1"
    assert any(r.kind == "capabilities" for r in ranked[0].reasons)


def test_a_shared_site_is_a_reason():
    needs = [Item("N-1", "停車", "停車", sites=("site-3",)), Item("N-2", "停車", "停車")]
    ranked = rank_needs(Item("P", "停車", "停車", sites=("site-3",)), needs, k=2)
    assert ranked[0].id == "N-1"
    assert "同一場域：site-3" in ranked[0].reason_texts


def test_agencies_are_ranked_by_their_mission():
    agencies = [
        Item("A-traffic", "交通局", "號誌、停車、公共運輸與道路交通安全", "transport"),
        Item("A-health", "衛生局", "醫療、長期照顧與防疫", "health"),
    ]
    assert rank_agencies(Item("P", "AI 號誌控制", "路口車流"), agencies, k=1)[0].id == "A-traffic"


def test_no_candidates_or_k_zero_give_no_matches():
    assert rank_needs(Item("P", "x", "y"), [], k=3) == []
    assert rank_needs(Item("P", "x", "y"), NEEDS, k=0) == []
