import pytest

from livinglab.meetings.models import Meeting, MinutesDocument
from livinglab.tracking.models import Case
from livinglab.tracking.services import recording
from livinglab.tracking.services.importing import ImportFailed, import_minutes
from tests.tracking.documents import document, item, meeting


def test_unreadable_file_is_named_and_nothing_is_stored(world, reader):
    good = reader.add(b"good", document(meeting("2024-03-01", [item(["甲案"], "tracked")])))

    with pytest.raises(ImportFailed, match="壞掉的紀錄.docx"):
        import_minutes(world.secretary, world.body, [good, ("壞掉的紀錄.docx", b"??")])

    assert not MinutesDocument.objects.exists()
    assert not Case.objects.exists()


def test_failure_while_confirming_rolls_everything_back(world, reader, monkeypatch):
    first = reader.add(b"one", document(meeting("2024-03-01", [item(["甲案"], "tracked")])))
    second = reader.add(b"two", document(meeting("2024-04-01", [item(["乙案"], "tracked")])))
    calls = []

    def explode_on_second(user, meeting, items, placeholders):
        calls.append(meeting)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(user, meeting, items, placeholders)

    original = recording.record_meeting
    monkeypatch.setattr(recording, "record_meeting", explode_on_second)

    with pytest.raises(RuntimeError):
        import_minutes(world.secretary, world.body, [first, second], confirm=True)

    assert not MinutesDocument.objects.exists()
    assert not Meeting.objects.exists()
    assert not Case.objects.exists()
