import datetime as dt

from django.utils import timezone

from livinglab.needs.models import Call
from tests.pipeline import make_call


def test_a_call_is_upcoming_open_then_closed_by_its_dates(world):
    call = make_call(world)
    before = call.opens_at - dt.timedelta(seconds=1)
    assert call.status_at(before) == Call.Status.UPCOMING
    assert call.status_at(call.opens_at) == Call.Status.OPEN
    assert call.is_open(call.closes_at - dt.timedelta(seconds=1))
    assert call.status_at(call.closes_at) == Call.Status.CLOSED
    assert not call.is_open(call.closes_at)


def test_open_calls_are_those_published_and_between_their_dates(world):
    open_call = make_call(world, "開放中")
    make_call(world, "已截止", state="closed")
    make_call(world, "即將開放", state="upcoming")
    make_call(world, "尚未公告", published=False)
    assert list(Call.objects.open(timezone.now())) == [open_call]


def test_an_unpublished_call_is_seen_by_its_body_secretariat_and_its_reviewers(world):
    hidden = make_call(world, "尚未公告", published=False)
    from django.contrib.auth.models import AnonymousUser

    assert hidden not in Call.objects.visible_to(AnonymousUser())
    assert hidden not in Call.objects.visible_to(world.proposer)
    assert hidden in Call.objects.visible_to(world.secretary)
    hidden.reviewers.add(world.reviewer)
    assert hidden in Call.objects.visible_to(world.reviewer)
