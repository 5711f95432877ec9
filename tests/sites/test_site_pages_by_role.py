"""Who may add and edit field sites: the secretariat of any body and admins anywhere; an
agency officer for their own agency only; nobody else."""

import pytest

from livinglab.sites.models import Capability, FieldSite


def site_form(world, agency, **extra):
    data = {
        "name": "大安森林公園智慧座椅",
        "agency": agency.pk,
        "address": "臺北市大安區新生南路二段1號",
        "latitude": "25.029900",
        "longitude": "121.535500",
        "capabilities": [Capability.objects.get(key="park").pk],
        "capacity": "2",
        "is_public": "on",
        "contact_name": "王小姐",
        "contact_email": "park@example.gov.tw",
    }
    data.update(extra)
    return data


def test_the_secretariat_adds_a_site_for_any_agency(client, world):
    client.force_login(world.secretary)
    response = client.post("/sites/new/", site_form(world, world.economic))
    site = FieldSite.objects.get()
    assert response.status_code == 302 and response.url == f"/sites/{site.pk}/"
    assert site.agency == world.economic and site.created_by == world.secretary
    assert list(site.capabilities.values_list("key", flat=True)) == ["park"]


def test_an_officer_adds_sites_for_their_own_agency_only(client, world):
    client.force_login(world.officer)
    response = client.post("/sites/new/", site_form(world, world.economic))
    assert response.status_code == 200  # the other agency is not a choice
    assert not FieldSite.objects.exists()
    client.post("/sites/new/", site_form(world, world.industry))
    assert FieldSite.objects.get().agency == world.industry


@pytest.mark.parametrize("who", ["proposer", "reviewer"])
def test_proposers_and_reviewers_cannot_add_sites(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get("/sites/new/").status_code == 403
    assert client.post("/sites/new/", site_form(world, world.industry)).status_code == 403
    assert not FieldSite.objects.exists()


def test_the_public_is_sent_to_sign_in(client, world):
    response = client.get("/sites/new/")
    assert response.status_code == 302 and "/accounts/signin/" in response.url


def test_only_the_managing_agency_and_the_secretariat_edit_a_site(client, world, public_site):
    url = f"/sites/{public_site.pk}/edit/"
    client.force_login(world.other_officer)
    assert client.get(url).status_code == 403
    client.force_login(world.proposer)
    assert client.post(url, site_form(world, world.industry, name="改名")).status_code == 403
    client.force_login(world.officer)
    response = client.post(url, site_form(world, world.industry, name="內湖自駕巴士路線（二期）"))
    assert response.status_code == 302
    public_site.refresh_from_db()
    assert public_site.name == "內湖自駕巴士路線（二期）"


def test_a_latitude_beyond_the_pole_is_refused_with_a_message(client, world):
    client.force_login(world.secretary)
    response = client.post("/sites/new/", site_form(world, world.industry, latitude="95"))
    assert response.status_code == 200
    assert "field-error" in response.content.decode()
    assert not FieldSite.objects.exists()


def test_the_edit_button_shows_for_those_who_may_edit(client, world, public_site):
    assert (
        f"/sites/{public_site.pk}/edit/"
        not in client.get(f"/sites/{public_site.pk}/").content.decode()
    )
    client.force_login(world.officer)
    assert (
        f"/sites/{public_site.pk}/edit/" in client.get(f"/sites/{public_site.pk}/").content.decode()
    )
