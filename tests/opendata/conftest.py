"""A small public record and a private one, with personal details planted where the
models hold them, so that the open data can be searched for leaks."""

import datetime as dt
from dataclasses import dataclass

import pytest

from livinglab.meetings.models import Meeting
from livinglab.tracking.models import Case, CaseAgency, CaseLink, Decision
from livinglab.tracking.services import lifecycle
from tests.kpis.conftest import kpi_world  # noqa: F401  (a fixture the KPI datasets use)

# Values that must never appear in open data: a recorder, a contact, accounts.
PERSONAL = [
    "紀錄員王小明",
    "聯絡人陳美玲",
    "contact.person@example.gov.tw",
    "secretary@example.gov.tw",
    "抄表員林大同",
]


@dataclass
class Published:
    world: object
    meeting: object
    case: object
    hidden: object  # a case of the private body


def _case(body, meeting, title, text, position, agency=None):
    case = Case.objects.create(body=body, title=title, created_in=meeting)
    decision = Decision.objects.create(
        meeting=meeting, position=position, text=text, status="tracked", path=["一", str(position)]
    )
    CaseLink.objects.create(decision=decision, case=case, name=title, method="new")
    lifecycle.record(case, "tracked", actor=None, decision=decision)
    if agency is not None:
        CaseAgency.objects.create(case=case, organisation=agency)
    return case


@pytest.fixture
def published(world):
    world.secretary.email = PERSONAL[3]
    world.secretary.save()
    meeting = Meeting.objects.create(
        body=world.body,
        title="第3次工作小組會議",
        number=3,
        date=dt.date(2025, 3, 12),
        location="市政大樓第一會議室",
        chair="副市長",
        recorder=PERSONAL[0],
    )
    case = _case(
        world.body, meeting, "智慧路燈示範計畫", "=請產業局於6月底前完成。", 1, world.industry
    )
    secret = Meeting.objects.create(
        body=world.private_body, title="內部預算會議", date=dt.date(2025, 3, 13)
    )
    hidden = _case(world.private_body, secret, "機密預算調整案", "預算內部調整。", 1)
    return Published(world=world, meeting=meeting, case=case, hidden=hidden)
