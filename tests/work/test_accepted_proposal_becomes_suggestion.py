"""An accepted proposal to delist shows on the next table as 擬辦 解除列管; the case itself
stays tracked until the body decides. Returned reports do not reach the table."""

from django.utils import translation

from livinglab.reports.tracking_table import build_table
from livinglab.tracking.models import Case
from livinglab.work.models import Assignment
from livinglab.work.services import NewReport, file_report, review_report, sync_assignments


def _row(world, title):
    with translation.override("zh-hant"):
        return next(r for r in build_table(world.body).rows if r.case.title == title)


def test_accepted_delisting_proposal_is_a_suggestion_not_a_state_change(world, cases):
    sync_assignments(Case.objects.all())
    assignment = Assignment.objects.get(case=cases["late"])
    report = file_report(world.officer, assignment, NewReport("活動已完成", 100, None, "delist"))
    assert _row(world, "青創交流合作").cells[5] == "繼續列管"
    review_report(world.secretary, report, accept=True, comment="同意提報")
    row = _row(world, "青創交流合作")
    assert row.cells[5] == "解除列管"
    assert "臺北市政府產業發展局：活動已完成" in row.cells[4]
    cases["late"].refresh_from_db()
    assert cases["late"].state == Case.State.TRACKED


def test_returned_report_does_not_reach_the_table(world, cases):
    sync_assignments(Case.objects.all())
    assignment = Assignment.objects.get(case=cases["late"])
    report = file_report(world.officer, assignment, NewReport("尚未完成", 10, None, "regular"))
    review_report(world.secretary, report, accept=False, comment="請補充成果")
    row = _row(world, "青創交流合作")
    assert row.cells[5] == "繼續列管" and row.cells[4] == ""
