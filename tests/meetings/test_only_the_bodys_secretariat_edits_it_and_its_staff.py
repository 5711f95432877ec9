"""An officer, a reviewer or the secretariat of another body cannot edit a body or name
its staff; the body's own secretary can."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from livinglab.meetings.models import Body
from livinglab.meetings.services import BodyFields, add_staff, create_body, update_body
from livinglab.orgs.models import Membership


@pytest.fixture
def other_secretary(world):
    from tests.conftest import _user

    person = _user("other_secretary")
    other = Body.objects.create(name="新北市智慧城市委員會", secretariat=world.economic)
    Membership.objects.create(user=person, role="secretariat", body=other)
    return person


def _pages(body):
    return [
        ("GET", reverse("meetings:body_edit", args=[body.pk]), {}),
        ("POST", reverse("meetings:body_edit", args=[body.pk]), {"name": "改名", "save": "1"}),
        ("GET", reverse("meetings:staff", args=[body.pk]), {}),
        (
            "POST",
            reverse("meetings:staff", args=[body.pk]),
            {"person": "proposer", "role": "reviewer"},
        ),
        (
            "POST",
            reverse("meetings:staff_invite", args=[body.pk]),
            {"invite-email": "a@example.org", "invite-role": "reviewer"},
        ),
    ]


@pytest.mark.parametrize("who", ["officer", "reviewer", "other_secretary"])
def test_others_cannot_edit_the_body_or_its_staff(client, world, other_secretary, who):
    person = other_secretary if who == "other_secretary" else getattr(world, who)
    client.force_login(person)
    for method, url, data in _pages(world.body):
        response = client.get(url) if method == "GET" else client.post(url, data)
        # The body is public: those who may see it are refused (403), others never see it.
        assert response.status_code == 403, (method, url)
    reviewer = world.body.memberships.get(user=world.reviewer)
    remove = reverse("meetings:staff_remove", args=[world.body.pk, reviewer.pk])
    assert client.post(remove).status_code == 403
    world.body.refresh_from_db()
    assert world.body.name == "雙北產業合作工作小組"
    assert world.body.memberships.filter(user=world.reviewer).exists()
    assert not world.body.memberships.filter(user=world.proposer).exists()
    with pytest.raises(PermissionDenied):
        update_body(person, world.body, BodyFields(name="改名"))
    with pytest.raises(PermissionDenied):
        add_staff(person, world.body, world.proposer, "reviewer")


def test_a_private_body_is_not_found_by_another_secretariat(client, world, other_secretary):
    client.force_login(other_secretary)
    assert (
        client.get(reverse("meetings:body_edit", args=[world.private_body.pk])).status_code == 404
    )
    assert client.get(reverse("meetings:staff", args=[world.private_body.pk])).status_code == 404


def test_the_secretary_edits_the_body(client, world):
    client.force_login(world.secretary)
    data = {
        "name": "雙北產業合作工作小組（第二期）",
        "members": [world.taipei.pk],
        "secretariat": world.industry.pk,
        "description": "第二期",
        "save": "1",
    }
    response = client.post(reverse("meetings:body_edit", args=[world.body.pk]), data)
    assert response.status_code == 302
    world.body.refresh_from_db()
    assert world.body.name == "雙北產業合作工作小組（第二期）"
    assert list(world.body.members.all()) == [world.taipei]
    assert world.body.is_public is False  # an unticked box says "not public"


def test_a_body_cannot_report_to_a_body_under_it(world):
    child = create_body(world.secretary, BodyFields(name="子小組", parent=world.body))
    with pytest.raises(ValidationError):
        update_body(world.secretary, world.body, BodyFields(name=world.body.name, parent=child))
    world.body.refresh_from_db()
    assert world.body.parent is None
