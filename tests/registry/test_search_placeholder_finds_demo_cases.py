"""The search box's example is a word that finds cases in the demo data."""

import re

import pytest

from livinglab.demo.people import load_people
from livinglab.demo.records import load_records
from livinglab.orgs.services import load_agency_directory

pytestmark = pytest.mark.django_db(transaction=True)  # the index is written on commit


def test_the_placeholder_example_finds_demo_cases(client):
    load_agency_directory()
    load_people()
    load_records()
    html = client.get("/cases/").content.decode()
    placeholder = re.search(r'id="id_q"[^>]*placeholder="([^"]+)"', html).group(1)
    example = re.sub(r"^(例如：|e\.g\. )", "", placeholder)
    assert example != placeholder, placeholder  # the example, without its lead-in
    found = client.get("/cases/", {"q": example}).content.decode()
    assert found.count('<td class="num" data-label=') >= 1, example
    # An agency's short name finds the cases it is responsible for, too.
    by_agency = client.get("/cases/", {"q": "工務局"}).content.decode()
    assert "智慧路燈節能監控擴充案" in by_agency
