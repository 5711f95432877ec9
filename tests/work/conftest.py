import datetime as dt

import pytest
from django.utils import timezone

from livinglab.meetings.models import Meeting
from livinglab.tracking.models import Case, CaseAgency, CaseLink, Decision, DecisionAgency
from livinglab.tracking.services import changes
from livinglab.work.models import Notification


def make_case(world, title, *, lead, supporting=(), deadline=None, state=Case.State.TRACKED):
    meeting, _ = Meeting.objects.get_or_create(
        body=world.body, title="第1次工作小組", date=dt.date(2024, 9, 27), defaults={"number": 1}
    )
    case = Case.objects.create(body=world.body, title=title, state=state, deadline=deadline)
    decision = Decision.objects.create(
        meeting=meeting,
        position=Decision.objects.filter(meeting=meeting).count() + 1,
        text=f"{title}：請持續辦理。",
        status=Decision.Status.TRACKED,
        deadline=deadline,
    )
    CaseLink.objects.create(decision=decision, case=case, name=title, method="exact")
    for org, role in [(lead, "lead"), *[(s, "supporting") for s in supporting]]:
        DecisionAgency.objects.create(decision=decision, organisation=org, role=role)
        CaseAgency.objects.create(case=case, organisation=org, role=role)
    # Written around tracking's services, so it tells agency work itself, as they would.
    changes.cases_changed([case])
    return case


@pytest.fixture
def cases(world):
    """Two tracked cases of the industry bureau (one overdue), one of the economic bureau."""
    today = timezone.localdate()
    made = {
        "late": make_case(
            world, "青創交流合作", lead=world.industry, deadline=today - dt.timedelta(days=3)
        ),
        "soon": make_case(
            world,
            "新興能源經驗交流合作案",
            lead=world.industry,
            supporting=[world.economic],
            deadline=today + dt.timedelta(days=20),
        ),
        "other": make_case(
            world, "瑞芳工業區事業廢棄物清運案", lead=world.economic, deadline=today
        ),
    }
    Notification.objects.all().delete()  # the bell starts empty, without the new assignments
    return made
