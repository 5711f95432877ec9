from livinglab.meetings.models import Meeting, MinutesDocument
from livinglab.tracking.models import Case, CaseEvent, Decision
from livinglab.tracking.services.importing import import_minutes
from tests.tracking.documents import document, item, meeting


def _counts():
    models = (MinutesDocument, Meeting, Decision, Case, CaseEvent)
    return [model.objects.count() for model in models]


def test_import_twice_changes_nothing(world, reader):
    record = document(meeting("2024-03-01", [item(["智慧路燈合作案"], "tracked")]))
    upload = reader.add(b"first", record)
    import_minutes(world.secretary, world.body, [upload], confirm=True)
    before = _counts()

    again = import_minutes(world.secretary, world.body, [upload], confirm=True)

    assert _counts() == before
    assert again[0].status == MinutesDocument.Status.CONFIRMED
