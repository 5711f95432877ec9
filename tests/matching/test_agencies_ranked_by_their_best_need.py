"""Ranking needs for a proposal also ranks their agencies, each by its best need and with
that need's reasons; one index serves both."""

from livinglab.matching import Item, rank_needs_and_groups

NEEDS = [
    Item("N-signal", "路口號誌尖峰調控", "尖峰時段路口等候過長，號誌週期無法調整。", "transport"),
    Item("N-bus", "公車到站資訊", "站牌沒有即時到站時間。", "transport"),
    Item("N-care", "長照居家服務排班", "居服員排班仰賴人工。", "health"),
    Item("N-clinic", "門診叫號整合", "候診動線混亂。", "health"),
]
AGENCY_OF = {"N-signal": "traffic", "N-bus": "traffic", "N-care": "social", "N-clinic": "hospital"}


def test_each_agency_once_in_the_order_of_its_best_need_with_its_reasons():
    proposal = Item("P", "以路側感測器調整號誌週期", "尖峰路口等候縮短。")
    needs, agencies = rank_needs_and_groups(proposal, NEEDS, AGENCY_OF, k=3)
    assert needs[0].id == "N-signal"
    assert [a.id for a in agencies][0] == "traffic"
    assert len({a.id for a in agencies}) == len(agencies) == 3
    assert agencies[0].score == needs[0].score
    assert agencies[0].reasons == needs[0].reasons
