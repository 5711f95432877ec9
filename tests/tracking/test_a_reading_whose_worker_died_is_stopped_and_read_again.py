"""A background reading whose worker was killed does not stay "reading" for ever: once it
has been silent longer than the lease it is declared stopped (its file kept), and a new
attempt reads it; the dead attempt, should it wake up, writes nothing."""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from livinglab.meetings.models import MinutesDocument
from livinglab.tracking.models import Case
from livinglab.tracking.services import importing
from tests.tracking.documents import document, item, meeting

Status = MinutesDocument.Status


@pytest.fixture
def queued(world, reader, monkeypatch, settings, tmp_path, django_capture_on_commit_callbacks):
    """A large record handed to the background reader, whose task has not run."""
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(importing, "BACKGROUND_BYTES", 3)
    upload = reader.add(b"large", document(meeting("2024-03-01", [item(["甲案"], "tracked")])))
    with django_capture_on_commit_callbacks(execute=False):  # no worker picks it up
        [draft] = importing.import_minutes(world.secretary, world.body, [upload], confirm=True)
    return draft


def _worker_died_at(draft, percent: int, minutes_ago: float) -> None:
    """A worker took the record, reported `percent`, then was killed."""
    silent_since = timezone.now() - dt.timedelta(minutes=minutes_ago)
    MinutesDocument.objects.filter(pk=draft.pk).update(progress=percent, heartbeat_at=silent_since)


def test_a_silent_reading_is_declared_stopped_and_keeps_its_file(queued):
    _worker_died_at(queued, 60, minutes_ago=importing.LEASE.total_seconds() / 60 + 1)

    assert importing.notice_abandoned(MinutesDocument.objects.all()) == 1

    queued.refresh_from_db()
    assert queued.status == Status.FAILED
    assert "60%" in queued.error and queued.filename in queued.error
    assert Path(queued.upload.path).exists()  # kept, so that it can be read again
    assert not Case.objects.exists()


def test_a_reading_that_still_reports_is_left_alone(queued):
    _worker_died_at(queued, 60, minutes_ago=importing.LEASE.total_seconds() / 60 / 2)

    assert importing.notice_abandoned(MinutesDocument.objects.all()) == 0
    queued.refresh_from_db()
    assert (queued.status, queued.progress) == (Status.READING, 60)


def test_the_secretary_reads_it_again_and_it_is_written_once(
    world, queued, django_capture_on_commit_callbacks
):
    _worker_died_at(queued, 60, minutes_ago=60)
    importing.notice_abandoned(MinutesDocument.objects.all())
    queued.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):  # the task runs at once in tests
        importing.read_once_more(world.secretary, queued)

    queued.refresh_from_db()
    assert (queued.status, queued.progress, queued.attempt) == (Status.CONFIRMED, 100, 2)
    assert Case.objects.get().title == "甲案"

    # The first attempt's worker was not dead after all and finishes now: nothing changes.
    importing.read_in_background(queued.pk, 1)
    queued.refresh_from_db()
    assert queued.status == Status.CONFIRMED
    assert Case.objects.count() == 1


def test_only_a_stopped_reading_with_its_file_can_be_read_again(world, queued):
    with pytest.raises(importing.ImportFailed, match=queued.filename):
        importing.read_once_more(world.secretary, queued)  # still reading
