import copy
import json
from pathlib import Path

import jsonschema
import pytest
from django.core.management import call_command

from livinglab.kpis.models import Conflict, Definition, Scope, Value
from livinglab.kpis.services import exchange
from livinglab.kpis.services.rollup import roll_up_year
from livinglab.kpis.services.values import write_value
from tests.kpis.conftest import definition, month

SCHEMA = json.loads(
    (Path(exchange.__file__).parents[1] / "schema" / "kpi-exchange.schema.json").read_text()
)

NEW_TAIPEI = {
    "format": "livinglab-kpi-exchange",
    "format_version": 1,
    "instance": "newtaipei",
    "definitions": [
        {
            "id": "transport.ferry.ridership@1",
            "slug": "transport.ferry.ridership",
            "version": 1,
            "name_zh": "渡輪搭乘人次",
            "name_en": "Ferry boardings",
            "category": "transport",
            "unit": "trip",
            "direction": "up",
            "frequency": "month",
            "aggregation": "sum",
            "method": "Boardings counted at the gangway.",
        }
    ],
    "scopes": [
        {"id": "newtaipei:ntpc", "name_zh": "新北市", "kind": "city", "parents": []},
        {
            "id": "newtaipei:tamsui",
            "name_zh": "淡水區",
            "kind": "district",
            "parents": ["newtaipei:ntpc"],
        },
    ],
    "values": [
        {
            "kpi": "transport.ferry.ridership@1",
            "scope": "newtaipei:tamsui",
            "period": "2025-03",
            "value": 4200,
            "unit": "trip",
            "source": "newtaipei",
        },
        {
            "kpi": "water.consumption@1",
            "scope": "newtaipei:tamsui",
            "period": "2025-03",
            "value": 2.5,
            "unit": "ML",
            "source": "newtaipei",
        },
    ],
}


def _bytes(payload) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode()


@pytest.fixture
def taipei(settings):
    settings.LIVINGLAB_KPI_INSTANCE = "taipei"


def test_the_export_follows_the_published_schema(taipei, kpi_world):
    write_value(definition("transport.bus.ridership"), kpi_world.route, month(2025, 3), 50_000)
    published = exchange.export(kpi_world.region)
    jsonschema.validate(published, SCHEMA)
    route = next(s for s in published["scopes"] if s["id"] == "taipei:bus-307")
    assert route["parents"] == ["taipei:ntpc", "taipei:tpe"]
    assert published["values"][0] | {"supplier": ""} == {
        "kpi": "transport.bus.ridership@1",
        "scope": "taipei:bus-307",
        "period": "2025-03",
        "value": 50_000.0,
        "unit": "trip",
        "source": "taipei",
        "supplier": "",
    }


def test_another_citys_file_keeps_its_identifiers_and_a_reimport_changes_nothing(
    taipei, world, kpi_world
):
    staged, plan = exchange.import_file(world.admin, "ntpc.json", _bytes(NEW_TAIPEI))
    assert plan.definitions_new == ["transport.ferry.ridership@1"] and plan.values_new == 2
    tamsui = Scope.objects.get(namespace="newtaipei", code="tamsui")
    assert Value.objects.get(scope=tamsui, definition__slug="water.consumption").value == 2500  # m³
    assert (
        roll_up_year(
            definition("transport.ferry.ridership"),
            Scope.objects.get(code="ntpc", namespace="newtaipei"),
            2025,
        ).value
        == 4200
    )
    before = Value.objects.count(), Scope.objects.count(), Definition.objects.count()
    _again, plan = exchange.import_file(world.admin, "ntpc.json", _bytes(NEW_TAIPEI))
    assert plan.values_new == 0 and plan.values_unchanged == 2
    reordered = copy.deepcopy(NEW_TAIPEI)
    reordered["values"].reverse()
    _third, plan = exchange.import_file(world.admin, "ntpc-2.json", _bytes(reordered))
    assert (Value.objects.count(), Scope.objects.count(), Definition.objects.count()) == before
    assert not Conflict.objects.exists()


def test_a_conflicting_value_is_held_for_review_not_overwritten(taipei, world, kpi_world, client):
    exchange.import_file(world.admin, "ntpc.json", _bytes(NEW_TAIPEI))
    corrected = copy.deepcopy(NEW_TAIPEI)
    corrected["values"][0]["value"] = 4300
    staged, plan = exchange.import_file(world.admin, "ntpc-corrected.json", _bytes(corrected))
    assert len(plan.conflicts) == 1
    ferry = Value.objects.get(definition__slug="transport.ferry.ridership")
    assert ferry.value == 4200
    client.force_login(world.secretary)
    page = client.get(staged.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Conflicting values" in page and "4,300" in page
    conflict = Conflict.objects.get()
    client.post(f"/kpis/conflicts/{conflict.pk}/", {"choice": "incoming"})
    ferry.refresh_from_db()
    conflict.refresh_from_db()
    assert (
        ferry.value == 4300
        and conflict.status == "replaced"
        and conflict.decided_by == world.secretary
    )


def test_a_file_with_an_unreadable_value_imports_nothing(taipei, world, kpi_world):
    broken = copy.deepcopy(NEW_TAIPEI)
    broken["values"][1]["unit"] = "kWh"
    _staged, plan = exchange.import_file(world.admin, "broken.json", _bytes(broken))
    assert plan.errors and "cannot be stored in m**3" in plan.errors[0]
    assert not Scope.objects.filter(namespace="newtaipei").exists()
    assert not Definition.objects.filter(slug="transport.ferry.ridership").exists()


def test_the_review_page_shows_what_a_file_would_change_before_it_is_applied(
    taipei, world, kpi_world, client
):
    client.force_login(world.secretary)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("ntpc.json", _bytes(NEW_TAIPEI), content_type="application/json")
    response = client.post("/kpis/imports/", {"file": upload})
    assert response.status_code == 302
    page = client.get(response.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "transport.ferry.ridership@1" in page and "Apply the import" in page
    assert not Value.objects.exists()
    client.post(response.url)
    assert Value.objects.count() == 2


def test_officers_cannot_import_other_cities_figures(world, kpi_world, client):
    client.force_login(world.officer)
    assert client.get("/kpis/imports/").status_code == 403


def test_the_command_exports_a_scope_and_imports_it_again_changing_nothing(
    taipei, world, kpi_world, tmp_path
):
    write_value(definition("transport.bus.ridership"), kpi_world.route, month(2025, 3), 50_000)
    out = tmp_path / "region.json"
    call_command("kpis", "export", "--scope", "twn-north", "-o", str(out))
    jsonschema.validate(json.loads(out.read_text()), SCHEMA)
    call_command("kpis", "import", str(out))
    assert Value.objects.count() == 1 and not Conflict.objects.exists()
    csv_out = tmp_path / "region.csv"
    call_command("kpis", "export", "--scope", "twn-north", "-o", str(csv_out))
    assert (
        csv_out.read_text().splitlines()[1]
        == "transport.bus.ridership@1,taipei:bus-307,2025-03,50000.0,trip,taipei,"
    )
    call_command("kpis", "import", str(csv_out))
    assert Value.objects.count() == 1
