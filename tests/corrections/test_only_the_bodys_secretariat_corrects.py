import pytest
from django.contrib.auth import get_user_model

from livinglab.meetings.models import Body
from livinglab.orgs.models import Membership
from livinglab.tracking.models import CaseEvent, Decision
from tests.corrections.conftest import add_url, correct_url, correction, corrections_url


def _requests(meeting, lamp):
    return [
        ("get", corrections_url(meeting), {}),
        ("get", f"/cases/manage/meetings/{meeting.pk}/cases/", {"add-case": "路燈"}),
        ("post", correct_url(lamp), correction(lamp, status="delisted")),
        ("post", add_url(meeting), {"add-text": "x", "add-to": "new", "add-title": "x"}),
    ]


def _unchanged(meeting, lamp):
    assert Decision.objects.get(pk=lamp.pk).status == "tracked"
    assert Decision.objects.filter(meeting=meeting).count() == 4
    assert not CaseEvent.objects.filter(kind="corrected").exists()


@pytest.mark.parametrize("who", ["officer", "other_officer", "proposer", "reviewer"])
def test_other_roles_get_403_or_404(client, world, meeting, lamp, who):
    client.force_login(getattr(world, who))

    for method, url, data in _requests(meeting, lamp):
        assert getattr(client, method)(url, data).status_code in (403, 404), (method, url)
    _unchanged(meeting, lamp)


def test_anonymous_gets_403_or_404(client, world, meeting, lamp):
    for method, url, data in _requests(meeting, lamp):
        assert getattr(client, method)(url, data).status_code in (403, 404), (method, url)
    _unchanged(meeting, lamp)


def test_the_secretariat_of_another_body_gets_403_or_404(client, world, meeting, lamp):
    other = Body.objects.create(name="新北觀光合作工作小組")
    user = get_user_model().objects.create_user("other_secretary")
    Membership.objects.create(user=user, role="secretariat", body=other)
    client.force_login(user)

    for method, url, data in _requests(meeting, lamp):
        assert getattr(client, method)(url, data).status_code in (403, 404), (method, url)
    _unchanged(meeting, lamp)


def test_the_secretariat_and_admin_reach_the_page(client, world, meeting):
    for user in (world.secretary, world.admin):
        client.force_login(user)
        assert client.get(corrections_url(meeting)).status_code == 200


def test_a_get_changes_nothing(client, world, meeting, lamp):
    client.force_login(world.secretary)

    assert client.get(correct_url(lamp)).status_code == 405
    assert client.get(add_url(meeting)).status_code == 405
    _unchanged(meeting, lamp)
