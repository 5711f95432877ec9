"""The secretariat adds people who have an account to the body's staff with a role, and
removes them; the body always keeps a secretary."""

from django.urls import reverse

from livinglab.orgs.models import Membership
from livinglab.orgs.roles import roles_of


def test_a_person_is_added_by_email_as_an_agency_officer(en_client, world):
    en_client.force_login(world.secretary)
    url = reverse("meetings:staff", args=[world.body.pk])
    data = {"person": "OTHER_OFFICER@example.org", "role": "officer", "agency": world.industry.pk}
    response = en_client.post(url, data)
    assert response.status_code == 302
    membership = Membership.objects.get(user=world.other_officer, body=world.body)
    assert (membership.role, membership.organisation) == ("officer", world.industry)
    assert (
        world.industry.pk
        in roles_of(
            type(world.other_officer).objects.get(pk=world.other_officer.pk)
        ).officer_org_ids
    )
    assert "other_officer" in en_client.get(url).content.decode()


def test_an_officer_needs_an_agency_of_the_body(en_client, world):
    en_client.force_login(world.secretary)
    url = reverse("meetings:staff", args=[world.private_body.pk])
    # 內部預算審查會's only member is 產業發展局: 經濟發展局 is not one of its agencies.
    Membership.objects.create(user=world.secretary, role="secretariat", body=world.private_body)
    response = en_client.post(
        url, {"person": "proposer", "role": "officer", "agency": world.economic.pk}
    )
    assert response.status_code == 200
    response = en_client.post(url, {"person": "proposer", "role": "officer"})
    assert "An agency officer needs the agency they work for." in response.content.decode()
    assert not Membership.objects.filter(user=world.proposer, role="officer").exists()


def test_an_unknown_person_is_pointed_to_the_invitation(en_client, world):
    en_client.force_login(world.secretary)
    response = en_client.post(
        reverse("meetings:staff", args=[world.body.pk]), {"person": "nobody", "role": "reviewer"}
    )
    assert "Invite the person below." in response.content.decode()


def test_a_reviewer_is_removed_but_the_last_secretary_stays(en_client, world):
    en_client.force_login(world.secretary)
    reviewer = world.body.memberships.get(user=world.reviewer)
    response = en_client.post(reverse("meetings:staff_remove", args=[world.body.pk, reviewer.pk]))
    assert response.status_code == 302
    assert not world.body.memberships.filter(user=world.reviewer).exists()
    secretary = world.body.memberships.get(user=world.secretary)
    response = en_client.post(
        reverse("meetings:staff_remove", args=[world.body.pk, secretary.pk]), follow=True
    )
    assert "A body keeps at least one secretary" in response.content.decode()
    assert world.body.memberships.filter(user=world.secretary).exists()


def test_a_membership_of_another_body_cannot_be_removed_through_this_one(en_client, world):
    en_client.force_login(world.secretary)
    other = Membership.objects.create(user=world.reviewer, role="reviewer", body=world.private_body)
    response = en_client.post(reverse("meetings:staff_remove", args=[world.body.pk, other.pk]))
    assert response.status_code == 404
    assert Membership.objects.filter(pk=other.pk).exists()
