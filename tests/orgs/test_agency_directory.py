import json

import pytest

from livinglab.orgs.models import Organisation
from livinglab.orgs.services import DIRECTORY_FILE, load_agency_directory

SMALL_DIRECTORY = {
    "cities": [
        {
            "name": "基隆市",
            "government": "基隆市政府",
            "aliases": ["基市"],
            "agencies": [
                {
                    "name": "基隆市政府教育處",
                    "short": "教育處",
                    "aliases": [],
                    "units": [{"name": "基隆市政府教育處體育場", "short": "體育場", "aliases": []}],
                }
            ],
        }
    ]
}


@pytest.fixture
def directory_file(tmp_path):
    path = tmp_path / "agencies.json"
    path.write_text(json.dumps(SMALL_DIRECTORY, ensure_ascii=False), encoding="utf-8")
    return path


def test_loading_creates_cities_agencies_and_units(db, directory_file):
    load_agency_directory(directory_file)
    unit = Organisation.objects.get(name="基隆市政府教育處體育場")
    assert unit.kind == "unit"
    assert unit.parent.name == "基隆市政府教育處"
    assert unit.city.name == "基隆市政府"
    assert list(unit.city.aliases.values_list("name", flat=True)) == ["基市"]


def test_loading_twice_changes_nothing(db, directory_file):
    first = load_agency_directory(directory_file)
    second = load_agency_directory(directory_file)
    assert first.created == 3
    assert (second.created, second.updated, second.aliases) == (0, 0, 0)


def test_the_shipped_directory_covers_the_four_cities(db):
    if not DIRECTORY_FILE.exists():
        pytest.skip("the minutes reader's agency directory is not written yet")
    load_agency_directory()
    cities = set(Organisation.objects.cities().values_list("short_name", flat=True))
    assert {"臺北市", "新北市", "基隆市", "桃園市"} <= cities
    assert (
        Organisation.objects.get(name="臺北市政府產業發展局").aliases.filter(name="產發局").exists()
    )
    assert Organisation.objects.agencies().count() > 100


def test_load_agencies_command_reports_counts(db, directory_file):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("load_agencies", file=directory_file, stdout=out)
    assert "3 organisations created" in out.getvalue()
