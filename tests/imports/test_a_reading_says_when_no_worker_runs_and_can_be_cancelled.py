"""A large record's reading says plainly when no background worker runs, and the
secretary can cancel it; nothing of it is written (issue 12)."""

import datetime as dt

import pytest
from django.utils import timezone

from livinglab.meetings.models import Meeting, MinutesDocument
from livinglab.tracking.services import importing
from tests.imports.conftest import upload

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def waiting(client, world, monkeypatch, settings, tmp_path, django_capture_on_commit_callbacks):
    """A large record uploaded while tasks wait in the database for a worker."""
    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = DATABASE_TASKS
    monkeypatch.setattr(importing, "BACKGROUND_BYTES", 10)
    client.force_login(world.secretary)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, world.body)
    return MinutesDocument.objects.get()


def _tasks():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.all()


def test_no_worker_is_said_plainly_once_the_reading_waited(client, waiting):
    assert _tasks().filter(status="READY").count() == 1
    page = client.get(f"/imports/{waiting.pk}/").content.decode()
    assert "No background worker is running" not in page  # a worker has a moment to start
    _tasks().update(enqueued_at=timezone.now() - dt.timedelta(seconds=45))
    polled = client.get(f"/imports/{waiting.pk}/progress/", headers={"HX-Request": "true"})
    assert "No background worker is running" in polled.content.decode()
    assert "livinglab db_worker" in polled.content.decode()


def test_a_worker_that_took_the_reading_is_not_reported_missing(client, waiting):
    _tasks().update(status="RUNNING", enqueued_at=timezone.now() - dt.timedelta(minutes=1))
    page = client.get(f"/imports/{waiting.pk}/").content.decode()
    assert "No background worker is running" not in page


def test_the_reading_can_be_cancelled_and_nothing_is_written(client, world, waiting):
    page = client.get(f"/imports/{waiting.pk}/").content.decode()
    assert f'action="/imports/{waiting.pk}/cancel/"' in page
    response = client.post(f"/imports/{waiting.pk}/cancel/", follow=True)
    waiting.refresh_from_db()
    assert waiting.status == MinutesDocument.Status.FAILED
    assert "cancelled" in waiting.error
    assert not _tasks().filter(status="READY").exists()  # no worker will pick it up later
    assert "was cancelled" in response.content.decode()
    # A worker that had already taken the old attempt gives up without writing.
    importing.read_in_background(waiting.pk, waiting.attempt - 1)
    waiting.refresh_from_db()
    assert waiting.status == MinutesDocument.Status.FAILED
    assert not Meeting.objects.filter(body=world.body).exists()
    # It can then be discarded (or read again).
    client.post(f"/imports/{waiting.pk}/discard/")
    assert not MinutesDocument.objects.filter(pk=waiting.pk).exists()


def test_only_a_reading_can_be_cancelled(client, world, waiting):
    MinutesDocument.objects.filter(pk=waiting.pk).update(status="draft")
    response = client.post(f"/imports/{waiting.pk}/cancel/", follow=True)
    assert "nothing to cancel" in response.content.decode()
    assert MinutesDocument.objects.get(pk=waiting.pk).status == "draft"
