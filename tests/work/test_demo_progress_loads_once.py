"""The demo's progress reports: the committee's 新創產品場域實證媒合案 is shown part of the
way along in public, the secretary has a report to review, and loading twice changes
nothing."""

from livinglab.demo.people import load_people
from livinglab.demo.progress import CASE, load_progress
from livinglab.demo.records import load_records
from livinglab.orgs.services import load_agency_directory
from livinglab.tracking.models import Case
from livinglab.work.models import ProgressReport
from livinglab.work.progress import public_progress


def _load():
    load_agency_directory()
    load_people()
    load_records()


def test_one_report_accepted_and_one_waiting(db):
    _load()
    assert "accepted" in load_progress()
    case = Case.objects.get(title=CASE)
    statuses = sorted(
        ProgressReport.objects.filter(assignment__case=case).values_list("status", flat=True)
    )
    assert statuses == [ProgressReport.Status.ACCEPTED, ProgressReport.Status.SUBMITTED]
    # The lead's accepted 40 % (not the waiting 60 %) and the supporting agency's nothing
    # yet: the mean over the case's two agencies.
    assert case.assignments.count() == 2
    assert public_progress([case.pk])[case.pk].percent == 20


def test_loading_twice_changes_nothing(db):
    _load()
    load_progress()
    count = ProgressReport.objects.count()
    assert load_progress() == "loaded before"
    assert ProgressReport.objects.count() == count
