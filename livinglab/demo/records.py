"""Sample meeting records for two bodies, imported through the same path as uploads.

The records under `minutes/` are written for the demo (no real meeting): a city
committee and a four-city working group that reports to a deputy-mayor meeting, a
year of meetings each, with merges, renames, delistings and a referral upwards.
Loading twice changes nothing: the importer recognises each file by its SHA-256.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from livinglab.meetings.models import Body
from livinglab.orgs.models import Organisation
from livinglab.tracking.services.importing import import_minutes

RECORDS = Path(__file__).resolve().parent / "minutes"
CITIES = ["臺北市政府", "新北市政府", "基隆市政府", "桃園市政府"]
PARENT = "北北基桃合作交流平臺副首長會議"

# (body name, short name, secretariat, member cities, parent body, record file)
BODIES = [
    (
        "臺北市智慧城市推動委員會",
        "智慧城市委員會",
        "臺北市政府資訊局",
        CITIES[:1],
        None,
        "smart-city-committee-2025.txt",
    ),
    (
        "北北基桃合作交流平臺智慧交通組工作小組",
        "智慧交通組",
        "新北市政府交通局",
        CITIES,
        PARENT,
        "smart-transport-group-2025.txt",
    ),
]


@transaction.atomic
def load_records(username: str = "admin") -> dict[str, int]:
    """Import each body's sample records; returns the number of cases per body."""
    actor = get_user_model().objects.get(username=username)
    counts = {}
    for name, short, secretariat, cities, parent, filename in BODIES:
        body = _body(name, short, secretariat, cities, parent)
        import_minutes(actor, body, [RECORDS / filename], confirm=True)
        counts[name] = body.cases.count()
    return counts


def _body(name, short, secretariat, cities, parent) -> Body:
    parent_body = None
    if parent:
        parent_body, _ = Body.objects.get_or_create(
            name=parent, defaults={"short_name": "副首長會議"}
        )
    body, created = Body.objects.get_or_create(
        name=name,
        defaults={
            "short_name": short,
            "parent": parent_body,
            "secretariat": Organisation.objects.filter(name=secretariat).first(),
        },
    )
    if created:
        body.members.set(Organisation.objects.filter(name__in=cities))
        if parent_body is not None:
            parent_body.members.set(Organisation.objects.filter(name__in=cities))
    return body
