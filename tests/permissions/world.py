"""A non-public body with one of each of its objects, and one person per role around it.

The body (內部預算審查會, not public) has a meeting, a decision, a tracked case with a
link waiting for review, the officer's agency's assignment with a submitted progress
report and its attachment, a bulk sheet, a draft import, a call with a submitted
proposal (the proposer's company's, with an attachment, assigned to the reviewer), a
planned trial with a KPI, a milestone and a value at a field site only its agency sees,
and the people's own things: a notification, an API token, a request to join.

Roles, as the permission matrix names them:
  anonymous        not signed in
  proposer         proposes for the company whose proposal and trial these are
  other_proposer   proposes for another company (asked to join the first)
  reviewer         on the body's committee, assigned the proposal
  officer          of the agency that leads the case and runs the site
  other_officer    of an agency of another city, in no way concerned
  secretary        the body's secretariat
  other_secretary  the secretariat of another (public) body
  staff            an administrator
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

ROLES = (
    "anonymous",
    "proposer",
    "other_proposer",
    "reviewer",
    "officer",
    "other_officer",
    "secretary",
    "other_secretary",
    "staff",
)
PASSWORD = "correct horse battery staple"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MINUTES = """內部預算審查會第2次會議紀錄
時間：113年9月10日（星期二）上午10時
地點：臺北市政府市政大樓北區11樓會議室
主席：產業發展局 張副局長志明
紀錄：許雅雯

會議結論：
一、列管案件（計1案）：
（一）備援電源採購案：請產業局於113年12月31日前提出採購計畫，續予列管。
散會：中午12時
"""


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError:
            raise AttributeError(name) from None


def _person(username: str, **extra):
    return get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org", **extra
    )


def build() -> World:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from livinglab.accounts.tokens import create_token
    from livinglab.kpis.models import Conflict, Definition, ExchangeImport, Value, ValueUpload
    from livinglab.kpis.services.scopes import create_scope
    from livinglab.meetings.models import Body, Meeting
    from livinglab.needs.models import Need
    from livinglab.orgs.models import Membership, Organisation
    from livinglab.proposals import services as proposal_services
    from livinglab.proposals.models import JoinRequest, Proposal
    from livinglab.reviews import services as review_services
    from livinglab.search.index import reindex_all
    from livinglab.sites.models import FieldSite
    from livinglab.sites.services import book
    from livinglab.tracking.models import Case, CaseAgency, CaseLink, Decision, DecisionAgency
    from livinglab.tracking.services.importing import Upload, import_minutes
    from livinglab.trials import services as trial_services
    from livinglab.work import services as work_services
    from livinglab.work.models import Assignment, BulkUpdate, Notification
    from tests.pipeline import make_call, make_need, make_proposal

    org = Organisation.objects.create
    taipei = org(kind="city", name="臺北市政府", short_name="臺北市")
    new_taipei = org(kind="city", name="新北市政府", short_name="新北市")
    for city in (taipei, new_taipei):
        city.city = city
        city.save()
    industry = org(
        kind="agency",
        name="臺北市政府產業發展局",
        short_name="產業發展局",
        city=taipei,
        parent=taipei,
    )
    economic = org(
        kind="agency",
        name="新北市政府經濟發展局",
        short_name="經濟發展局",
        city=new_taipei,
        parent=new_taipei,
    )
    company = org(kind="company", name="晨光感測股份有限公司", short_name="晨光感測")
    other_company = org(kind="company", name="遠帆數據有限公司", short_name="遠帆數據")

    body = Body.objects.create(name="內部預算審查會", is_public=False, secretariat=industry)
    body.members.set([industry])
    public_body = Body.objects.create(name="雙北產業合作工作小組", secretariat=economic)
    public_body.members.set([taipei, new_taipei])

    users = {
        "proposer": _person("proposer"),
        "other_proposer": _person("other_proposer"),
        "reviewer": _person("reviewer"),
        "officer": _person("officer"),
        "other_officer": _person("other_officer"),
        "secretary": _person("secretary"),
        "other_secretary": _person("other_secretary"),
        "staff": _person("staff", is_staff=True, is_superuser=True),
    }
    member = Membership.objects.create
    member(user=users["proposer"], role="proposer", organisation=company)
    member(user=users["other_proposer"], role="proposer", organisation=other_company)
    member(user=users["reviewer"], role="reviewer", body=body)
    member(user=users["officer"], role="officer", organisation=industry)
    member(user=users["other_officer"], role="officer", organisation=economic)
    member(user=users["secretary"], role="secretariat", body=body)
    member(user=users["other_secretary"], role="secretariat", body=public_body)
    secretary = users["secretary"]

    # Registry: a meeting, a decision and its tracked case, the link waiting for review.
    meeting = Meeting.objects.create(
        body=body, title="內部預算審查會第1次會議", date=dt.date(2024, 9, 27), number=1
    )
    case = Case.objects.create(body=body, title="資訊機房汰換預算案", state=Case.State.TRACKED)
    decision = Decision.objects.create(
        meeting=meeting,
        position=1,
        text="資訊機房汰換預算案：請產業局續辦。",
        status=Decision.Status.TRACKED,
    )
    case2 = Case.objects.create(body=body, title="機房門禁升級案", state=Case.State.TRACKED)
    link = CaseLink.objects.create(
        decision=decision, case=case, name=case.title, method="fuzzy", needs_review=True
    )
    DecisionAgency.objects.create(decision=decision, organisation=industry, role="lead")
    CaseAgency.objects.create(case=case, organisation=industry, role="lead")

    # Agency work: the assignment, a submitted report with a PDF, a bulk sheet.
    work_services.sync_assignments(Case.objects.filter(pk=case.pk))
    assignment = Assignment.objects.get(case=case)
    report = work_services.file_report(
        users["officer"],
        assignment,
        work_services.NewReport(text="已完成需求訪談。", percent_complete=20),
        [SimpleUploadedFile("訪談紀錄.pdf", PDF, content_type="application/pdf")],
    )
    bulk = BulkUpdate.objects.create(body=body, uploader=secretary, filename="sheet.xlsx")

    # A draft import of the body's next record.
    draft = import_minutes(secretary, body, [Upload("第2次會議紀錄.txt", MINUTES.encode())])[0]

    # The pipeline: a draft need, an open call of the body, a proposal under review.
    need = make_need(_Names(officer=users["officer"], industry=industry), status=Need.Status.DRAFT)
    names = _Names(body=body, secretary=secretary, company=company, proposer=users["proposer"])
    call = make_call(names, title="內部創新徵案")
    call.reviewers.set([users["reviewer"]])
    proposal = make_proposal(names, call, title="機房能耗監測", status=Proposal.Status.SUBMITTED)
    proposal_attachment = proposal_services.add_attachments(
        users["proposer"],
        proposal,
        [SimpleUploadedFile("簡報.pdf", PDF, content_type="application/pdf")],
    )[0]
    draft_proposal = make_proposal(names, call, title="機房節能草案")
    review = review_services.assign(secretary, proposal, users["reviewer"])
    join = JoinRequest.objects.create(user=users["other_proposer"], organisation=company)

    # A planned trial of an accepted proposal at a site only its agency sees.
    site = FieldSite.objects.create(
        name="內部資料中心機房", agency=industry, capacity=3, is_public=False
    )
    accepted = make_proposal(names, call, title="機房冷卻最佳化", status=Proposal.Status.ACCEPTED)
    today = timezone.localdate()
    trial = trial_services.start_trial(
        secretary,
        trial_services.NewTrial(
            proposal=accepted,
            site=site,
            agency=industry,
            body=body,
            starts_on=today - dt.timedelta(days=10),
            ends_on=today + dt.timedelta(days=100),
            milestones=[("設備安裝", today + dt.timedelta(days=20))],
        ),
    )
    kpi = trial_services.add_kpi(
        secretary,
        trial,
        trial_services.NewKpi("機房電力使用效率", "PUE", "down", baseline=2, target=1.5),
    )
    trial_services.record_measurement(users["proposer"], kpi, today, Decimal("1.9"))
    booking = book(
        secretary,
        site,
        today + dt.timedelta(days=200),
        today + dt.timedelta(days=201),
        "年度檢修",
        "maintenance",
    )

    notification = Notification.objects.create(
        user=users["officer"],
        kind=Notification.Kind.REMINDER,
        subject=case.title,
        url=case.get_absolute_url(),
    )
    token, _secret = create_token(secretary, "報表同步")

    # A KPI scope the non-public body follows: seen only by those who may see the body.
    kpi_scope = create_scope(
        code="budget-room", name_zh="審查會機房", kind="site", body=body, site=site, owner=industry
    )

    value_upload = ValueUpload.objects.create(
        uploaded_by=users["officer"], filename="機房用電.csv", rows=[]
    )

    population = Definition.objects.filter(slug="context.population").latest("version")
    value = Value.objects.create(
        definition=population,
        scope=kpi_scope,
        period_start=dt.date(2024, 1, 1),
        value=12,
        given_value=12,
    )
    exchange = ExchangeImport.objects.create(
        instance="kaohsiung",
        filename="高雄市指標.json",
        sha256="0" * 64,
        payload={},
        uploaded_by=secretary,
    )
    conflict = Conflict.objects.create(exchange=exchange, value=value, incoming=13)

    # The search index is written after commit, which this world never reaches.
    reindex_all(Case.objects.all())

    objects = {
        "taipei": taipei,
        "industry": industry,
        "economic": economic,
        "company": company,
        "other_company": other_company,
        "body": body,
        "public_body": public_body,
        "meeting": meeting,
        "case": case,
        "case2": case2,
        "decision": decision,
        "link": link,
        "assignment": assignment,
        "report": report,
        "work_attachment": report.attachments.get(),
        "bulk": bulk,
        "draft": draft,
        "need": need,
        "call": call,
        "proposal": proposal,
        "proposal_attachment": proposal_attachment,
        "review": review,
        "join": join,
        "site": site,
        "trial": trial,
        "kpi": kpi,
        "milestone": trial.milestones.get(),
        "booking": booking,
        "notification": notification,
        "token": token,
        "kpi_scope": kpi_scope,
        "value_upload": value_upload,
        "draft_proposal": draft_proposal,
        "exchange": exchange,
        "conflict": conflict,
        **_credits(body, secretary, company, proposal),
        **_sandbox(users, trial, industry),
    }
    return World(users=users, objects=objects)


def _credits(body, secretary, company, proposal) -> dict:
    """A compute-credit programme of the body; the company holds credits, its proposal
    has applied for more, and a provider's statement of its usage waits to be booked."""
    from livinglab.credits import ledger, statements
    from livinglab.credits.models import Application, Programme, ProviderRate

    programme = Programme.objects.create(
        name="內部算力點數計畫",
        body=body,
        budget=10_000,
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
        team_cap=5_000,
        credits_expire_on=dt.date(2027, 3, 31),
    )
    ProviderRate.objects.create(
        programme=programme, provider="nchc", gpu_class="H100", credits_per_hour=10
    )
    ledger.fund(programme, 10_000, by=secretary)
    ledger.grant(programme, company, 1_000, by=secretary, reason="機房算力專案核配")
    csv = "line_id,team,gpu_class,gpu_hours,used_on\nm-1,晨光感測,H100,2,2026-03-01\n"
    statement = statements.upload(secretary, programme, "nchc", "usage.csv", csv.encode())
    return {
        "programme": programme,
        "credit_account": ledger.team_account(programme, company),
        "usage_statement": statement,
        "credit_application": Application.objects.create(
            programme=programme, proposal=proposal, requested=2_000
        ),
    }


def _sandbox(users, trial, industry) -> dict:
    """Two sandbox applications of the planned trial, each asking the officer's agency for
    consent: one waits for it, the other was consented to (with a condition) and holds a
    permit under which the team reported a minor incident."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from livinglab.sandbox import services as sandbox

    today = timezone.localdate()

    def apply(rules, files=()):
        return sandbox.file_application(
            users["proposer"],
            sandbox.NewApplication(
                trial=trial,
                site=trial.site,
                rules=rules,
                starts_on=today,
                ends_on=today + dt.timedelta(days=60),
                safety_plan="機房值班人員全程在場。",
                insurance="公共意外責任險。",
                agencies=[industry],
                files=list(files),
            ),
        )

    waiting = apply("機房消防規則放寬", [SimpleUploadedFile("消防計畫.pdf", PDF)])
    granted = apply("機房夜間施工規則放寬")
    consent = granted.consents.get()
    sandbox.consent(users["officer"], consent, [sandbox.NewCondition("每週回報溫度紀錄")])
    permit = sandbox.grant_permit(users["secretary"], granted)
    sandbox.report_incident(
        users["proposer"],
        permit,
        sandbox.NewIncident(timezone.now(), "冷卻液外洩", "minor", "更換管線。"),
    )
    return {
        "sandbox_application": waiting,
        "sandbox_consent": waiting.consents.get(),
        "sandbox_attachment": waiting.attachments.get(),
        "permit": permit,
        "permit_condition": consent.conditions.get(),
    }


class _Names:
    """What the pipeline helpers read from a world, for this world's people."""

    def __init__(self, **values):
        self.__dict__.update(values)
