"""The draft page of a large record whose background reading died says so in words and
offers to read it again; the button starts a new reading and the page shows its
progress, then the draft."""

import datetime as dt

from django.utils import timezone

from livinglab.meetings.models import MinutesDocument
from livinglab.tracking.services import importing
from tests.imports.conftest import upload


def test_the_secretary_reads_a_stopped_record_again(
    client, world, monkeypatch, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(importing, "BACKGROUND_BYTES", 10)
    client.force_login(world.secretary)
    with django_capture_on_commit_callbacks(execute=False):  # the worker dies midway
        response = upload(client, world.body)
    draft = MinutesDocument.objects.get()
    silent_since = timezone.now() - importing.LEASE - dt.timedelta(seconds=1)
    MinutesDocument.objects.update(progress=60, heartbeat_at=silent_since)

    page = client.get(response["Location"]).content.decode()
    assert "stopped at 60%" in page
    assert 'hx-trigger="every 2s"' not in page  # no longer polls for ever
    assert f'action="/imports/{draft.pk}/retry/"' in page
    listing = client.get(f"/imports/bodies/{world.body.pk}/").content.decode()
    assert "failed" in listing and "60%" not in listing

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        retried = client.post(f"/imports/{draft.pk}/retry/", follow=True)
    page = retried.content.decode()
    assert "is being read again in the background" in page
    assert 'hx-trigger="every 2s"' in page

    for callback in callbacks:  # this time the worker finishes
        callback()
    page = client.get(f"/imports/{draft.pk}/").content.decode()
    assert '<mark id="item-0-0"' in page


def test_a_stopped_reading_is_told_in_chinese(
    client, world, monkeypatch, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(importing, "BACKGROUND_BYTES", 10)
    client.force_login(world.secretary)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hant"
    with django_capture_on_commit_callbacks(execute=False):
        response = upload(client, world.body)
    MinutesDocument.objects.update(progress=60, heartbeat_at=timezone.now() - dt.timedelta(hours=1))

    page = client.get(response["Location"]).content.decode()
    assert "的讀取停在 60%" in page and "重新讀取" in page
