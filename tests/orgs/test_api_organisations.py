from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.orgs.models import Organisation


def test_public_can_list_and_search_organisations(client, world):
    response = client.get("/api/organisations", {"q": "產發局"})
    assert response.status_code == 200
    names = [item["name"] for item in response.json()["items"]]
    assert names == ["臺北市政府產業發展局"]


def test_list_filters_by_kind_and_city(client, world):
    response = client.get("/api/organisations", {"kind": "agency", "city_id": world.new_taipei.pk})
    assert [item["name"] for item in response.json()["items"]] == ["新北市政府經濟發展局"]


def test_resolve_endpoint_uses_the_city_context(client, world):
    response = client.get(
        "/api/organisations/resolve", {"name": "產業局", "city_id": world.taipei.pk}
    )
    assert response.status_code == 200
    assert response.json()["name"] == "臺北市政府產業發展局"
    missing = client.get("/api/organisations/resolve", {"name": "無此機關"})
    assert missing.status_code == 404


def test_organisation_list_query_count_does_not_grow(client, world):
    for n in range(20):
        Organisation.objects.create(kind="company", name=f"測試公司{n}")
    with CaptureQueriesContext(connection) as few:
        client.get("/api/organisations", {"limit": 5})
    with CaptureQueriesContext(connection) as many:
        client.get("/api/organisations", {"limit": 25})
    assert len(many) == len(few)


def test_public_cannot_add_an_alias(client, world):
    response = client.post(
        f"/api/organisations/{world.industry.pk}/aliases",
        {"name": "產業處"},
        content_type="application/json",
    )
    assert response.status_code == 401


def test_officer_cannot_add_an_alias_but_secretariat_can(client, world):
    from livinglab.accounts.tokens import create_token

    _, officer_secret = create_token(world.officer, "t")
    _, secretary_secret = create_token(world.secretary, "t")
    url = f"/api/organisations/{world.industry.pk}/aliases"
    denied = client.post(
        url,
        {"name": "產業處"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {officer_secret}",
    )
    assert denied.status_code == 403
    allowed = client.post(
        url,
        {"name": "產業處"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secretary_secret}",
    )
    assert allowed.status_code == 201
    assert "產業處" in allowed.json()["aliases"]


def test_openapi_schema_and_docs_are_served_without_a_cdn(client, db):
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    assert "/api/organisations" in schema.json()["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.content.decode().lower()
