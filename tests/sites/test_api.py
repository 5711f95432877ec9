"""The field-site API obeys the pages' rules: public sites for all, bookings for managers."""

from livinglab.accounts import tokens
from livinglab.sites import services
from livinglab.sites.models import Booking
from tests.sites.conftest import day


def bearer(user) -> dict:
    _, secret = tokens.create_token(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_the_public_lists_public_sites_with_geojson_points(client, public_site, hidden_site):
    items = client.get("/api/sites").json()["items"]
    assert [item["name"] for item in items] == [public_site.name]
    assert items[0]["location"] == {"type": "Point", "coordinates": [121.5753, 25.0789]}
    assert items[0]["capabilities"] == ["5g", "science-park"]


def test_a_hidden_site_is_not_found_for_the_public(client, public_site, hidden_site):
    assert client.get(f"/api/sites/{hidden_site.pk}").status_code == 404
    detail = client.get(f"/api/sites/{public_site.pk}").json()
    assert detail["permits_needed"] == "自動駕駛車輛測試許可"


def test_the_managing_agency_sees_its_hidden_site(client, world, hidden_site):
    items = client.get("/api/sites", **bearer(world.other_officer)).json()["items"]
    assert hidden_site.name in [item["name"] for item in items]


def test_geojson_lists_located_public_sites(client, public_site, hidden_site):
    data = client.get("/api/sites/geojson").json()
    assert data["type"] == "FeatureCollection"
    assert [f["id"] for f in data["features"]] == [public_site.pk]


def test_filters_by_capability(client, public_site):
    assert client.get("/api/sites", {"capability": "hospital"}).json()["items"] == []
    assert len(client.get("/api/sites", {"capability": "5g"}).json()["items"]) == 1


def test_bookings_are_for_the_secretariat_and_the_managing_agency(client, world, public_site):
    services.book(world.secretary, public_site, day(5, 1), day(5, 31), "自駕接駁", "trial:3")
    url = f"/api/sites/{public_site.pk}/bookings"
    assert client.get(url).status_code == 401
    assert client.get(url, **bearer(world.proposer)).status_code == 403
    items = client.get(url, **bearer(world.officer)).json()["items"]
    assert [(b["label"], b["reference"]) for b in items] == [("自駕接駁", "trial:3")]
    assert (
        client.get(url, {"starts_on": "2026-06-01"}, **bearer(world.officer)).json()["items"] == []
    )


def test_booking_through_the_api_is_refused_past_capacity(client, world, hidden_site):
    url = f"/api/sites/{hidden_site.pk}/bookings"
    auth = bearer(world.other_officer)
    body = {"starts_on": "2026-03-01", "ends_on": "2026-03-10", "label": "機房散熱試驗"}
    first = client.post(url, body, content_type="application/json", **auth)
    assert first.status_code == 201
    again = client.post(url, {**body, "label": "第二案"}, content_type="application/json", **auth)
    assert again.status_code == 409
    assert "機房散熱試驗" in again.json()["detail"]
    assert again.json()["clashes"] == [first.json()["id"]]
    reversed_period = {"starts_on": "2026-04-10", "ends_on": "2026-04-01", "label": "倒轉"}
    bad = client.post(url, reversed_period, content_type="application/json", **auth)
    assert bad.status_code == 422
    assert Booking.objects.count() == 1


def test_others_cannot_book_through_the_api(client, world, public_site):
    body = {"starts_on": "2026-03-01", "ends_on": "2026-03-10", "label": "外人"}
    url = f"/api/sites/{public_site.pk}/bookings"
    response = client.post(url, body, content_type="application/json", **bearer(world.proposer))
    assert response.status_code == 403
    assert not Booking.objects.exists()
