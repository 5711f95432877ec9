"""An import through the API can be discarded (nothing of it written) and a reading that
stopped can be started again, as on the draft page."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from livinglab.meetings.models import Meeting, MinutesDocument
from livinglab.tracking.services import importing
from tests.imports.records import INDUSTRY_MEETING


def _upload(api, body):
    upload = SimpleUploadedFile("第3次會議紀錄.txt", INDUSTRY_MEETING.encode())
    return api.post(f"/api/bodies/{body.pk}/imports", {"files": [upload]}, multipart=True)


def test_a_draft_is_discarded_and_nothing_of_it_stays(world, api_as):
    api = api_as("secretary")
    [document] = _upload(api, world.body).json()
    discarded = api.post(f"/api/imports/{document['id']}/discard")
    assert discarded.status_code == 200
    assert discarded.json()["detail"] == (
        "第3次會議紀錄.txt was discarded; nothing of it was written."
    )
    assert not MinutesDocument.objects.exists() and not Meeting.objects.exists()
    assert api.get(f"/api/imports/{document['id']}").status_code == 404


def test_a_confirmed_record_is_not_discarded(world, api_as):
    api = api_as("secretary")
    [document] = _upload(api, world.body).json()
    api.post(f"/api/imports/{document['id']}/confirm")
    refused = api.post(f"/api/imports/{document['id']}/discard")
    assert refused.status_code == 400
    assert "is confirmed" in refused.json()["detail"]
    assert Meeting.objects.filter(document_id=document["id"]).exists()


def test_an_officer_cannot_discard(world, api_as):
    [document] = _upload(api_as("secretary"), world.body).json()
    assert api_as("officer").post(f"/api/imports/{document['id']}/discard").status_code == 404
    assert MinutesDocument.objects.filter(pk=document["id"]).exists()


def test_a_stopped_reading_is_read_again(
    world, api_as, monkeypatch, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(importing, "BACKGROUND_BYTES", 10)
    api = api_as("secretary")
    with django_capture_on_commit_callbacks(execute=False):  # the worker dies midway
        [document] = _upload(api, world.body).json()
    silent_since = timezone.now() - importing.LEASE - dt.timedelta(seconds=1)
    MinutesDocument.objects.update(progress=60, heartbeat_at=silent_since)

    stopped = api.get(f"/api/imports/{document['id']}").json()
    assert stopped["status"] == "failed" and "stopped at 60%" in stopped["error"]

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        retried = api.post(f"/api/imports/{document['id']}/retry")
    assert retried.status_code == 200
    assert retried.json()["status"] == "reading" and retried.json()["error"] == ""
    for callback in callbacks:  # this time the worker finishes
        callback()
    assert api.get(f"/api/imports/{document['id']}").json()["status"] == "draft"


def test_only_a_stopped_reading_is_retried(world, api_as):
    api = api_as("secretary")
    [document] = _upload(api, world.body).json()
    refused = api.post(f"/api/imports/{document['id']}/retry")
    assert refused.status_code == 400
    assert MinutesDocument.objects.get(pk=document["id"]).status == "draft"
