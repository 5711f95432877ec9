"""Ranking proposals for a need, the capabilities of the need's own field sites count:
a proposal that asks for one of them comes first and says so in its reasons."""

from livinglab.matching import Item, Site, rank_proposals

SITES = {"road": Site("road", "信義路智慧路口", ("5G 專網", "路側設備"))}
NEED = Item("N", "路口號誌尖峰調控", "尖峰時段路口等候過長。", "transport", sites=("road",))


def test_the_proposal_asking_for_the_sites_capability_comes_first_with_the_reason():
    plain = Item("P-plain", "路口號誌尖峰調控", "尖峰時段路口號誌調整。", "transport")
    asks = Item("P-5g", "路口號誌尖峰調控", "尖峰時段路口號誌調整，以 5G 專網回傳。", "transport")
    found = rank_proposals(NEED, [plain, asks], k=2, sites=SITES)
    assert [match.id for match in found] == ["P-5g", "P-plain"]
    kinds = {reason.kind: reason.values for reason in found[0].reasons}
    assert kinds["capabilities"] == ("5G 專網",)
    assert "capabilities" not in {reason.kind for reason in found[1].reasons}


def test_without_the_site_catalogue_the_capability_adds_nothing():
    asks = Item("P-5g", "路口號誌", "以 5G 專網回傳。", "transport")
    found = rank_proposals(NEED, [asks], k=1)
    assert "capabilities" not in {reason.kind for reason in found[0].reasons}
