"""Demo of the regulatory sandbox on the demo proposer's running trial, through the same
services the team, the agencies and the secretariat use: one application consented to by
the education bureau and the industry bureau (with conditions) and granted a permit,
under which the team reported a minor incident; a second one waiting for the industry
bureau's consent (陳科員's queue). Loading twice changes nothing.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from livinglab.demo.people import DEMO_PASSWORD
from livinglab.orgs.models import Membership, Organisation
from livinglab.sandbox import services
from livinglab.sandbox.models import Application
from livinglab.trials.models import Trial

TRIAL = "國小教室空氣品質感測與換氣提醒"
EDUCATION = "臺北市政府教育局"
INDUSTRY = "臺北市政府產業發展局"


def load_sandbox() -> str:
    User = get_user_model()
    trial = Trial.objects.filter(title=TRIAL, status=Trial.Status.RUNNING).first()
    people = {
        u.username: u
        for u in User.objects.filter(username__in=["secretary", "officer", "proposer"])
    }
    education = Organisation.objects.filter(name=EDUCATION).first()
    industry = Organisation.objects.filter(name=INDUSTRY).first()
    if trial is None or len(people) < 3 or education is None or industry is None:
        return "no demo trial"
    if Application.objects.filter(trial=trial).exists():
        return "loaded before"
    with transaction.atomic():
        edu_officer = _officer(education)
        permit = _granted(trial, people, edu_officer, education, industry)
        _waiting(trial, people["proposer"], industry)
    return f"permit {permit.number} in force, one application waiting for consent"


def _officer(education):
    user, created = get_user_model().objects.get_or_create(
        username="edu_officer", defaults={"first_name": "黃專員"}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    Membership.objects.get_or_create(user=user, role="officer", organisation=education)
    return user


def _apply(trial, proposer, agencies, rules, days):
    today = timezone.localdate()
    return services.file_application(
        proposer,
        services.NewApplication(
            trial=trial,
            site=trial.site,
            rules=rules,
            starts_on=today,
            ends_on=min(trial.ends_on, today + dt.timedelta(days=days)),
            safety_plan="感測器與換氣扇均經電機技師檢查；上課時段不自動啟動換氣扇，"
            "由導師手動操作；異常時可一鍵斷電。",
            insurance="產品責任險，每一事故新臺幣 1,000 萬元（保單號碼僅供審查機關查閱）。",
            agencies=agencies,
        ),
    )


def _granted(trial, people, edu_officer, education, industry):
    application = _apply(
        trial,
        people["proposer"],
        [education, industry],
        "校園設施增設電氣設備之事前審查，改為設置後 30 日內報備；非上課時段由系統自動啟動換氣扇。",
        90,
    )
    today = timezone.localdate()
    for consent in application.consents.select_related("organisation"):
        if consent.organisation == education:
            services.consent(
                edu_officer,
                consent,
                [
                    services.NewCondition(
                        "每月提交各教室換氣紀錄予學校總務處", today + dt.timedelta(days=10)
                    )
                ],
            )
        else:
            services.consent(
                people["officer"],
                consent,
                [services.NewCondition("感測資料不得含可識別學生之影像或聲音")],
            )
    permit = services.grant_permit(people["secretary"], application)
    services.report_incident(
        people["proposer"],
        permit,
        services.NewIncident(
            occurred_at=timezone.now() - dt.timedelta(days=2),
            description="一間教室換氣扇於午休時間自動啟動，噪音影響學生休息。",
            severity="minor",
            measures="已修正排程，午休時段停用自動啟動。",
        ),
    )
    return permit


def _waiting(trial, proposer, industry):
    _apply(
        trial,
        proposer,
        [industry],
        "教室感測資料即時傳送至廠商雲端之資料在地化規定，試行期間暫免適用。",
        60,
    )
