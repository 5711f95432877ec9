from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.meetings.models import Meeting
from livinglab.tracking.services.importing import import_minutes
from tests.corrections.conftest import corrections_url
from tests.imports.records import INDUSTRY_MEETING, numbered_meeting


def _queries(client, meeting, decisions: int) -> int:
    with CaptureQueriesContext(connection) as context:
        page = client.get(corrections_url(meeting))
    assert page.content.decode().count('class="correction"') == decisions
    return len(context)


def test_the_corrections_page_reads_in_a_fixed_number_of_queries(client, world):
    import_minutes(
        world.secretary, world.body, [("a.txt", INDUSTRY_MEETING.encode())], confirm=True
    )
    import_minutes(
        world.secretary, world.body, [("b.txt", numbered_meeting(15).encode())], confirm=True
    )
    few, many = Meeting.objects.order_by("date")
    client.force_login(world.secretary)

    assert _queries(client, many, 15) <= _queries(client, few, 4) <= 12
