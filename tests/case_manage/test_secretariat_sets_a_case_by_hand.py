"""The body's secretariat sets a case's state (with its closure and a reason), its lead
and supporting agencies, and its deadline from the case page; each change is an event on
the case's history (before → after, who, when) and the agencies' assignments follow."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from livinglab.meetings.models import Body
from livinglab.orgs.models import Membership
from livinglab.tracking.models import Case, CaseAgency, CaseEvent
from livinglab.tracking.services import correcting, editing
from livinglab.tracking.services.correcting import Responsible
from livinglab.tracking.services.lifecycle import CaseChangeRefused
from livinglab.work.models import Assignment, Notification
from tests.work.conftest import make_case


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def case(world):
    return make_case(world, "智慧路燈合作案", lead=world.industry, deadline=dt.date(2030, 12, 31))


@pytest.fixture
def other_secretary(world):
    person = get_user_model().objects.create_user("other_secretary", password="x")
    council = Body.objects.create(name="臺北市政府市政會議", secretariat=world.transport)
    Membership.objects.create(user=person, role="secretariat", body=council)
    return person


def _page(client, case) -> str:
    return client.get(case.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_closing_a_case_by_hand_keeps_the_closure_and_the_reason(client, world, case):
    client.force_login(world.secretary)
    response = client.post(
        reverse("case_manage:state", args=[case.pk]),
        {"state-state": "delisted", "state-reason": "第5次小組會議決議解除列管"},
    )

    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.state, case.closure) == ("closed", "delisted")
    event = case.events.get(kind=CaseEvent.Kind.DELISTED)
    assert event.actor == world.secretary and event.note == "第5次小組會議決議解除列管"
    assert event.payload["state"] == ["tracked", "delisted"]
    assert not Assignment.objects.open().filter(case=case).exists()
    html = _page(client, case)
    assert "第5次小組會議決議解除列管" in html
    assert "State: <del>tracked</del> → <ins>closed: delisted</ins>" in html


def test_a_state_needs_a_reason(client, world, case):
    client.force_login(world.secretary)
    response = client.post(
        reverse("case_manage:state", args=[case.pk]),
        {"state-state": "regular"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    case.refresh_from_db()
    assert case.state == "tracked" and not case.events.filter(kind="regular").exists()


def test_merged_by_hand_joins_the_chosen_case(client, world, case):
    target = make_case(world, "智慧路燈示範計畫", lead=world.industry)
    client.force_login(world.secretary)
    client.post(
        reverse("case_manage:state", args=[case.pk]),
        {
            "state-state": "merged",
            "state-into": f"{target.title} #{target.pk}",
            "state-reason": "兩案內容相同",
        },
    )
    case.refresh_from_db()
    assert (case.closure, case.merged_into) == ("merged", target)
    assert case.events.get(kind="merged").note == "兩案內容相同"


def test_a_proposal_tracked_by_hand_reaches_the_agency(world):
    case = make_case(world, "夜市行動支付推廣案", lead=world.industry, state=Case.State.PROPOSED)
    assert not Assignment.objects.filter(case=case).exists()

    editing.set_state(world.secretary, case, "tracked", reason="副市長裁示列管")

    assert Assignment.objects.open().filter(case=case, organisation=world.industry).exists()
    assert Notification.objects.filter(user=world.officer, kind="assignment_new").exists()


def test_agencies_set_by_hand_give_the_new_agency_its_assignment(client, world, case):
    client.force_login(world.secretary)
    response = client.post(
        reverse("case_manage:agencies", args=[case.pk]),
        {"agencies-lead": "臺北市政府交通局", "agencies-supporting": "新北市政府經濟發展局"},
    )

    assert response.status_code == 302
    rows = set(CaseAgency.objects.filter(case=case).values_list("organisation", "role"))
    assert rows == {(world.transport.pk, "lead"), (world.economic.pk, "supporting")}
    assert Assignment.objects.filter(case=case, organisation=world.economic).exists()
    assert Notification.objects.filter(user=world.other_officer, kind="assignment_new").exists()
    event = case.events.get(kind=CaseEvent.Kind.AGENCIES)
    assert event.actor == world.secretary
    assert event.payload["agencies"][0] == [["臺北市政府產業發展局", "lead"]]
    assert "臺北市政府交通局 (lead agency)" in _page(client, case)


def test_an_agency_outside_the_directory_is_refused(client, world, case):
    client.force_login(world.secretary)
    response = client.post(
        reverse("case_manage:agencies", args=[case.pk]),
        {"agencies-lead": "火星探測局"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "Not in the organisation directory" in response.content.decode()
    assert not case.events.filter(kind=CaseEvent.Kind.AGENCIES).exists()


def test_agencies_set_by_hand_outlive_a_correction_of_an_older_decision(world, case):
    editing.set_agencies(world.secretary, case, [Responsible(world.transport)])
    decision = case.decisions.get()

    correcting.correct_decision(
        world.secretary,
        decision,
        status=decision.status,
        deadline=dt.date(2030, 6, 30),
        agencies=[Responsible(world.industry)],
    )

    assert list(CaseAgency.objects.filter(case=case).values_list("organisation", flat=True)) == [
        world.transport.pk
    ]


def test_a_deadline_set_by_hand_moves_the_assignments(client, world, case):
    client.force_login(world.secretary)
    client.post(
        reverse("case_manage:deadline", args=[case.pk]), {"deadline-deadline": "2031-03-31"}
    )

    case.refresh_from_db()
    assert case.deadline == dt.date(2031, 3, 31)
    assert Assignment.objects.get(case=case).deadline == dt.date(2031, 3, 31)
    event = case.events.get(kind=CaseEvent.Kind.DEADLINE)
    assert event.payload["deadline"] == ["2030-12-31", "2031-03-31"]
    assert "Deadline: <del>2030-12-31</del> → <ins>2031-03-31</ins>" in _page(client, case)


def test_only_the_bodys_secretariat_sets_a_case(client, world, case, other_secretary):
    for person in (world.officer, world.other_officer, other_secretary, world.reviewer):
        with pytest.raises(PermissionDenied):
            editing.set_state(person, case, "delisted", reason="x")
        with pytest.raises(PermissionDenied):
            editing.set_agencies(person, case, [Responsible(world.transport)])
        with pytest.raises(PermissionDenied):
            editing.set_deadline(person, case, None)
    for name, data in (
        ("case_manage:state", {"state-state": "delisted", "state-reason": "x"}),
        ("case_manage:agencies", {"agencies-lead": "臺北市政府交通局"}),
        ("case_manage:deadline", {"deadline-deadline": ""}),
    ):
        url = reverse(name, args=[case.pk])
        for person in (world.officer, other_secretary):
            client.force_login(person)
            assert client.post(url, data).status_code == 403  # a public body's case
        client.logout()
        assert client.post(url, data).status_code == 403
    case.refresh_from_db()
    assert case.state == "tracked" and case.deadline == dt.date(2030, 12, 31)
    assert not case.events.exclude(kind__in=["tracked", "noted"]).exists()


def test_the_case_page_offers_the_forms_to_the_secretariat_only(client, world, case):
    client.force_login(world.secretary)
    assert reverse("case_manage:state", args=[case.pk]) in _page(client, case)
    client.force_login(world.officer)
    assert reverse("case_manage:state", args=[case.pk]) not in _page(client, case)


def test_a_change_that_changes_nothing_is_refused(world, case):
    with pytest.raises(CaseChangeRefused):
        editing.set_state(world.secretary, case, "tracked", reason="x")
    with pytest.raises(CaseChangeRefused):
        editing.set_deadline(world.secretary, case, dt.date(2030, 12, 31))
    with pytest.raises(CaseChangeRefused):
        editing.set_agencies(world.secretary, case, [Responsible(world.industry)])
