"""A case the minutes accept as new (同意新增, 同意列管) is tracked at once: it reaches the
lead agency's assignments, the officer's bell and the next tracking table. A proposal the
body only heard stays proposed and reaches no one."""

import pytest
from django.urls import reverse

from livinglab.reports.tracking_table import build_table
from livinglab.tracking.models import Case, CaseEvent
from livinglab.tracking.services.importing import import_minutes
from livinglab.tracking.services.recording import accepted_as_new
from livinglab.work.models import Assignment, Notification
from tests.imports.records import INDUSTRY_MEETING

NEW_CASE = "夜市行動支付推廣案"

HEARD_ONLY = """臺北市政府產業合作推動小組第4次會議紀錄
時間：113年10月8日（星期二）上午10時
地點：臺北市政府市政大樓北區11樓會議室
主席：產業發展局 張副局長志明

會議結論：
一、新增合作提案（計2案）：
（一）商圈共同行銷案：本案暫不列管，請產業局於下次會議提出計畫後再議。
（二）青年創業補助合作案：本案同意新增列管，由產業局主辦、經發局協辦。
散會：中午12時
"""


def _confirm(world, text):
    import_minutes(world.secretary, world.body, [("紀錄.txt", text.encode())], confirm=True)


def test_minutes_accepting_a_new_case_reach_the_lead_agency_and_its_officer(client, world):
    _confirm(world, INDUSTRY_MEETING)

    case = Case.objects.get(title=NEW_CASE)
    assert case.state == Case.State.TRACKED
    assert case.events.filter(kind=CaseEvent.Kind.TRACKED).exists()
    lead = Assignment.objects.get(case=case, organisation=world.industry)
    assert lead.role == "lead"
    assert Notification.objects.filter(
        user=world.officer, kind=Notification.Kind.ASSIGNMENT_NEW, subject=NEW_CASE
    ).exists()
    assert not Notification.objects.filter(user=world.other_officer, subject=NEW_CASE).exists()
    assert NEW_CASE in [row.case.title for row in build_table(world.body).rows]
    client.force_login(world.officer)
    plate = client.get(reverse("work:plate")).content.decode()
    assert NEW_CASE in plate


def test_a_proposal_only_heard_stays_proposed_and_reaches_no_one(world):
    _confirm(world, HEARD_ONLY)

    heard = Case.objects.get(title="商圈共同行銷案")
    assert heard.state == Case.State.PROPOSED
    assert not Assignment.objects.filter(case=heard).exists()
    accepted = Case.objects.get(title="青年創業補助合作案")
    assert accepted.state == Case.State.TRACKED
    assert Assignment.objects.filter(case=accepted, organisation=world.industry).exists()


def test_a_later_decision_accepting_a_proposed_case_tracks_it(world):
    _confirm(world, HEARD_ONLY)
    later = HEARD_ONLY.replace("第4次", "第5次").replace("10月8日", "11月12日")
    later = later.replace(
        "本案暫不列管，請產業局於下次會議提出計畫後再議", "本案同意新增，由產業局主辦"
    )
    _confirm(world, later)

    heard = Case.objects.get(title="商圈共同行銷案")
    assert heard.state == Case.State.TRACKED
    assert Assignment.objects.filter(case=heard, organisation=world.industry).exists()


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("本次新增提案，同意列管，由產發局主辦。", True),
        ("本案同意新增，請產業局研提行銷方案。", True),
        ("同意新增立案，請於第4季完成。", True),
        ("照案通過，請交通局辦理。", True),
        ("本案新增列管，請產業局主辦。", True),
        ("新增提案：請產業局研提計畫。", False),
        ("本案暫不於副首長會議提請列管。", False),
        ("本案不同意新增。", False),
        ("是否同意列管，下次會議再議。", False),
        ("俟各市同意後再列管。", False),
    ],
)
def test_acceptance_is_read_from_the_decision_text(text, accepted):
    assert bool(accepted_as_new(text)) is accepted
