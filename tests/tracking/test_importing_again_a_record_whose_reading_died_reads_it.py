"""Running the import again for a record whose background reading died reads it again
instead of answering 讀取中 (reading) for ever."""

import datetime as dt
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import override

from livinglab.meetings.models import MinutesDocument
from livinglab.tracking import tasks
from livinglab.tracking.models import Case
from livinglab.tracking.services import importing
from tests.tracking.documents import document, item, meeting


def _import(path, body) -> str:
    out = StringIO()
    with override("zh-hant"):
        call_command("import_minutes", "--body", body.name, "--confirm", str(path), stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)  # the task runs when the command's import commits
def test_a_dead_reading_is_read_again_by_the_command(
    world, reader, monkeypatch, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(importing, "BACKGROUND_BYTES", 3)
    name, content = reader.add(b"large", document(meeting("2024-03-01", [item(["甲案"])])))
    path = tmp_path / name
    path.write_bytes(content)
    with monkeypatch.context() as no_worker:  # the worker dies before it finishes
        no_worker.setattr(tasks, "read_minutes_task", SimpleNamespace(enqueue=lambda *a: None))
        assert "讀取中" in _import(path, world.body)
    silent_since = timezone.now() - importing.LEASE - dt.timedelta(minutes=1)
    MinutesDocument.objects.update(progress=60, heartbeat_at=silent_since)

    output = _import(path, world.body)

    assert "讀取中" not in output and "已確認" in output
    draft = MinutesDocument.objects.get()
    assert (draft.status, draft.attempt) == (MinutesDocument.Status.CONFIRMED, 2)
    assert Case.objects.get().title == "甲案"
    files = [p for p in (tmp_path / "media").rglob("*") if p.is_file()]
    assert [p.name for p in files] == [draft.upload.name.rsplit("/", 1)[-1]]  # one copy
