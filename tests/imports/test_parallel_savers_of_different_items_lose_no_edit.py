"""Twenty secretaries save different items of one draft at the same moment: every edit
is kept (issue 16). Each opened the page before any of them saved, so the values they
post for the other items are stale; only what each changed may be written.

PostgreSQL runs the savers truly at once (row lock on the draft); SQLite allows one
writer at a time and would only measure its busy timeout, so the test is skipped there.
"""

import threading

import pytest
from django.db import connection

from livinglab.meetings.models import MinutesDocument
from tests.imports.conftest import form_values, upload
from tests.imports.records import numbered_meeting

SAVERS = 20

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="parallel writers need PostgreSQL (SQLite serialises every write)",
    ),
]


def _saver_client(world):
    from django.test import Client

    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(world.secretary)
    return client


def _run_at_once(jobs) -> list:
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def run(n, job):
        from django.db import connections

        try:
            barrier.wait(timeout=30)
            results[n] = job()
        except Exception as error:  # reported by the test, not lost in the thread
            results[n] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n, job)) for n, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.fixture
def draft_of_twenty(client, world) -> MinutesDocument:
    client.force_login(world.secretary)
    assert upload(client, world.body, text=numbered_meeting(SAVERS)).status_code == 302
    draft = MinutesDocument.objects.get()
    assert len(draft.proposal["meetings"][0]["items"]) == SAVERS
    return draft


def _pending(i: int) -> str:
    return f"第{i + 1}位秘書的修改"


@pytest.mark.parametrize("way", ["row", "page"])
def test_every_saver_keeps_their_edit(client, world, draft_of_twenty, way):
    shown = form_values(client.get(f"/imports/{draft_of_twenty.pk}/"))
    clients = [_saver_client(world) for _ in range(SAVERS)]

    def saver(i):
        values = {**shown, f"i0-{i}-pending": _pending(i), f"i0-{i}-deadline": "2025-06-30"}
        if way == "row":
            url = f"/imports/{draft_of_twenty.pk}/items/0/{i}/"
            response = clients[i].post(url, values, headers={"HX-Request": "true"})
            return response.status_code, "Saved." in response.content.decode()
        response = clients[i].post(f"/imports/{draft_of_twenty.pk}/", {**values, "action": "save"})
        return response.status_code, response.status_code == 302

    results = _run_at_once([lambda i=i: saver(i) for i in range(SAVERS)])

    assert all(result[1] for result in results), results
    items = MinutesDocument.objects.get().proposal["meetings"][0]["items"]
    lost = [i + 1 for i in range(SAVERS) if items[i].get("pending") != _pending(i)]
    assert lost == [], f"edits lost for items {lost}"
    assert all(item["deadline"]["date"] == "2025-06-30" for item in items)
