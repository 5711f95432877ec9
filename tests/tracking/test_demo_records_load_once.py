from livinglab.demo.people import load_people
from livinglab.demo.records import load_records
from livinglab.meetings.models import Body, Meeting
from livinglab.orgs.services import load_agency_directory
from livinglab.tracking.models import Case, CaseEvent


def test_demo_records_load_through_the_importer_and_only_once(db):
    load_agency_directory()
    load_people()
    load_records()
    counts = [Meeting.objects.count(), Case.objects.count(), CaseEvent.objects.count()]

    load_records()

    assert [Meeting.objects.count(), Case.objects.count(), CaseEvent.objects.count()] == counts
    group = Body.objects.get(short_name="智慧交通組")
    assert group.parent.name == "北北基桃合作交流平臺副首長會議"
    assert Case.objects.filter(body=group).pending().exists()
    assert Case.objects.filter(closure="merged").count() == 4
    assert Case.objects.filter(aliases__kind="renamed").count() == 2
    assert Case.objects.tracked().count() >= 4
