"""Ranking a whole call at once (batches of queries) gives every proposal the same needs,
scores and reasons as ranking it alone, sites and their capabilities included."""

from __future__ import annotations

from pathlib import Path

from livinglab.matching import Item, Ranker, Site, rank_all
from livinglab.matching.jsonl import read_items
from livinglab.matching.ranker import BATCH

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "matching"
SITES = {
    "park": Site("park", "內湖科技園區", ("5G 專網", "路側設備", "充電樁")),
    "homes": Site("homes", "健康社宅", ("社會住宅", "長照據點")),
}


def with_sites(needs: list[Item]) -> list[Item]:
    chosen = [("park",), ("homes",), ()]
    return [
        Item(need.id, need.title, need.text, need.domain, need.tags, chosen[n % 3])
        for n, need in enumerate(needs)
    ]


def test_a_call_ranked_at_once_equals_each_proposal_ranked_alone():
    needs = with_sites(read_items(DATA / "needs.jsonl"))
    proposals = read_items(DATA / "proposals.jsonl")
    # More proposals than one batch, so that batches are cut and joined again.
    proposals = (proposals * (BATCH // len(proposals) + 2))[: BATCH + 37]
    proposals = [Item(f"{p.id}-{n}", p.title, p.text, p.domain) for n, p in enumerate(proposals)]
    at_once = rank_all(proposals, needs, k=3, sites=SITES)
    ranker = Ranker(needs, trusted_domains=True, sites=SITES)
    assert list(at_once) == [proposal.id for proposal in proposals]
    for proposal in proposals[:: len(proposals) // 40]:
        alone = ranker.rank(ranker.prepare_query(proposal, False), 3)
        assert at_once[proposal.id] == alone
    capability_reasons = [
        reason
        for matches in at_once.values()
        for match in matches
        for reason in match.reasons
        if reason.kind == "capabilities"
    ]
    assert capability_reasons, "the sites' capabilities count in the batch too"


def test_queries_with_no_known_term_get_scores_of_zero_text_and_still_rank():
    needs = [
        Item("N-1", "路邊停車", "停車格", "transport"),
        Item("N-2", "長照", "居服員", "health"),
    ]
    queries = [Item("P-1", "", ""), Item("P-2", "停車", ""), Item("P-3", "🙂", "")]
    found = rank_all(queries, needs, k=2)
    assert [m.id for m in found["P-2"]][0] == "N-1"
    assert len(found["P-1"]) == len(found["P-3"]) == 2
