"""Needs, calls and proposals for tests of the living-lab pipeline, on top of `world`."""

import datetime as dt

from django.utils import timezone

from livinglab.needs.models import Call, Domain, Need
from livinglab.needs.services import default_rubric
from livinglab.proposals.models import Proposal, ProposalEvent

COMPLETE = {
    "summary": "以路口影像估算排隊長度，動態調整號誌週期。",
    "solution": "在十處路口加裝邊緣運算盒，每五分鐘回傳排隊長度給交控中心。",
    "team": "三名影像工程師、一名交通工程顧問。",
    "trl": 6,
    "site_wanted": "士林區承德路沿線路口",
    "period_months": 6,
    "budget": 1_800_000,
    "funding": "自籌六成，其餘申請中央補助",
    "credits_requested": 200,
    "expected_kpis": "尖峰延滯減少 15%",
}


def domain(key: str) -> Domain:
    """A domain of the default taxonomy; made again when a live-server test flushed the
    rows the data migration wrote."""
    found = Domain.objects.filter(key=key).first()
    if found is None:
        from importlib import import_module

        rows = import_module("livinglab.needs.migrations.0002_default_domains").DOMAINS
        for order, (k, name, name_en, is_tag) in enumerate(rows):
            Domain.objects.get_or_create(
                key=k,
                defaults={
                    "name": name,
                    "name_en": name_en,
                    "is_priority_tag": is_tag,
                    "order": order,
                },
            )
        found = Domain.objects.get(key=key)
    return found


def make_need(
    world,
    title="路口壅塞即時調控",
    *,
    status=Need.Status.PUBLISHED,
    agency=None,
    domain_key="transport",
    tags=(),
    problem="尖峰時段承德路口排隊回堵。",
) -> Need:
    need = Need.objects.create(
        title=title,
        problem=problem,
        figures="尖峰延滯平均 95 秒",
        domain=domain(domain_key),
        agency=agency or world.industry,
        status=status,
        published_at=timezone.now() if status != Need.Status.DRAFT else None,
        created_by=world.officer,
    )
    need.tags.set(Domain.objects.filter(key__in=tags))
    return need


def make_call(
    world,
    title="115年度第一期徵案",
    *,
    state="open",
    needs=(),
    unsolicited=True,
    published=True,
    body=None,
) -> Call:
    now = timezone.now()
    opens, closes = {
        "open": (now - dt.timedelta(days=10), now + dt.timedelta(days=20)),
        "closed": (now - dt.timedelta(days=60), now - dt.timedelta(days=1)),
        "upcoming": (now + dt.timedelta(days=5), now + dt.timedelta(days=40)),
    }[state]
    call = Call.objects.create(
        title=title,
        body=body or world.body,
        opens_at=opens,
        closes_at=closes,
        review_due_at=closes + dt.timedelta(days=14),
        accepts_unsolicited=unsolicited,
        is_published=published,
        created_by=world.secretary,
    )
    call.needs.set(needs)
    default_rubric(call)
    return call


def make_proposal(
    world,
    call,
    need=None,
    *,
    title="AI 號誌路口排隊偵測",
    status=Proposal.Status.DRAFT,
    organisation=None,
    author=None,
    **fields,
) -> Proposal:
    values = {
        **COMPLETE,
        "submitted_at": timezone.now() if status != Proposal.Status.DRAFT else None,
        **fields,
    }
    proposal = Proposal.objects.create(
        call=call,
        need=need,
        organisation=organisation or world.company,
        submitted_by=author or world.proposer,
        title=title,
        domain=domain(values.pop("domain_key", "transport")),
        status=status,
        **values,
    )
    ProposalEvent.objects.create(proposal=proposal, kind="created", actor=proposal.submitted_by)
    return proposal
