import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from livinglab.tracking.models import Case, CaseAgency, CaseEvent, Decision
from livinglab.tracking.services.correcting import Responsible, add_decision, correct_decision
from livinglab.tracking.services.importing import import_minutes
from livinglab.work.models import Assignment
from livinglab.work.services import sync_assignments
from tests.imports.records import INDUSTRY_MEETING


@pytest.fixture
def decision(world) -> Decision:
    import_minutes(
        world.secretary, world.body, [("紀錄.txt", INDUSTRY_MEETING.encode())], confirm=True
    )
    return Decision.objects.get(position=0)  # 智慧路燈合作案, tracked, 產業局


def test_status_agencies_and_deadline_are_corrected_as_events_by_whom(world, decision):
    case = decision.cases.get()

    changes = correct_decision(
        world.secretary,
        decision,
        status="delisted",
        deadline=dt.date(2025, 1, 31),
        agencies=[Responsible(world.transport), Responsible(world.economic, "supporting")],
    )

    assert set(changes) == {"status", "deadline", "agencies"}
    case.refresh_from_db()
    assert case.state == Case.State.CLOSED and case.closure == "delisted"
    assert case.deadline == dt.date(2025, 1, 31)
    corrected = CaseEvent.objects.get(case=case, kind="corrected")
    assert corrected.actor == world.secretary and corrected.decision == decision
    assert corrected.payload["status"] == ["tracked", "delisted"]
    roles = dict(CaseAgency.objects.filter(case=case).values_list("organisation", "role"))
    assert roles == {world.transport.pk: "lead", world.economic.pk: "supporting"}


def test_corrected_agencies_flow_to_assignments(world, decision):
    correct_decision(
        world.secretary,
        decision,
        status=decision.status,
        deadline=decision.deadline,
        agencies=[Responsible(world.industry, "supporting"), Responsible(world.economic)],
    )

    sync_assignments(Case.objects.all())
    rows = set(Assignment.objects.values_list("organisation", "role"))
    assert (world.industry.pk, "supporting") in rows and (world.economic.pk, "lead") in rows


def test_a_missed_decision_is_added_to_the_meeting(world, decision):
    added = add_decision(
        world.secretary,
        decision.meeting,
        text="請交通局研議路燈故障通報流程。",
        case=None,
        new_title="路燈故障通報案",
        status="new",
        deadline=dt.date(2024, 12, 1),
        agencies=[Responsible(world.transport)],
    )

    assert added.position == 4
    case = Case.objects.get(title="路燈故障通報案")
    assert case.state == Case.State.PROPOSED and case.deadline == dt.date(2024, 12, 1)
    assert CaseEvent.objects.filter(case=case, kind="corrected", actor=world.secretary).exists()


@pytest.mark.parametrize("who", ["officer", "reviewer", "proposer"])
def test_only_the_secretariat_corrects(world, decision, who):
    with pytest.raises(PermissionDenied):
        correct_decision(
            getattr(world, who), decision, status="delisted", deadline=None, agencies=[]
        )
    with pytest.raises(PermissionDenied):
        add_decision(getattr(world, who), decision.meeting, text="x", case=None, new_title="x")
    assert Decision.objects.get(pk=decision.pk).status == "tracked"
