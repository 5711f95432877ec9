"""An officer sees the person-in-charge field of their agency's assignment and claims it
(names themselves) or releases it; the body's secretariat names any officer of the agency.
Each change is an event on the case's history. Nobody else may touch it."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from livinglab.meetings.models import Body
from livinglab.orgs.models import Membership
from livinglab.tracking.models import CaseEvent
from livinglab.work.models import Assignment
from livinglab.work.services import NotOfTheAgency, set_person_in_charge


@pytest.fixture
def assignment(world, cases):
    return Assignment.objects.select_related("case", "organisation").get(
        case=cases["late"], organisation=world.industry
    )


@pytest.fixture
def other_secretary(world):
    person = get_user_model().objects.create_user("other_secretary", password="x")
    council = Body.objects.create(name="臺北市政府市政會議", secretariat=world.transport)
    Membership.objects.create(user=person, role="secretariat", body=council)
    return person


def _post(client, assignment, action, person=None, next_url=""):
    data = {f"a{assignment.pk}-action": action, "next": next_url}
    if person is not None:
        data[f"a{assignment.pk}-person"] = person.pk
    return client.post(reverse("work:in_charge", args=[assignment.pk]), data)


def test_an_officer_claims_and_releases_their_agencys_assignment(client, world, assignment):
    world.officer.first_name = "陳科員"
    world.officer.save()
    client.force_login(world.officer)
    page = client.get(reverse("work:assignment", args=[assignment.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "Claim it" in page.content.decode()

    case_url = assignment.case.get_absolute_url()
    response = _post(client, assignment, "claim", next_url=case_url)

    assert response.status_code == 302 and response["Location"] == case_url
    assignment.refresh_from_db()
    assert assignment.responsible == world.officer
    event = assignment.case.events.get(kind=CaseEvent.Kind.IN_CHARGE)
    assert event.actor == world.officer
    assert event.payload == {"agency": "臺北市政府產業發展局", "person": ["", "陳科員"]}
    html = client.get(case_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Person in charge (臺北市政府產業發展局): <del>—</del> → <ins>陳科員</ins>" in html
    assert "Release it" in html

    _post(client, assignment, "release")
    assignment.refresh_from_db()
    assert assignment.responsible is None
    assert assignment.case.events.filter(kind=CaseEvent.Kind.IN_CHARGE).count() == 2


def test_the_secretariat_names_an_officer_of_the_agency(client, world, assignment):
    client.force_login(world.secretary)
    html = client.get(assignment.case.get_absolute_url()).content.decode()
    assert f'name="a{assignment.pk}-person"' in html

    _post(client, assignment, "assign", world.officer)

    assignment.refresh_from_db()
    assert assignment.responsible == world.officer
    with pytest.raises(NotOfTheAgency):
        set_person_in_charge(world.secretary, assignment, world.other_officer)
    response = _post(client, assignment, "assign", world.other_officer)
    assert response.status_code == 400  # not among the agency's officers
    assignment.refresh_from_db()
    assert assignment.responsible == world.officer


def test_an_officer_cannot_name_someone_else_nor_release_anothers_claim(world, assignment):
    set_person_in_charge(world.secretary, assignment, world.officer)
    colleague = get_user_model().objects.create_user("colleague", password="x")
    Membership.objects.create(user=colleague, role="officer", organisation=world.industry)
    with pytest.raises(PermissionDenied):
        set_person_in_charge(colleague, assignment, None)  # the claim is the officer's
    with pytest.raises(PermissionDenied):
        set_person_in_charge(world.officer, assignment, colleague)
    set_person_in_charge(colleague, assignment, colleague)  # but a colleague may take it over
    assert Assignment.objects.get(pk=assignment.pk).responsible == colleague


def test_others_cannot_touch_the_person_in_charge(client, world, assignment, other_secretary):
    for person in (world.other_officer, other_secretary, world.reviewer):
        with pytest.raises(PermissionDenied):
            set_person_in_charge(person, assignment, person)
        client.force_login(person)
        assert _post(client, assignment, "claim").status_code == 404
    client.logout()
    response = _post(client, assignment, "claim")
    assert response.status_code == 302 and "signin" in response["Location"]
    assert Assignment.objects.get(pk=assignment.pk).responsible is None
    assert not assignment.case.events.filter(kind=CaseEvent.Kind.IN_CHARGE).exists()
    client.force_login(world.other_officer)
    html = client.get(assignment.case.get_absolute_url()).content.decode()
    assert reverse("work:in_charge", args=[assignment.pk]) not in html


def test_a_foreign_next_address_is_not_followed(client, world, assignment):
    client.force_login(world.officer)
    response = _post(client, assignment, "claim", next_url="https://example.com/")
    assert response["Location"] == reverse("work:assignment", args=[assignment.pk])
