"""A large record that cannot be read fails with its reason, and its stored copy is
removed: nothing of a failed import stays behind."""

from pathlib import Path

from livinglab.meetings.models import MinutesDocument
from livinglab.tracking.services import importing


def test_the_stored_file_of_an_unreadable_large_record_is_removed(
    world, reader, monkeypatch, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(importing, "BACKGROUND_BYTES", 3)

    with django_capture_on_commit_callbacks(execute=True):
        [draft] = importing.import_minutes(world.secretary, world.body, [("大檔.pdf", b"garbage")])

    draft.refresh_from_db()
    assert draft.status == MinutesDocument.Status.FAILED
    assert "大檔.pdf" in draft.error
    assert not draft.upload
    assert [p for p in Path(tmp_path).rglob("*") if p.is_file()] == []
