"""Notifications through the API: each person reads only their own, in their language;
reading marks nothing, marking read is a POST."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.work.models import Notification


def _notify(user, subject="智慧路燈合作案", kind=Notification.Kind.REPORT_ACCEPTED):
    return Notification.objects.create(user=user, kind=kind, subject=subject, url="/work/")


def test_a_person_lists_their_own_notifications_in_words(world, api_as):
    mine = _notify(world.officer)
    _notify(world.other_officer, subject="別人的案")
    answer = api_as("officer").get("/api/notifications")
    assert answer.status_code == 200
    [item] = answer.json()["items"]
    assert item["id"] == mine.pk
    assert item["text"] == "Your progress report on “智慧路燈合作案” was accepted."
    assert item["read_at"] is None
    assert "別人的案" not in answer.content.decode()


def test_reading_the_list_marks_nothing_read(world, api_as):
    _notify(world.officer)
    api = api_as("officer")
    api.get("/api/notifications")
    api.get("/api/notifications", {"unread": "true"})
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_marking_read_is_a_post_for_some_or_all(world, api_as):
    first, second, third = (_notify(world.officer, f"案{n}") for n in range(3))
    api = api_as("officer")
    assert api.get("/api/notifications/read").status_code == 405
    marked = api.post("/api/notifications/read", {"ids": [first.pk]})
    assert marked.json() == {"marked": 1, "unread": 2}
    unread = api.get("/api/notifications", {"unread": "true"}).json()["items"]
    assert {n["id"] for n in unread} == {second.pk, third.pk}
    assert api.post("/api/notifications/read").json() == {"marked": 2, "unread": 0}


def test_nobody_marks_another_persons_notifications(world, api_as):
    theirs = _notify(world.other_officer)
    answer = api_as("officer").post("/api/notifications/read", {"ids": [theirs.pk]})
    assert answer.json()["marked"] == 0
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_public_has_no_notifications(client, world):
    assert client.get("/api/notifications").status_code == 401
    assert client.post("/api/notifications/read", {}, "application/json").status_code == 401


@pytest.mark.parametrize("ids", [[0], [-1], [2**64], list(range(1, 1200)), "all"])
def test_out_of_range_ids_are_refused(world, api_as, ids):
    assert api_as("officer").post("/api/notifications/read", {"ids": ids}).status_code == 422


def test_notification_list_queries_do_not_grow_with_its_length(world, api_as):
    api = api_as("officer")
    _notify(world.officer)
    api.get("/api/notifications")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            api.get("/api/notifications", {"limit": 100})
        return len(captured)

    few = queries()
    for n in range(20):
        _notify(world.officer, f"案{n}", kind=Notification.Kind.REMINDER)
    assert queries() == few
