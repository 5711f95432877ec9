"""A proposal's page suggests the needs and field sites the ranker finds for it, with its
reasons; a need the reader may not see (a draft) is never suggested."""

import pytest
from django.urls import reverse

from livinglab.needs.models import Domain, Need
from livinglab.proposals.suggestions import needs_for, sites_for
from livinglab.sites.models import FieldSite
from tests.trials.conftest import make_proposal


@pytest.fixture
def needs(world):
    transport = Domain.objects.get(key="transport")
    health = Domain.objects.get(key="health")

    def need(title, problem, domain, status=Need.Status.PUBLISHED):
        return Need.objects.create(
            title=title, problem=problem, domain=domain, agency=world.transport, status=status
        )

    return {
        "signals": need(
            "路口號誌尖峰調控", "尖峰時段路口等候過長，號誌週期無法隨車流調整。", transport
        ),
        "clinic": need("門診叫號整合", "長者看不懂叫號看板，候診動線混亂。", health),
        "draft": need(
            "路口號誌草稿需求", "號誌時相與路口等候的內部草稿。", transport, Need.Status.DRAFT
        ),
    }


def test_the_matching_need_comes_first_with_reasons(world, needs):
    proposal = make_proposal(world, title="以路側感測器調整號誌時相")
    suggested = needs_for(world.proposer, proposal)
    assert suggested[0].target == needs["signals"]
    assert suggested[0].reasons
    assert needs["draft"] not in [s.target for s in suggested]


def test_sites_are_ranked_by_their_capabilities(world, needs):
    road = FieldSite.objects.create(
        name="敦化南北路公車專用道",
        agency=world.transport,
        is_public=True,
        description="路口號誌與路側感測設備，可調整號誌時相。",
    )
    FieldSite.objects.create(
        name="市立醫院門診大廳", agency=world.transport, is_public=True, description="門診候診區。"
    )
    proposal = make_proposal(world, title="以路側感測器調整號誌時相")
    assert sites_for(world.proposer, proposal)[0].target == road


def test_the_page_shows_the_suggestions(client, world, needs):
    proposal = make_proposal(world, title="以路側感測器調整號誌時相")
    client.force_login(world.proposer)
    page = client.get(reverse("proposals:detail", args=[proposal.pk])).content.decode()
    assert "路口號誌尖峰調控" in page and "路口號誌草稿需求" not in page
