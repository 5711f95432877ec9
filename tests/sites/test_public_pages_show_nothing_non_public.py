"""The public (and proposers, reviewers) see public sites only; an agency sees its own too."""

import pytest

from livinglab.sites import services
from tests.sites.conftest import day

PAGES = ["/sites/", "/sites/map/"]


@pytest.mark.parametrize("page", PAGES)
def test_the_public_sees_public_sites_only(client, public_site, hidden_site, page):
    html = client.get(page).content.decode()
    assert public_site.name in html
    assert hidden_site.name not in html


def test_a_hidden_site_page_is_not_found_for_the_public(client, world, public_site, hidden_site):
    assert client.get(f"/sites/{public_site.pk}/").status_code == 200
    assert client.get(f"/sites/{hidden_site.pk}/").status_code == 404
    assert client.get(f"/sites/{hidden_site.pk}/calendar/").status_code == 404
    client.force_login(world.proposer)
    assert client.get(f"/sites/{hidden_site.pk}/").status_code == 404


def test_the_managing_agency_and_the_secretariat_see_a_hidden_site(
    client, world, hidden_site, public_site
):
    for user in (world.other_officer, world.secretary, world.admin):
        client.force_login(user)
        assert hidden_site.name in client.get("/sites/").content.decode()
        assert client.get(f"/sites/{hidden_site.pk}/").status_code == 200
    client.force_login(world.officer)  # another agency's officer
    assert hidden_site.name not in client.get("/sites/").content.decode()
    assert client.get(f"/sites/{hidden_site.pk}/").status_code == 404


def test_the_public_calendar_marks_booked_days_without_saying_who_holds_them(
    client, world, public_site
):
    services.book(world.secretary, public_site, day(5, 4), day(5, 8), "未公開的試驗代號", "trial:9")
    html = client.get(f"/sites/{public_site.pk}/calendar/?month=2026-05").content.decode()
    assert "未公開的試驗代號" not in html
    assert "trial:9" not in html
    assert "is-booked" in html
    client.force_login(world.officer)
    html = client.get(f"/sites/{public_site.pk}/calendar/?month=2026-05").content.decode()
    assert "未公開的試驗代號" in html


def test_the_map_data_holds_public_sites_only(client, public_site, hidden_site):
    response = client.get("/sites/map/")
    data = response.content.decode().split('id="site-map-data"', 1)[1]
    assert f'"id": {public_site.pk}' in data
    assert f'"id": {hidden_site.pk}' not in data
