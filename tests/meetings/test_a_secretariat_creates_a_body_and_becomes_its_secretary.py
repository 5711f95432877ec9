"""A secretariat opens a body from a page (not the admin site), for its own secretariat
organisation, and is its secretary at once: it can import the body's minutes."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from livinglab.meetings.models import Body
from livinglab.meetings.services import BodyFields, create_body
from livinglab.orgs.models import Membership


def _form(world, **changes):
    data = {
        "name": "雙北青年創業工作小組",
        "short_name": "青創小組",
        "parent": world.body.pk,
        "members": [world.taipei.pk, world.new_taipei.pk],
        "secretariat": world.industry.pk,  # the secretariat of the body the secretary serves
        "is_public": "on",
        "hosting_rotation": "臺北市、新北市",
        "description": "每季開會一次。",
        "save": "1",
    }
    return {**data, **changes}


def test_a_secretary_creates_a_body_and_can_import_into_it(en_client, world):
    en_client.force_login(world.secretary)
    response = en_client.post(reverse("meetings:body_new"), _form(world))
    body = Body.objects.get(name="雙北青年創業工作小組")
    assert response.status_code == 302 and response.url == body.get_absolute_url()
    assert body.parent == world.body and body.secretariat == world.industry
    assert set(body.members.all()) == {world.taipei, world.new_taipei}
    assert (body.short_name, body.hosting_rotation, body.is_public) == (
        "青創小組",
        "臺北市、新北市",
        True,
    )
    assert Membership.objects.filter(user=world.secretary, role="secretariat", body=body).exists()
    assert en_client.get(reverse("imports:upload", args=[body.pk])).status_code == 200
    page = en_client.get(body.get_absolute_url()).content.decode()
    assert reverse("meetings:body_edit", args=[body.pk]) in page
    assert reverse("meetings:staff", args=[body.pk]) in page


def test_the_body_list_offers_new_body_to_secretariats_only(en_client, world):
    en_client.force_login(world.secretary)
    assert (
        reverse("meetings:body_new") in en_client.get(reverse("meetings:bodies")).content.decode()
    )
    en_client.force_login(world.officer)
    assert (
        reverse("meetings:body_new")
        not in en_client.get(reverse("meetings:bodies")).content.decode()
    )


@pytest.mark.parametrize("who", ["officer", "reviewer", "proposer"])
def test_only_a_secretariat_or_an_admin_creates_a_body(en_client, world, who):
    en_client.force_login(getattr(world, who))
    assert en_client.get(reverse("meetings:body_new")).status_code == 403
    assert en_client.post(reverse("meetings:body_new"), _form(world)).status_code == 403
    with pytest.raises(PermissionDenied):
        create_body(getattr(world, who), BodyFields(name="冒名小組"))
    assert not Body.objects.filter(name__in=["雙北青年創業工作小組", "冒名小組"]).exists()


def test_a_secretary_names_only_their_own_secretariat_organisation(en_client, world):
    en_client.force_login(world.secretary)
    response = en_client.post(
        reverse("meetings:body_new"), _form(world, secretariat=world.economic.pk)
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    with pytest.raises(PermissionDenied):
        create_body(world.secretary, BodyFields(name="他人小組", secretariat=world.economic))
    assert not Body.objects.filter(name__in=["雙北青年創業工作小組", "他人小組"]).exists()


def test_an_admin_names_any_secretariat_and_becomes_secretary(world):
    body = create_body(world.admin, BodyFields(name="新北智慧交通小組", secretariat=world.economic))
    assert body.memberships.filter(user=world.admin, role="secretariat").exists()


def test_a_taken_name_is_refused_plainly(en_client, world):
    en_client.force_login(world.secretary)
    response = en_client.post(reverse("meetings:body_new"), _form(world, name=world.body.name))
    assert "A body with this name exists already." in response.content.decode()


def test_members_are_found_in_the_directory_by_alias(en_client, world):
    en_client.force_login(world.secretary)
    picker = reverse("meetings:member_picker")
    page = en_client.get(picker, {"find": "產發局"}).content.decode()
    assert f'value="{world.industry.pk}"' in page and world.industry.name in page
    # One already ticked stays ticked and is not offered again.
    page = en_client.get(
        picker, {"find": "產發局", "members": [world.industry.pk]}
    ).content.decode()
    assert page.count(f'value="{world.industry.pk}"') == 1 and "checked" in page
    # Without JavaScript, the form's own search button shows the same matches.
    page = en_client.post(reverse("meetings:body_new"), {"find": "經發局", "search": "1"})
    assert world.economic.name in page.content.decode()
    assert not Body.objects.filter(name="").exists()
    en_client.force_login(world.officer)
    assert en_client.get(picker, {"find": "產發局"}).status_code == 403
