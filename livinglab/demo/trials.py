"""Three demo trials with KPI series: one adopted, one closed with its lessons, one running.

Each starts from an accepted proposal of an earlier call of the demo body, goes through the same
services a secretary uses (so each is booked at its site and is a tracked case of the
body), and carries a fortnightly KPI series. Loading twice changes nothing. The running
trial belongs to the demo proposer's company, so that signing in as `proposer` shows a
trial to report on.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from livinglab.meetings.models import Body
from livinglab.needs.models import Call, Domain
from livinglab.orgs.models import Membership, Organisation
from livinglab.proposals.models import Proposal
from livinglab.sites.models import FieldSite
from livinglab.trials import services
from livinglab.trials.models import Measurement, Trial

BODY = "臺北市智慧城市推動委員會"
# An earlier call than the pipeline demo's two: its accepted proposals became these trials.
CALL = "114年度第一期智慧城市實證場域徵案"
DEMO_COMPANY = "晨曦智慧感測股份有限公司"


@dataclass
class Kpi:
    name: str
    unit: str
    direction: str
    baseline: str
    target: str
    series: tuple[str, ...]  # one value a fortnight from the start
    description: str = ""


@dataclass
class DemoTrial:
    title: str
    summary: str
    company: str
    agency: str
    domain: str
    site: str
    site_address: str
    starts_days_ago: int
    months: int
    kpis: tuple[Kpi, ...]
    milestones: tuple[tuple[int, str], ...]  # (days after the start, what)
    status: str
    outcome: str = ""
    outcome_note: str = ""
    lessons: str = ""


TRIALS = (
    DemoTrial(
        title="內湖科技園區路口號誌動態調控",
        summary=(
            "在瑞光路沿線八處路口裝設影像與地磁偵測器，依各方向排隊長度每五分鐘"
            "調整號誌週期，縮短上下班尖峰的停等時間。"
        ),
        company="匯流交通科技股份有限公司",
        agency="臺北市政府交通局",
        domain="transport",
        site="內湖科技園區智慧園區場域",  # one of the field sites demo's
        site_address="臺北市內湖區瑞光路與港墘路口周邊",
        starts_days_ago=300,
        months=8,
        kpis=(
            Kpi(
                "尖峰平均停等秒數",
                "秒",
                "down",
                "96",
                "75",
                ("96", "94", "91", "88", "86", "83", "80", "79", "77", "75", "74", "73"),
                "上午七點半至九點半，八處路口各方向平均停等時間。",
            ),
            Kpi(
                "尖峰小時路口通過量",
                "輛",
                "up",
                "2850",
                "3100",
                ("2850", "2880", "2920", "2950", "2990", "3010", "3040", "3060", "3090"),
            ),
        ),
        milestones=((30, "八處路口偵測器安裝完成"), (120, "期中成果報告"), (230, "期末成果報告")),
        status=Trial.Status.ADOPTED,
        outcome=Trial.Outcome.PROCUREMENT,
        outcome_note="交通局納入116年度交通控制系統擴充採購，擴及內湖區32處路口。",
        lessons="偵測器須避開公車停靠區；夜間離峰時段維持固定週期反而較穩定。",
    ),
    DemoTrial(
        title="公共住宅獨居長者跌倒偵測",
        summary="以毫米波雷達偵測獨居長者在家中跌倒，主動通報社工與緊急聯絡人，不使用攝影機。",
        company="安心居家科技有限公司",
        agency="臺北市政府社會局",
        domain="housing",
        site="健康公共住宅智慧社區",  # one of the field sites demo's
        site_address="臺北市松山區健康路",
        starts_days_ago=260,
        months=6,
        kpis=(
            Kpi(
                "跌倒通報平均秒數",
                "秒",
                "down",
                "900",
                "120",
                ("900", "420", "300", "260", "240", "230", "225", "220"),
                "從跌倒發生到社工收到通報的時間。",
            ),
            Kpi(
                "誤報率",
                "%",
                "down",
                "0",
                "5",
                ("0", "18", "16", "15", "17", "14", "15", "16"),
                "每月通報中，經社工確認非跌倒者所占比率。",
            ),
        ),
        milestones=(
            (20, "30戶長者知情同意完成"),
            (60, "雷達安裝與隱私影響評估"),
            (150, "期末座談"),
        ),
        status=Trial.Status.CLOSED,
        lessons=(
            "浴室蒸氣使雷達誤報偏高，誤報率始終在15%上下，社工負擔反而增加；"
            "長者樂於接受不錄影的設備。建議改與居家照顧服務的定期訪視結合，"
            "並先在浴室以外空間驗證後再提案。"
        ),
    ),
    DemoTrial(
        title="國小教室空氣品質感測與換氣提醒",
        summary=(
            "在教室裝設二氧化碳與細懸浮微粒感測器，濃度偏高時提醒老師開窗或啟動換氣扇，"
            "並把每週報表交給學校總務處。"
        ),
        company=DEMO_COMPANY,
        agency="臺北市政府教育局",
        domain="education",
        site="大安區公立國小教室（六校）",
        site_address="臺北市大安區",
        starts_days_ago=120,
        months=9,
        kpis=(
            Kpi(
                "上課時段二氧化碳逾1000ppm比率",
                "%",
                "down",
                "42",
                "15",
                ("42", "39", "33", "30", "27", "25", "24", "22", "21"),
                "上課時段每五分鐘一筆讀值中，超過1000ppm者所占比率。",
            ),
            Kpi(
                "每月呼吸道症狀請假人次",
                "人次",
                "down",
                "64",
                "45",
                ("64", "61", "63", "58", "55", "57", "52", "50", "49"),
            ),
        ),
        milestones=(
            (14, "六校感測器安裝與教師說明會"),
            (135, "期中成果報告"),
            (260, "期末成果報告"),
        ),
        status=Trial.Status.RUNNING,
    ),
)


@transaction.atomic
def load_trials() -> list[str]:
    """Start the demo trials that are not there yet; returns their titles."""
    body = Body.objects.get(name=BODY)
    secretary = get_user_model().objects.get(username="secretary")
    call = _call(body, secretary)
    titles = []
    for spec in TRIALS:
        if not Trial.objects.filter(title=spec.title).exists():
            _load(spec, body, call, secretary)
        titles.append(spec.title)
    return titles


def _call(body, secretary) -> Call:
    found = Call.objects.filter(title=CALL).first()
    if found is not None:
        return found
    # A call opens at 09:00 and closes at 17:00 in Taipei, as the office's calls do.
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return Call.objects.create(
        title=CALL,
        body=body,
        description="徵求可在本市場域實地驗證的智慧城市解決方案；已截止，入選提案已進行概念驗證。",
        opens_at=today - dt.timedelta(days=560) + dt.timedelta(hours=9),
        closes_at=today - dt.timedelta(days=500) + dt.timedelta(hours=17),
        review_due_at=today - dt.timedelta(days=470) + dt.timedelta(hours=17),
        is_published=True,
        created_by=secretary,
    )


def _agency(name: str) -> Organisation:
    found = Organisation.objects.filter(name=name).first()
    if found is None:  # the directory was not loaded: the agency alone
        city, _new = Organisation.objects.get_or_create(
            name="臺北市政府", defaults={"kind": "city", "short_name": "臺北市"}
        )
        found = Organisation.objects.create(name=name, kind="agency", parent=city, city=city)
    return found


def _company_user(company: Organisation):
    """Whoever reports for a company: the demo proposer for theirs, a quiet account else."""
    User = get_user_model()
    if company.name == DEMO_COMPANY:
        return User.objects.get(username="proposer")
    username = f"demo-{company.pk}"
    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": f"{company.display_name}專案經理"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(user=user, role="proposer", organisation=company)
    return user


def _load(spec: DemoTrial, body, call, secretary) -> Trial:
    today = timezone.localdate()
    starts_on = today - dt.timedelta(days=spec.starts_days_ago)
    ends_on = starts_on + dt.timedelta(days=30 * spec.months)
    company, _new = Organisation.objects.get_or_create(
        name=spec.company, defaults={"kind": "company"}
    )
    author = _company_user(company)
    agency = _agency(spec.agency)
    proposal = Proposal.objects.create(
        call=call,
        organisation=company,
        submitted_by=author,
        title=spec.title,
        summary=spec.summary,
        domain=Domain.objects.get(key=spec.domain),
        period_months=spec.months,
        status=Proposal.Status.ACCEPTED,
        submitted_at=call.closes_at - dt.timedelta(days=3),
    )
    site, _new = FieldSite.objects.get_or_create(
        name=spec.site,
        defaults={"agency": agency, "address": spec.site_address, "is_public": True},
    )
    milestones = [(what, starts_on + dt.timedelta(days=days)) for days, what in spec.milestones]
    new = services.NewTrial(
        proposal=proposal,
        site=site,
        agency=agency,
        body=body,
        starts_on=starts_on,
        ends_on=ends_on,
        title=spec.title,
        summary=spec.summary,
        milestones=[(what, min(due, ends_on)) for what, due in milestones],
    )
    trial = services.start_trial(secretary, new)
    for what, due in milestones:
        if due <= today:
            trial.milestones.filter(title=what).update(done_on=due)
    for kpi in spec.kpis:
        _kpi(secretary, author, trial, kpi, starts_on, today)
    services.change_status(secretary, trial, Trial.Status.RUNNING)
    if spec.status != Trial.Status.RUNNING:
        services.change_status(
            secretary,
            trial,
            spec.status,
            outcome=spec.outcome,
            outcome_note=spec.outcome_note,
            lessons=spec.lessons,
        )
    return trial


def _kpi(secretary, author, trial, kpi: Kpi, starts_on, today) -> None:
    added = services.add_kpi(
        secretary,
        trial,
        services.NewKpi(
            kpi.name,
            kpi.unit,
            kpi.direction,
            kpi.description,
            Decimal(kpi.baseline),
            Decimal(kpi.target),
        ),
    )
    days = [starts_on + dt.timedelta(days=14 * n) for n in range(len(kpi.series))]
    Measurement.objects.bulk_create(
        Measurement(
            trial_kpi=added,
            on=day,
            value=Decimal(value),
            source=Measurement.Source.CSV,
            entered_by=author,
        )
        for day, value in zip(days, kpi.series, strict=True)
        if day <= min(today, trial.ends_on)
    )
