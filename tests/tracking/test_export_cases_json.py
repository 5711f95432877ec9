import json
from io import StringIO

from django.core.management import call_command

from livinglab.tracking.services.importing import import_minutes
from tests.tracking.documents import document, item, meeting


def test_export_cases_prints_each_case_with_its_decisions(world, reader):
    meetings = [
        meeting("2024-03-01", [item(["智慧路燈合作案"], "tracked")]),
        meeting("2024-06-01", [item(["智慧路燈合作案"], "delisted")]),
    ]
    import_minutes(
        world.secretary, world.body, [reader.add(b"x", document(*meetings))], confirm=True
    )
    out = StringIO()

    call_command("export_cases", "--body", world.body.name, "--json", stdout=out)

    [case] = json.loads(out.getvalue())["cases"]
    assert {
        k: case[k] for k in ("title", "aliases", "state", "closure", "pending", "merged_into")
    } == {
        "title": "智慧路燈合作案",
        "aliases": [],
        "state": "closed",
        "closure": "delisted",
        "pending": None,
        "merged_into": None,
    }
    assert [(d["date"], d["status"]) for d in case["decisions"]] == [
        ("2024-03-01", "tracked"),
        ("2024-06-01", "delisted"),
    ]
    assert all(d["id"] == d["meeting"]["id"] and d["text"] for d in case["decisions"])
