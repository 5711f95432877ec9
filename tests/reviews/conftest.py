"""A call under review: its rubric, a committee of three reviewers and submitted proposals."""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model

from livinglab.orgs.models import Membership
from livinglab.proposals.models import Proposal
from tests.conftest import PASSWORD
from tests.pipeline import make_call, make_need, make_proposal


@dataclass
class Reviews:
    world: object
    call: object
    need: object
    proposal: object
    other: object  # a second submitted proposal
    first: object  # reviewers of the call
    second: object
    third: object
    gates: list
    factors: list


def reviewer(username: str, full_name: str, body):
    person = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org", first_name=full_name
    )
    Membership.objects.create(user=person, role="reviewer", body=body)
    return person


@pytest.fixture
def reviews(world) -> Reviews:
    from livinglab.reviews.models import Expertise
    from tests.pipeline import domain

    need = make_need(world, tags=["traffic"])
    call = make_call(world, state="closed", needs=[need])
    second = reviewer("reviewer2", "李委員", world.body)
    third = reviewer("reviewer3", "周委員", world.body)
    call.reviewers.set([world.reviewer, second, third])
    Expertise.objects.create(reviewer=world.reviewer, domain=domain("transport"))
    Expertise.objects.create(reviewer=second, domain=domain("transport"))
    Expertise.objects.create(reviewer=second, domain=domain("traffic"))
    proposal = make_proposal(world, call, need, status=Proposal.Status.SUBMITTED)
    other = make_proposal(
        world, call, None, title="長者居家跌倒偵測", status=Proposal.Status.SUBMITTED
    )
    return Reviews(
        world=world,
        call=call,
        need=need,
        proposal=proposal,
        other=other,
        first=world.reviewer,
        second=second,
        third=third,
        gates=list(call.gates.all()),
        factors=list(call.factors.all()),
    )


def full_review(r: Reviews, values, answers=None):
    """A complete ReviewInput: `values` one score per factor in order; all gates yes."""
    from livinglab.reviews.services import ReviewInput

    answers = answers or [True] * len(r.gates)
    return ReviewInput(
        scores={
            f.pk: (v, f"評語{i}") for i, (f, v) in enumerate(zip(r.factors, values, strict=True))
        },
        gates={g.pk: (a, "理由") for g, a in zip(r.gates, answers, strict=True)},
    )


def assigned(r: Reviews, person, proposal=None, *, declared=True):
    """`person` assigned by the secretary (and declared free of conflict when `declared`)."""
    from livinglab.reviews import services

    a = services.assign(r.world.secretary, proposal or r.proposal, person)
    if declared:
        a = services.declare(person, a, conflict=False)
    return a


def submitted(r: Reviews, person, values, proposal=None, answers=None):
    from livinglab.reviews import services

    a = assigned(r, person, proposal)
    return services.save_review(person, a, full_review(r, values, answers), submit=True)
