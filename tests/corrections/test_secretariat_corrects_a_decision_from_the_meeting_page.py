import datetime as dt

from livinglab.tracking.models import Case, CaseAgency, CaseEvent, Decision
from tests.corrections.conftest import correct_url, correction, corrections_url


def test_the_meeting_page_leads_the_secretariat_to_the_corrections(client, world, meeting, lamp):
    client.force_login(world.secretary)

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert corrections_url(meeting) in page
    assert f"{corrections_url(meeting)}#decision-{lamp.pk}" in page


def test_the_meeting_page_offers_no_corrections_to_others(client, world, meeting):
    client.force_login(world.officer)

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert corrections_url(meeting) not in page


def test_each_decision_shows_its_status_deadline_and_agencies(client, world, meeting, lamp):
    client.force_login(world.secretary)

    page = client.get(corrections_url(meeting)).content.decode()

    assert f'id="decision-{lamp.pk}"' in page
    assert 'value="2024-12-31"' in page
    assert 'value="臺北市政府產業發展局"' in page
    assert '<datalist id="agency-directory">' in page
    assert "Add a decision the record missed" in page


def test_status_deadline_and_agencies_are_corrected(client, world, lamp):
    client.force_login(world.secretary)
    case = lamp.cases.get()

    response = client.post(
        correct_url(lamp),
        correction(
            lamp,
            status="delisted",
            deadline="2025-01-31",
            lead="交通局",
            supporting="臺北市政府產業發展局",
        ),
        follow=True,
    )

    assert response.status_code == 200
    assert "Decision 一、一 corrected (status, deadline, agencies)" in response.content.decode()
    lamp.refresh_from_db()
    assert lamp.status == "delisted" and lamp.deadline == dt.date(2025, 1, 31)
    case.refresh_from_db()
    assert case.state == Case.State.CLOSED and case.deadline == dt.date(2025, 1, 31)
    roles = dict(CaseAgency.objects.filter(case=case).values_list("organisation", "role"))
    assert roles == {world.transport.pk: "lead", world.industry.pk: "supporting"}
    event = CaseEvent.objects.get(case=case, kind="corrected")
    assert event.actor == world.secretary and event.decision_id == lamp.pk


def test_saving_unchanged_records_nothing(client, world, lamp):
    client.force_login(world.secretary)

    response = client.post(
        correct_url(lamp), correction(lamp, lead="臺北市政府產業發展局"), follow=True
    )

    assert "nothing changed" in response.content.decode()
    assert not CaseEvent.objects.filter(kind="corrected").exists()
    assert Decision.objects.get(pk=lamp.pk).status == "tracked"
