"""A signed-in person lands on what waits for them, with counts that lead to the work."""

from django.urls import reverse

from livinglab.meetings.models import MinutesDocument
from livinglab.proposals.models import Proposal
from livinglab.work.models import Assignment, ProgressReport
from tests.pipeline import make_call, make_proposal


def waiting_lines(client, user) -> dict[str, int]:
    client.force_login(user)
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    return {line.label: line.count for line in response.context["waiting"]}


def test_an_officer_sees_the_agencys_overdue_work_first(client, world, cases):
    client.force_login(world.officer)
    page = client.get(reverse("core:home")).content.decode()
    lines = waiting_lines(client, world.officer)
    assert lines == {"逾期事項": 1}
    assert page.index("逾期事項") < page.index("site-footer")
    assert reverse("work:plate") in page


def test_deadlines_this_week_are_counted_apart_from_the_overdue(client, world, cases):
    # The economic bureau leads one case due today and supports one due in 20 days.
    assert waiting_lines(client, world.other_officer) == {"一週內到期的交辦事項": 1}


def test_the_secretariat_sees_drafts_links_and_reports_of_its_own_bodies(client, world, cases):
    MinutesDocument.objects.create(
        body=world.body, filename="第2次會議紀錄.docx", sha256="a" * 64, status="draft"
    )
    MinutesDocument.objects.create(
        body=world.body, filename="已確認.docx", sha256="b" * 64, status="confirmed"
    )
    waiting_lines(client, world.officer)  # the officer's visit brings assignments up to date
    assignment = Assignment.objects.get(case=cases["late"])
    ProgressReport.objects.create(
        assignment=assignment, author=world.officer, text="已完成初步盤點。", status="submitted"
    )
    lines = waiting_lines(client, world.secretary)
    assert lines["待確認的會議紀錄草稿"] == 1
    assert lines["待審閱的辦理情形"] == 1
    draft = MinutesDocument.objects.get(filename="第2次會議紀錄.docx")
    page = client.get(reverse("core:home")).content.decode()
    assert reverse("imports:draft", args=[draft.pk]) in page


def test_a_proposer_sees_drafts_and_proposals_sent_back(client, world):
    call = make_call(world)
    make_proposal(world, call, title="路口安全", status=Proposal.Status.DRAFT)
    make_proposal(world, call, title="夜間照明", status=Proposal.Status.REVISE)
    lines = waiting_lines(client, world.proposer)
    assert lines == {"退回修正的提案": 1, "尚未送出的提案草稿": 1}
    secretary_lines = waiting_lines(client, world.secretary)
    assert "審查中的提案" not in secretary_lines  # drafts are not the office's work


def test_someone_with_nothing_to_do_is_told_so_and_a_visitor_sees_the_introduction(client, world):
    client.force_login(world.reviewer)
    page = client.get(reverse("core:home")).content.decode()
    assert "目前沒有待辦事項。" in page
    client.logout()
    page = client.get(reverse("core:home")).content.decode()
    assert 'id="waiting-title"' not in page
