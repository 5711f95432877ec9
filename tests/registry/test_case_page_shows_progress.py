"""The case page carries the progress reports its reader may see."""

from livinglab.tracking.models import Case
from livinglab.work.models import Assignment
from livinglab.work.services import NewReport, file_report, sync_assignments
from tests.work.conftest import make_case


def test_case_page_shows_the_officers_report_to_the_secretariat(client, world):
    case = make_case(world, "青創交流合作", lead=world.industry)
    sync_assignments(Case.objects.filter(pk=case.pk))
    assignment = Assignment.objects.get(case=case, organisation=world.industry)
    file_report(world.officer, assignment, NewReport(text="九月已辦理青創參訪一場"))
    client.force_login(world.secretary)
    html = client.get(case.get_absolute_url()).content.decode()
    assert "九月已辦理青創參訪一場" in html


def test_public_case_page_does_not_show_unreviewed_reports(client, world):
    case = make_case(world, "青創交流合作", lead=world.industry)
    sync_assignments(Case.objects.filter(pk=case.pk))
    assignment = Assignment.objects.get(case=case, organisation=world.industry)
    file_report(world.officer, assignment, NewReport(text="尚未審閱的辦理情形"))
    html = client.get(case.get_absolute_url()).content.decode()
    assert case.title in html
    assert "尚未審閱的辦理情形" not in html


def test_agency_page_links_to_its_open_cases(client, world):
    html = client.get(world.industry.get_absolute_url()).content.decode()
    assert f"/cases/agencies/{world.industry.pk}/" in html
