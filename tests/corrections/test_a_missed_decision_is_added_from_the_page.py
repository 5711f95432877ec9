import datetime as dt

from livinglab.tracking.models import Case, CaseEvent, CaseLink
from tests.corrections.conftest import add_url


def _add(client, meeting, **fields):
    data = {"add-text": "請交通局研議路燈故障通報流程。", "add-to": "existing"}
    data.update({f"add-{key}": value for key, value in fields.items()})
    return client.post(add_url(meeting), data)


def test_a_decision_about_a_new_case(client, world, meeting):
    client.force_login(world.secretary)

    response = _add(
        client,
        meeting,
        to="new",
        title="路燈故障通報案",
        status="new",
        deadline="2024-12-01",
        lead="交通局",
    )

    assert response.status_code == 302
    case = Case.objects.get(title="路燈故障通報案")
    decision = case.decisions.get()
    assert decision.meeting == meeting and decision.position == 4
    assert case.deadline == dt.date(2024, 12, 1)
    assert list(case.agencies.all()) == [world.transport]
    event = CaseEvent.objects.get(case=case, kind="corrected")
    assert event.actor == world.secretary and event.payload == {"added": True}
    page = client.get(response["Location"]).content.decode()
    assert "about the case “路燈故障通報案”" in page


def test_a_decision_about_an_existing_case_picked_from_the_list(client, world, meeting):
    client.force_login(world.secretary)
    lamp = Case.objects.get(title="智慧路燈合作案")

    options = client.get(
        f"/cases/manage/meetings/{meeting.pk}/cases/", {"add-case": "路燈"}
    ).content.decode()
    assert f'value="智慧路燈合作案 #{lamp.pk}"' in options
    assert "共享單車" not in options

    response = _add(client, meeting, case=f"智慧路燈合作案 #{lamp.pk}", status="tracked")

    assert response.status_code == 302
    assert CaseLink.objects.filter(case=lamp).count() == 2
    assert CaseEvent.objects.filter(case=lamp, kind="corrected", actor=world.secretary).exists()


def test_a_case_that_is_not_there_is_refused_not_created(client, world, meeting):
    client.force_login(world.secretary)

    response = _add(client, meeting, to="existing", case="不存在的案子 #99999", title="")

    assert response.status_code == 400
    assert "No case of this body that can be chosen here" in response.content.decode()
    assert Case.objects.count() == 4


def test_the_text_and_a_case_are_needed(client, world, meeting):
    client.force_login(world.secretary)

    response = client.post(add_url(meeting), {"add-text": "", "add-to": "new", "add-title": ""})

    assert response.status_code == 400
    page = response.content.decode()
    assert "This field is required." in page and "Give the new case a title." in page
