"""A person who signs up to propose for themselves gets an organisation of their own; it
is not listed in the public directory or its API, and nobody can ask to join it."""

import pytest
from django.contrib.auth import get_user_model

from livinglab.orgs.models import Organisation
from livinglab.proposals.organisations import find_organisation, register_organisation


@pytest.fixture
def person(world):
    user = get_user_model().objects.create_user(
        "lin", password="x" * 12, first_name="美華", last_name="林"
    )
    return user, register_organisation(user, "person", "")


def test_a_personal_organisation_is_marked(person):
    _, organisation = person
    assert organisation.is_personal


@pytest.mark.parametrize("who", [None, "officer", "reviewer", "proposer"])
def test_the_directory_and_api_do_not_show_it(client, world, person, who):
    _, organisation = person
    if who:
        client.force_login(getattr(world, who))
    page = client.get("/organisations/?q=林").content.decode()
    assert organisation.name not in page
    names = [o["name"] for o in client.get("/api/organisations?q=林").json()["items"]]
    assert organisation.name not in names
    assert client.get(f"/api/organisations/{organisation.pk}").status_code == 404
    assert world.company.name in client.get("/organisations/").content.decode()


def test_the_person_and_the_secretariat_still_see_it(client, world, person):
    user, organisation = person
    assert Organisation.objects.visible_to(user).filter(pk=organisation.pk).exists()
    assert Organisation.objects.visible_to(world.secretary).filter(pk=organisation.pk).exists()


def test_nobody_can_ask_to_join_a_person(person):
    _, organisation = person
    assert find_organisation(organisation.name) is None
