"""A person signs up as a proposer: registers a new organisation at once, or asks to
join an existing one, which its proposers (an administrator where it has none) approve."""

from django.contrib.auth import get_user_model

from livinglab.orgs.models import Membership, Organisation
from livinglab.proposals.models import JoinRequest, ProposerOrganisation

ACCOUNT = {
    "username": "newcomer",
    "full_name": "林新創",
    "email": "newcomer@example.org",
    "password1": "a long enough passphrase 42",
    "password2": "a long enough passphrase 42",
}


def test_signing_up_registers_a_startup_and_makes_its_first_proposer(client, world):
    response = client.post(
        "/lab/signup/",
        {**ACCOUNT, "kind": "startup", "mode": "create", "organisation_name": "青禾數據有限公司"},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="newcomer")
    organisation = Organisation.objects.get(name="青禾數據有限公司")
    assert organisation.kind == "company"
    assert organisation.proposer_profile.kind == ProposerOrganisation.Kind.STARTUP
    assert Membership.objects.filter(user=user, role="proposer", organisation=organisation).exists()
    assert client.get("/lab/").status_code == 200  # signed in


def test_a_person_proposes_under_a_personal_organisation(client, world):
    client.post("/lab/signup/", {**ACCOUNT, "kind": "person", "mode": "create"})
    membership = Membership.objects.get(user__username="newcomer")
    assert "林新創" in membership.organisation.name


def test_joining_an_existing_organisation_waits_for_its_proposer(client, world):
    client.post(
        "/lab/signup/",
        {**ACCOUNT, "kind": "company", "mode": "join", "organisation_name": world.company.name},
    )
    newcomer = get_user_model().objects.get(username="newcomer")
    assert not Membership.objects.filter(user=newcomer).exists()
    join = JoinRequest.objects.get(user=newcomer)
    assert join.status == "pending"
    # the newcomer cannot approve themselves, nor can an outsider
    assert client.post(f"/lab/joins/{join.pk}/", {"approve": "1"}).status_code == 403
    client.force_login(world.officer)
    assert client.post(f"/lab/joins/{join.pk}/", {"approve": "1"}).status_code == 404
    # the organisation's proposer sees it on their desk and approves
    client.force_login(world.proposer)
    assert "林新創" in client.get("/lab/").content.decode()
    client.post(f"/lab/joins/{join.pk}/", {"approve": "1"})
    assert Membership.objects.filter(
        user=newcomer, role="proposer", organisation=world.company
    ).exists()


def test_registering_a_name_already_taken_is_refused(client, world):
    response = client.post(
        "/lab/signup/",
        {**ACCOUNT, "kind": "company", "mode": "create", "organisation_name": world.company.name},
    )
    assert response.status_code == 200
    # nothing half-saved: not even the account
    assert not get_user_model().objects.filter(username="newcomer").exists()


def test_an_agency_cannot_be_joined_through_sign_up(client, world):
    response = client.post(
        "/lab/signup/",
        {**ACCOUNT, "kind": "company", "mode": "join", "organisation_name": world.industry.name},
    )
    assert response.status_code == 200
    assert not JoinRequest.objects.exists()
    assert not get_user_model().objects.filter(username="newcomer").exists()


def test_a_signed_in_reviewer_can_also_become_a_proposer(client, world):
    client.force_login(world.reviewer)
    client.post(
        "/lab/signup/", {"kind": "school", "mode": "create", "organisation_name": "北城科技大學"}
    )
    assert Membership.objects.filter(
        user=world.reviewer, role="proposer", organisation__name="北城科技大學"
    ).exists()
