"""A proposal page ranks the published needs from an index kept while they are unchanged:
indexing thousands of needs on every page made a page take seconds."""

from livinglab.matching import NeedIndex
from livinglab.proposals.suggestions import needs_for
from tests.pipeline import make_call, make_need, make_proposal


def test_two_proposal_pages_index_the_needs_once_and_a_new_need_is_seen_at_once(world, monkeypatch):
    built = []
    original = NeedIndex.__init__

    def counting(self, *args, **kwargs):
        built.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(NeedIndex, "__init__", counting)
    make_need(world, "路口號誌尖峰調控", agency=world.transport, problem="號誌週期無法隨車流調整。")
    call = make_call(world)
    first = make_proposal(world, call, title="以路側感測器調整號誌時相")
    second = make_proposal(world, call, title="號誌時相依車流即時調整")
    assert needs_for(world.proposer, first)[0].target.title == "路口號誌尖峰調控"
    assert needs_for(world.proposer, second)[0].target.title == "路口號誌尖峰調控"
    assert len(built) == 1

    make_need(world, "長者夜間跌倒通報", domain_key="health", problem="獨居長者夜間跌倒無人知。")
    third = make_proposal(world, call, title="獨居長者跌倒偵測", domain_key="health")
    assert needs_for(world.proposer, third)[0].target.title == "長者夜間跌倒通報"
    assert len(built) == 2
