"""Proposers apply for credits with their proposals; the secretariat accepts or withdraws."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from livinglab.credits import allocation, applications
from livinglab.credits.models import Application
from tests.credits.conftest import make_team
from tests.trials.conftest import make_proposal


def test_a_proposer_applies_with_a_proposal_and_the_secretariat_accepts(client, world, programme):
    proposal = make_proposal(world, status="submitted")
    client.force_login(world.proposer)
    form = client.get(reverse("credits:apply", args=[programme.pk]))
    assert proposal.title in form.content.decode()
    answer = client.post(
        reverse("credits:apply", args=[programme.pk]),
        {"proposal": proposal.pk, "requested": 12_000},
    )
    assert answer.status_code == 302
    application = Application.objects.get(programme=programme, proposal=proposal)
    assert (application.requested, application.status) == (12_000, "pending")
    assert allocation.plan(programme).lines == []  # not accepted yet: shares nothing

    client.force_login(world.secretary)
    listing = client.get(reverse("credits:applications", args=[programme.pk])).content.decode()
    assert proposal.title in listing
    client.post(reverse("credits:decide", args=[application.pk]), {"action": "accept"})
    application.refresh_from_db()
    assert application.status == "accepted"
    assert [line.requested for line in allocation.plan(programme).lines] == [12_000]


def test_a_proposal_applies_once_and_only_while_alive(world, programme):
    proposal = make_proposal(world, status="submitted")
    applications.apply(world.proposer, programme, proposal, 1_000)
    with pytest.raises(ValidationError):
        applications.apply(world.proposer, programme, proposal, 2_000)
    assert not applications.proposals_to_apply_with(world.proposer, programme).exists()
    draft = make_proposal(world, status="draft")
    with pytest.raises(ValidationError):
        applications.apply(world.proposer, programme, draft, 1_000)
    with pytest.raises(ValidationError):
        applications.apply(world.proposer, programme, make_proposal(world, status="submitted"), 0)
    programme.ends_on = dt.date(2020, 1, 1)
    with pytest.raises(ValidationError):
        applications.apply(world.proposer, programme, make_proposal(world), 1_000)
    assert Application.objects.count() == 1


def test_nobody_applies_with_another_teams_proposal(client, world, programme):
    theirs = make_proposal(world, organisation=make_team("遠帆數據有限公司"), status="submitted")
    with pytest.raises(PermissionDenied):
        applications.apply(world.proposer, programme, theirs, 1_000)
    with pytest.raises(PermissionDenied):
        applications.apply(world.secretary, programme, theirs, 1_000)
    client.force_login(world.proposer)
    answer = client.post(
        reverse("credits:apply", args=[programme.pk]), {"proposal": theirs.pk, "requested": 1}
    )
    assert answer.status_code == 400  # not among the proposals offered
    client.force_login(world.officer)
    assert client.get(reverse("credits:apply", args=[programme.pk])).status_code == 403
    assert not Application.objects.exists()


def test_a_team_withdraws_its_own_application_but_cannot_accept_it(client, world, programme):
    proposal = make_proposal(world, status="submitted")
    application = applications.apply(world.proposer, programme, proposal, 1_000)
    with pytest.raises(PermissionDenied):
        applications.accept(world.proposer, application)
    client.force_login(world.proposer)
    refused = client.post(reverse("credits:decide", args=[application.pk]), {"action": "accept"})
    assert refused.status_code == 403
    client.post(reverse("credits:decide", args=[application.pk]), {"action": "withdraw"})
    application.refresh_from_db()
    assert application.status == "withdrawn"


def test_applications_are_seen_by_their_team_and_the_secretariat_only(client, world, programme):
    ours = applications.apply(world.proposer, programme, make_proposal(world), 1_000)
    other_team = make_team("遠帆數據有限公司")
    theirs = Application.objects.create(
        programme=programme,
        proposal=make_proposal(world, organisation=other_team, title="他隊的提案"),
        requested=500,
    )
    client.force_login(world.proposer)
    page = client.get(reverse("credits:applications", args=[programme.pk])).content.decode()
    assert ours.proposal.title in page and "他隊的提案" not in page
    answer = client.post(reverse("credits:decide", args=[theirs.pk]), {"action": "withdraw"})
    assert answer.status_code == 404
    client.force_login(world.officer)
    page = client.get(reverse("credits:applications", args=[programme.pk])).content.decode()
    assert ours.proposal.title not in page
