from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.tracking.services import drafting
from tests.imports.conftest import upload
from tests.imports.records import numbered_meeting


def _queries(client, draft) -> int:
    with CaptureQueriesContext(connection) as context:
        page = client.get(f"/imports/{draft.pk}/")
    assert page.status_code == 200
    return len(context)


def test_meetings_and_items_added_by_hand_cost_no_queries_each(client, world):
    from livinglab.meetings.models import MinutesDocument

    client.force_login(world.secretary)
    upload(client, world.body, name="12.txt", text=numbered_meeting(12))
    draft = MinutesDocument.objects.get()
    before = _queries(client, draft)

    for n in range(3):
        drafting.split_meeting(world.secretary, draft, n, 1)
    for _n in range(5):
        drafting.add_item(world.secretary, draft, 0)
    drafting.add_meeting(world.secretary, draft)

    assert _queries(client, draft) <= before
