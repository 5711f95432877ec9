"""A programme of the world's body with a budget, priority domains and a provider."""

import datetime as dt

import pytest

from livinglab.credits import ledger
from livinglab.credits.models import PriorityDomain, Programme, ProviderRate
from tests.trials.conftest import make_domain


def make_programme(world, *, budget=100_000, name="115年算力點數計畫", cap=40_000, minimum=5_000):
    programme = Programme.objects.create(
        name=name,
        body=world.body,
        budget=budget,
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
        team_cap=cap,
        minimum_grant=minimum,
        credits_expire_on=dt.date(2027, 3, 31),
    )
    PriorityDomain.objects.create(programme=programme, domain=make_domain("transport"), weight=2)
    ProviderRate.objects.create(
        programme=programme, provider="nchc", gpu_class="H100", credits_per_hour=10
    )
    ledger.fund(programme, budget, by=world.secretary)
    return programme


@pytest.fixture(autouse=True)
def in_english():
    """Services speak the active language; these tests read their messages in English."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def programme(world):
    return make_programme(world)


def make_team(name):
    from livinglab.orgs.models import Organisation

    return Organisation.objects.create(kind="company", name=name)


def make_application(world, programme, team, *, requested, score, domain="transport", call=None):
    """An accepted application of `team` whose proposal's reviews add up to `score` (0..1)."""
    from decimal import Decimal

    from livinglab.credits.models import Application
    from livinglab.reviews.models import ReviewSummary
    from tests.trials.conftest import make_proposal

    proposal = make_proposal(world, organisation=team, domain=make_domain(domain), call=call)
    ReviewSummary.objects.create(
        proposal=proposal, call=proposal.call, submitted=3, score=Decimal(str(score))
    )
    return Application.objects.create(
        programme=programme, proposal=proposal, requested=requested, status="accepted"
    )
