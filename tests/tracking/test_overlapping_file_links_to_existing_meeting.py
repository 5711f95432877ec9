from livinglab.meetings.models import Meeting
from livinglab.tracking.models import Case, Decision
from livinglab.tracking.services.importing import import_minutes
from tests.tracking.documents import document, item, meeting


def test_overlapping_file_links_to_existing_meeting(world, reader):
    march = meeting("2024-03-01", [item(["智慧路燈合作案"], "tracked")])
    april = meeting("2024-04-01", [item(["智慧路燈合作案"], "delisted")])
    import_minutes(
        world.secretary, world.body, [reader.add(b"march", document(march))], confirm=True
    )

    both = reader.add(b"both", document(march, april, source="合訂本.txt"))
    import_minutes(world.secretary, world.body, [both], confirm=True)

    assert Meeting.objects.count() == 2
    assert Decision.objects.count() == 2
    case = Case.objects.get()
    assert (case.state, case.closure) == ("closed", "delisted")
    assert Meeting.objects.get(date="2024-03-01").document.filename == "紀錄.txt"
