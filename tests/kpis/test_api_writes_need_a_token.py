from livinglab.accounts.tokens import create_token
from livinglab.kpis.models import Value


def _auth(user):
    _token, secret = create_token(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_an_owner_posts_a_value_with_a_token(client, world, kpi_world):
    body = {
        "kpi": "energy.electricity.use@1",
        "scope": "tpe-daan",
        "period": "2025-03",
        "value": 2,
        "unit": "MWh",
    }
    assert client.post("/api/kpis/values", body, content_type="application/json").status_code == 401
    response = client.post(
        "/api/kpis/values", body, content_type="application/json", **_auth(world.officer)
    )
    assert response.status_code == 201 and response.json()["value"] == 2000
    assert Value.objects.get().entered_by == world.officer


def test_wrong_units_and_other_cities_are_refused(client, world, kpi_world):
    body = {
        "kpi": "energy.electricity.use@1",
        "scope": "tpe-daan",
        "period": "2025-03",
        "value": 2,
        "unit": "t",
    }
    response = client.post(
        "/api/kpis/values",
        body,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **_auth(world.officer),
    )
    assert response.status_code == 400 and "cannot be stored in kWh" in response.json()["detail"]
    body |= {"unit": "kWh", "scope": "ntpc-banqiao"}
    response = client.post(
        "/api/kpis/values", body, content_type="application/json", **_auth(world.officer)
    )
    assert response.status_code == 403
    assert not Value.objects.exists()


def test_the_catalogue_and_roll_ups_are_public(client, world, kpi_world):
    client.post(
        "/api/kpis/values",
        {"kpi": "water.consumption", "scope": "tpe-daan", "period": "2025-01", "value": 7},
        content_type="application/json",
        **_auth(world.officer),
    )
    assert len(client.get("/api/kpis/definitions").json()) >= 25
    figure = client.get(
        "/api/kpis/rollup", {"kpi": "water.consumption@1", "scope": "tpe", "year": 2025}
    ).json()
    assert figure["value"] == 7 and figure["children"] == 13 and figure["children_reporting"] == 1
    export = client.get(f"/api/kpis/scopes/{kpi_world.taipei.pk}/export").json()
    assert export["format"] == "livinglab-kpi-exchange"


def test_only_the_secretariat_imports_through_the_api(client, world, kpi_world):
    body = (
        b'{"format": "livinglab-kpi-exchange", "format_version": 1, "instance": "x", "values": []}'
    )
    assert (
        client.post(
            "/api/kpis/imports", body, content_type="application/json", **_auth(world.officer)
        ).status_code
        == 403
    )
    response = client.post(
        "/api/kpis/imports", body, content_type="application/json", **_auth(world.secretary)
    )
    assert response.status_code == 201
