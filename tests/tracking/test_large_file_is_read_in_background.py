from livinglab.meetings.models import MinutesDocument
from livinglab.tracking.models import Case
from livinglab.tracking.services import importing
from tests.tracking.documents import document, item, meeting


def test_large_file_is_read_in_background(
    world, reader, monkeypatch, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(importing, "BACKGROUND_BYTES", 3)
    upload = reader.add(b"large", document(meeting("2024-03-01", [item(["甲案"], "tracked")])))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        [draft] = importing.import_minutes(world.secretary, world.body, [upload], confirm=True)
    assert (draft.status, draft.progress) == (MinutesDocument.Status.READING, 0)
    assert not Case.objects.exists()

    for callback in callbacks:  # the task backend runs tasks at once in tests
        callback()

    draft.refresh_from_db()
    assert (draft.status, draft.progress) == (MinutesDocument.Status.CONFIRMED, 100)
    assert Case.objects.get().title == "甲案"


def test_unreadable_large_file_fails_with_its_name(
    world, reader, monkeypatch, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(importing, "BACKGROUND_BYTES", 3)

    with django_capture_on_commit_callbacks(execute=True):
        [draft] = importing.import_minutes(world.secretary, world.body, [("大檔.pdf", b"garbage")])

    draft.refresh_from_db()
    assert draft.status == MinutesDocument.Status.FAILED
    assert "大檔.pdf" in draft.error
    assert not Case.objects.exists()
