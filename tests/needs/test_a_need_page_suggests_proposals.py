"""A need's page suggests proposals of its calls, ranked with reasons (shared terms,
domain, the capabilities of the need's field sites), among the proposals the reader may
see: the secretariat sees its calls' proposals; a proposer only their organisation's; an
officer, a reviewer without assignments and the public none; a draft never."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from livinglab.orgs.models import Membership, Organisation
from livinglab.proposals.models import Proposal
from livinglab.proposals.suggestions import proposals_for
from livinglab.sites.models import Capability, FieldSite
from tests.pipeline import make_call, make_need, make_proposal

SIGNALS = "路口號誌尖峰調控"


@pytest.fixture
def setting(world):
    signals = make_need(world, SIGNALS, problem="尖峰時段路口等候過長，號誌週期無法隨車流調整。")
    clinic = make_need(
        world, "門診叫號整合", domain_key="health", problem="長者看不懂叫號看板，候診動線混亂。"
    )
    site = FieldSite.objects.create(name="信義路智慧路口", agency=world.transport, is_public=True)
    site.capabilities.set(Capability.objects.filter(key="5g"))
    site.needs.add(signals)
    call = make_call(world, needs=[signals, clinic])
    rival = Organisation.objects.create(kind="company", name="對手科技股份有限公司")
    live = Proposal.Status.SUBMITTED
    fits = make_proposal(
        world,
        call,
        clinic,
        title="5G 路口號誌自適應控制",
        status=live,
        summary="以 5G 回傳路口車流，號誌週期隨尖峰等候自動調整。",
    )
    other = make_proposal(
        world,
        call,
        clinic,
        title="門診叫號語音看板",
        status=live,
        domain_key="health",
        summary="長者候診時以語音與大字看板叫號。",
        solution="",
        site_wanted="",
        expected_kpis="",
    )
    rivals = make_proposal(
        world,
        call,
        signals,
        title="路口號誌尖峰等候縮短",
        status=live,
        organisation=rival,
        summary="尖峰時段依路口等候長度調整號誌週期。",
    )
    draft = make_proposal(
        world,
        call,
        signals,
        title="路口號誌草稿提案",
        organisation=rival,
        summary="尖峰路口號誌週期調整的草稿。",
    )
    withdrawn = make_proposal(
        world,
        call,
        signals,
        title="路口號誌撤回提案",
        status=Proposal.Status.WITHDRAWN,
        summary="尖峰路口號誌週期調整，已撤回。",
    )
    return {
        "need": signals,
        "fits": fits,
        "other": other,
        "rivals": rivals,
        "draft": draft,
        "withdrawn": withdrawn,
    }


def test_the_secretariat_sees_the_fitting_proposals_first_with_reasons(world, setting):
    found = proposals_for(world.secretary, setting["need"])
    targets = [s.target for s in found]
    assert set(targets[:2]) == {setting["fits"], setting["rivals"]}
    assert setting["draft"] not in targets and setting["withdrawn"] not in targets
    reasons = {s.target: " ".join(s.reasons) for s in found}
    assert "號誌" in reasons[setting["fits"]]
    assert "5G" in reasons[setting["fits"]], "the need's site offers 5G, the proposal asks for it"


def test_a_proposer_sees_only_their_organisations_proposals(world, setting):
    found = [s.target for s in proposals_for(world.proposer, setting["need"])]
    assert setting["fits"] in found
    assert setting["rivals"] not in found and setting["draft"] not in found
    assert setting["withdrawn"] not in found


def test_officers_reviewers_and_the_public_are_suggested_no_proposal(world, setting):
    for user in (world.officer, world.other_officer, world.reviewer, AnonymousUser()):
        assert proposals_for(user, setting["need"]) == []


def test_the_page_shows_suggestions_only_to_those_who_may_read_them(client, world, setting):
    url = reverse("needs:need", args=[setting["need"].pk])
    client.force_login(world.secretary)
    page = client.get(url).content.decode()
    assert "5G 路口號誌自適應控制" in page and "路口號誌尖峰等候縮短" in page
    assert "路口號誌草稿提案" not in page and "路口號誌撤回提案" not in page
    client.force_login(world.proposer)
    page = client.get(url).content.decode()
    assert "5G 路口號誌自適應控制" in page and "路口號誌尖峰等候縮短" not in page
    for user in (world.officer, None):
        client.logout()
        if user:
            client.force_login(user)
        page = client.get(url).content.decode()
        assert SIGNALS in page and "5G 路口號誌自適應控制" not in page


def test_a_rival_proposer_never_sees_another_organisations_draft(world, setting):
    rival_user = world.proposer.__class__.objects.create_user("rival", password="x")
    Membership.objects.create(
        user=rival_user, role="proposer", organisation=setting["rivals"].organisation
    )
    found = [s.target for s in proposals_for(rival_user, setting["need"])]
    assert found == [setting["rivals"]]
