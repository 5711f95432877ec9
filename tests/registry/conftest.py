"""Cases to look at: a few in the shared world's public body, one in its private body."""

import datetime as dt
from dataclasses import dataclass

import pytest

from livinglab.meetings.models import Meeting
from livinglab.tracking.models import Case, CaseAgency, CaseAlias, CaseLink, Decision
from livinglab.tracking.services import changes, lifecycle


@dataclass
class Registry:
    world: object
    meeting: object
    later: object
    traps: object  # 山區捕獸鋏及山豬吊宣導及清除交流, tracked, with a variant alias
    youth: object  # 青創交流合作, tracked, overdue
    energy: object  # 新興能源經驗交流合作案, delisted
    private: object  # in the private body


def _case(body, title, meeting, position, text, *, kind="tracked", deadline=None, agency=None):
    case = Case.objects.create(body=body, title=title, created_in=meeting, deadline=deadline)
    decision = Decision.objects.create(
        meeting=meeting,
        position=position,
        text=text,
        span_start=0,
        span_end=0,
        status=kind,
        deadline=deadline,
    )
    CaseLink.objects.create(decision=decision, case=case, name=title, method="new")
    lifecycle.record(case, kind, actor=None, decision=decision)
    if agency is not None:
        CaseAgency.objects.create(case=case, organisation=agency)
        changes.cases_changed([case])  # written around the services: the agency's work follows
    case.last_decided_on = meeting.date
    case.save(update_fields=["last_decided_on"])
    return case


@pytest.fixture
def registry(world) -> Registry:
    source = "第1次會議紀錄\n一、捕獸鋏宣導：持續列管。\n二、青創交流合作：持續列管。\n"
    from livinglab.meetings.models import MinutesDocument

    document = MinutesDocument.objects.create(
        body=world.body, filename="m1.txt", sha256="a" * 64, text=source, status="confirmed"
    )
    meeting = Meeting.objects.create(
        body=world.body,
        number=1,
        title="雙北產業合作工作小組第1次會議",
        date=dt.date(2025, 3, 4),
        document=document,
        span_start=0,
        span_end=len(source),
    )
    later = Meeting.objects.create(
        body=world.body, number=2, title="雙北產業合作工作小組第2次會議", date=dt.date(2025, 6, 3)
    )
    traps = _case(
        world.body, "山區捕獸鋏及山豬吊宣導及清除交流", meeting, 0, "捕獸鋏宣導：持續列管。"
    )
    CaseAlias.objects.create(case=traps, name="捕獸銹宣導", kind="variant")
    youth = _case(
        world.body,
        "青創交流合作",
        meeting,
        1,
        "青創交流合作：持續列管。",
        deadline=dt.date(2025, 1, 31),
        agency=world.industry,
    )
    energy = _case(
        world.body, "新興能源經驗交流合作案", later, 0, "同意解除列管。", kind="delisted"
    )
    private_meeting = Meeting.objects.create(
        body=world.private_body, title="內部預算審查會第1次會議", date=dt.date(2025, 3, 5)
    )
    private = _case(world.private_body, "臺北市預算調整", private_meeting, 0, "持續列管。")
    return Registry(world, meeting, later, traps, youth, energy, private)
