from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.tracking.models import Case
from tests.imports.conftest import upload
from tests.imports.records import numbered_meeting


def _queries(client, world, items: int) -> int:
    response = upload(client, world.body, name=f"{items}.txt", text=numbered_meeting(items))
    with CaptureQueriesContext(connection) as context:
        page = client.get(response["Location"])
    assert page.content.decode().count('<fieldset class="item') == items
    return len(context)


def test_draft_page_queries_do_not_grow_with_items(client, world):
    for n in range(30):
        Case.objects.create(body=world.body, title=f"既有案件{n}")
    client.force_login(world.secretary)

    few, many = _queries(client, world, 2), _queries(client, world, 15)

    assert many <= few
    assert few <= 12
