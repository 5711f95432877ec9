import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.tracking.models import Case, CaseLink, Decision

pytestmark = pytest.mark.django_db(transaction=True)


def text_of(response):
    assert response.status_code == 200
    return response.content.decode()


def test_registry_lists_visible_cases_with_badges(client, registry):
    html = text_of(client.get("/cases/"))
    assert "山區捕獸鋏及山豬吊宣導及清除交流" in html
    assert "badge-overdue" in html
    assert "臺北市預算調整" not in html


def test_registry_search_and_htmx_partial(client, registry):
    html = text_of(client.get("/cases/?q=捕獸", HTTP_HX_REQUEST="true"))
    assert "山區捕獸鋏" in html and "青創交流合作" not in html
    assert "<html" not in html


def test_registry_filters_by_state_and_agency(client, registry):
    html = text_of(client.get("/cases/?state=closed"))
    assert "新興能源經驗交流合作案" in html and "青創交流合作</a>" not in html
    html = text_of(client.get(f"/cases/?agency={registry.world.industry.pk}&overdue=on"))
    assert "青創交流合作</a>" in html and "山區捕獸鋏" not in html


def test_registry_queries_do_not_grow(client, registry, django_assert_max_num_queries):
    for n in range(20):
        Case.objects.create(body=registry.world.body, title=f"新案件{n}")
    with django_assert_max_num_queries(14):
        text_of(client.get("/cases/"))


OPTION_LISTS = (
    'SELECT "meetings_body"."id" AS "pk", "meetings_body"."name" AS "name"',
    'SELECT "orgs_organisation"."id" AS "pk", "orgs_organisation"."name" AS "name"',
)


def _option_lists_read(client, url, **headers) -> int:
    with CaptureQueriesContext(connection) as queries:
        text_of(client.get(url, **headers))
    return sum(q["sql"].startswith(OPTION_LISTS) for q in queries.captured_queries)


def test_search_box_rows_leave_the_filters_option_lists_unread(client, registry):
    assert _option_lists_read(client, "/cases/?q=捕獸", HTTP_HX_REQUEST="true") == 0
    assert _option_lists_read(client, "/cases/?q=捕獸") == 3  # the page prints them, once each
    # A chosen filter is still checked against the choices the user may pick.
    agency = registry.world.industry.pk
    html = text_of(client.get(f"/cases/?agency={agency}", HTTP_HX_REQUEST="true"))
    assert "青創交流合作</a>" in html and "山區捕獸鋏" not in html
    html = text_of(client.get("/cases/?agency=999999", HTTP_HX_REQUEST="true"))
    assert "山區捕獸鋏" in html  # not a choice: the filter is dropped, not an error


def test_case_page_queries_do_not_grow_with_its_history(
    client, registry, django_assert_num_queries
):
    url = f"/cases/{registry.traps.pk}/"
    with CaptureQueriesContext(connection) as first:
        text_of(client.get(url))
    for n in range(5):
        decision = Decision.objects.create(
            meeting=registry.meeting, position=100 + n, path=["九"], text=f"第{n}次決議"
        )
        CaseLink.objects.create(
            decision=decision, case=registry.traps, name="捕獸鋏", method=CaseLink.Method.EXACT
        )
    with django_assert_num_queries(len(first.captured_queries)):
        html = text_of(client.get(url))
    assert "第4次決議" in html


def test_case_page_shows_timeline_with_source_links(client, registry):
    html = text_of(client.get(f"/cases/{registry.traps.pk}/"))
    decision = Decision.objects.get(links__case=registry.traps)
    assert f"/meetings/{registry.meeting.pk}/#d{decision.pk}" in html
    assert "捕獸銹宣導" in html  # also written as


def test_private_case_page_is_404_for_the_public(client, registry):
    assert client.get(f"/cases/{registry.private.pk}/").status_code == 404


def test_meeting_page_highlights_decisions_escaped(client, registry):
    document = registry.meeting.document
    document.text = "<script>alert(1)</script>\n" + document.text
    document.save()
    registry.meeting.span_end = len(document.text)
    registry.meeting.save()
    decision = Decision.objects.get(links__case=registry.traps)
    start = document.text.index("捕獸鋏宣導")
    decision.span_start, decision.span_end = start, start + len("捕獸鋏宣導：持續列管。")
    decision.save()
    html = text_of(client.get(f"/meetings/{registry.meeting.pk}/"))
    assert f'<mark id="d{decision.pk}" tabindex="-1">捕獸鋏宣導：持續列管。</mark>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html


def test_body_page_counts_cases(client, registry):
    html = text_of(client.get(f"/bodies/{registry.world.body.pk}/"))
    assert registry.meeting.title in html
    assert "/bodies/" in text_of(client.get("/bodies/"))
    assert client.get(f"/bodies/{registry.world.private_body.pk}/").status_code == 404


def test_agency_page_lists_open_cases(client, registry):
    html = text_of(client.get(f"/cases/agencies/{registry.world.industry.pk}/"))
    assert "青創交流合作" in html


def test_review_queue_is_for_the_secretariat(client, registry):
    link = CaseLink.objects.get(case=registry.energy)
    link.needs_review, link.suggested_case = True, registry.youth
    link.save()
    assert client.get("/cases/review/").status_code == 302
    client.force_login(registry.world.officer)
    assert client.get("/cases/review/").status_code == 403
    assert client.post(f"/cases/review/{link.pk}/", {"answer": "accept"}).status_code == 404
    client.force_login(registry.world.secretary)
    assert "新興能源經驗交流合作案" in text_of(client.get("/cases/review/"))
    assert client.post(f"/cases/review/{link.pk}/", {"answer": "accept"}).status_code == 302
    registry.energy.refresh_from_db()
    assert registry.energy.merged_into == registry.youth


def test_review_move_to_a_new_case(client, registry):
    link = CaseLink.objects.get(case=registry.energy)
    link.needs_review, link.suggested_case = True, registry.youth
    link.save()
    client.force_login(registry.world.secretary)
    client.post(f"/cases/review/{link.pk}/", {"answer": "move", "title": "綠能示範"})
    assert Case.objects.filter(title="綠能示範").exists()


def test_registry_rows_name_each_agencys_city(client, registry):
    from livinglab.tracking.models import CaseAgency

    CaseAgency.objects.create(case=registry.youth, organisation=registry.world.economic)
    html = client.get("/cases/").content.decode()
    assert "臺北市產業發展局、新北市經濟發展局" in html
