"""A proposal's page suggests the agencies whose published needs fit it, with reasons;
an agency known only by a draft need is never suggested to a proposer."""

from django.urls import reverse

from livinglab.needs.models import Need
from livinglab.proposals.suggestions import agencies_for
from tests.pipeline import make_call, make_need, make_proposal


def test_the_agency_whose_needs_fit_comes_first_with_reasons(world):
    make_need(
        world,
        "路口號誌尖峰調控",
        agency=world.transport,
        problem="尖峰時段路口等候過長，號誌週期無法隨車流調整。",
    )
    make_need(world, "門診叫號整合", domain_key="health", problem="長者看不懂叫號看板。")
    make_need(
        world,
        "路口號誌草稿",
        agency=world.economic,
        status=Need.Status.DRAFT,
        problem="號誌週期與路口等候的草稿。",
    )
    proposal = make_proposal(world, make_call(world), title="以路側感測器調整號誌時相")
    found = agencies_for(world.proposer, proposal)
    assert found[0].target == world.transport
    assert any("號誌" in reason for reason in found[0].reasons)
    assert world.economic not in [s.target for s in found]


def test_the_page_lists_the_suggested_agencies(client, world):
    make_need(world, "路口號誌尖峰調控", agency=world.transport, problem="號誌週期無法隨車流調整。")
    proposal = make_proposal(world, make_call(world), title="以路側感測器調整號誌時相")
    client.force_login(world.proposer)
    page = client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    assert "臺北市政府交通局" in page
    assert reverse("orgs:detail", args=[world.transport.pk]) in page
