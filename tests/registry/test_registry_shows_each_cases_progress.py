"""The public registry and case page show each case's progress (how far along, its latest
stage, when it was reported), as Decidim's accountability module shows a result's: to
anyone, from figures and dates only, in the same number of queries whatever the page holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.tracking.models import Case, CaseAgency
from livinglab.tracking.services import changes
from livinglab.work import services as work
from livinglab.work.models import Assignment

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = "已完成青創參訪一場"


def _report(world, case, percent, accept=True):
    assignment = Assignment.objects.get(case=case, organisation=world.industry)
    report = work.file_report(
        world.officer, assignment, work.NewReport(text=WORDS, percent_complete=percent)
    )
    if accept:
        work.review_report(world.secretary, report, accept=True, comment="審閱人意見")
    return report


def _html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_registry_shows_percent_and_latest_stage_to_anyone(client, registry):
    _report(registry.world, registry.youth, 60)
    _report(registry.world, registry.youth, 90, accept=False)  # waiting: not counted
    html = _html(client, "/cases/")
    row = html[html.index("青創交流合作</a>") :].split("</tr>")[0]
    assert '<progress max="100" value="60"' in row and "60%" in row
    assert "90%" not in row
    assert "列管中 · 114年3月4日" in row  # the latest stage, on the date it took effect
    closed = html[html.index("新興能源經驗交流合作案</a>") :].split("</tr>")[0]
    assert 'value="100"' in closed  # a closed case is all the way
    untouched = html[html.index("山區捕獸鋏及山豬吊宣導及清除交流</a>") :].split("</tr>")[0]
    assert "<progress" not in untouched  # no agency, no figure; its stage still shows
    assert "列管中 · 114年3月4日" in untouched
    assert WORDS not in html and "審閱人意見" not in html


def test_the_case_page_shows_progress_without_the_reports_words(client, registry):
    _report(registry.world, registry.youth, 60)
    html = _html(client, registry.youth.get_absolute_url())
    summary = html[html.index('class="case-progress-summary"') :].split("</dd>")[0]
    assert 'value="60"' in summary and "60%" in summary
    assert "列管中 · 114年3月4日" in summary
    assert "辦理情形填報於" in summary
    assert WORDS not in html and "審閱人意見" not in html


def test_a_hand_change_is_not_the_latest_stage(client, registry):
    from livinglab.tracking.services import lifecycle

    lifecycle.record(registry.youth, "deadline", actor=registry.world.secretary)
    html = _html(client, "/cases/")
    row = html[html.index("青創交流合作</a>") :].split("</tr>")[0]
    assert "列管中 · 114年3月4日" in row


def test_registry_queries_do_not_grow_with_progress(client, registry):
    _report(registry.world, registry.youth, 60)
    with CaptureQueriesContext(connection) as few:
        _html(client, "/cases/")
    for n in range(6):
        case = Case.objects.create(body=registry.world.body, title=f"新案件{n}", state="tracked")
        CaseAgency.objects.create(case=case, organisation=registry.world.industry)
        changes.cases_changed([case])
        _report(registry.world, case, 10 * n)
    with CaptureQueriesContext(connection) as many:
        html = _html(client, "/cases/")
    assert 'value="50"' in html
    assert len(many.captured_queries) == len(few.captured_queries)
