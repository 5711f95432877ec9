"""A demo compute-credit programme of the demo body, run through the same services the
secretariat and the teams use: the programme with its priority domains and a provider,
an application from each demo trial's proposal (accepted) and one still waiting, an
allocation run previewed and booked, and a provider's usage statement imported and
applied. Loading twice changes nothing.
"""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from livinglab.credits import allocation, applications, programmes, statements
from livinglab.credits.models import Programme
from livinglab.meetings.models import Body
from livinglab.needs.models import Domain
from livinglab.orgs.models import Membership
from livinglab.proposals.models import Proposal

BODY = "臺北市智慧城市推動委員會"
NAME = "115年度智慧城市算力點數補助計畫"
PROVIDER = "nchc"
# (domain key, weight): the seed's priorities, traffic, ageing and carbon first.
PRIORITIES = (("transport", "2"), ("traffic", "2"), ("housing", "1.5"), ("ageing", "1.5"))
RATES = (("H100", "12"), ("A100", "8"), ("V100", "4"))
REQUESTS = (60_000, 45_000, 30_000)  # one per demo trial, in the trials' order


def load_credits() -> str:
    body = Body.objects.filter(name=BODY).first()
    secretary = get_user_model().objects.filter(username="secretary").first()
    if body is None or secretary is None:
        return "no demo body"
    if Programme.objects.filter(name=NAME).exists():
        return "loaded before"
    with transaction.atomic():
        programme = _programme(secretary, body)
        accepted = _applications(secretary, programme)
        run = allocation.plan(programme)
        allocation.commit(secretary, programme, run.fingerprint())
        booked = _usage(secretary, programme)
    return f"{NAME}: {accepted} applications accepted, {booked} usage lines booked"


def _programme(secretary, body) -> Programme:
    today = timezone.localdate()
    starts = today.replace(month=1, day=1)
    domains = [(Domain.objects.get(key=key), Decimal(weight)) for key, weight in PRIORITIES]
    rates = [programmes.Rate(PROVIDER, gpu, Decimal(credits)) for gpu, credits in RATES]
    return programmes.create_programme(
        secretary,
        domains=domains,
        rates=rates,
        name=NAME,
        body=body,
        budget=150_000,
        starts_on=starts,
        ends_on=starts.replace(month=12, day=31),
        team_cap=50_000,
        minimum_grant=5_000,
        credits_expire_on=starts.replace(year=starts.year + 1, month=3, day=31),
    )


def _applications(secretary, programme: Programme) -> int:
    """Each demo trial's team applies with the trial's proposal and is accepted; the demo
    proposer applies with a submitted proposal that waits for the secretariat."""
    trial_proposals = Proposal.objects.filter(
        trial__isnull=False, call__body=programme.body
    ).order_by("pk")
    accepted = 0
    for proposal, requested in zip(trial_proposals, REQUESTS, strict=False):
        application = applications.apply(_proposer(proposal), programme, proposal, requested)
        applications.accept(secretary, application)
        accepted += 1
    waiting = (
        Proposal.objects.filter(call__body=programme.body, status="submitted")
        .exclude(organisation__in=[p.organisation_id for p in trial_proposals])
        .order_by("pk")
        .first()
    )
    if waiting is not None:
        applications.apply(_proposer(waiting), programme, waiting, 20_000)
    return accepted


def _proposer(proposal: Proposal):
    member = Membership.objects.filter(
        organisation_id=proposal.organisation_id, role=Membership.Role.PROPOSER
    ).select_related("user")
    return member.order_by("pk").first().user


def _usage(secretary, programme: Programme) -> int:
    """A month of GPU use at the provider by the teams that were granted credits."""
    teams = [
        (account.organisation.short_name or account.organisation.name)
        for account in programme.accounts.filter(kind="team", balance__gt=0)
        .select_related("organisation")
        .order_by("pk")
    ]
    today = timezone.localdate()
    rows = ["line_id,team,gpu_class,gpu_hours,used_on"]
    for n, team in enumerate(teams):
        for week in range(4):
            used_on = today - dt.timedelta(days=28 - 7 * week)
            gpu, hours = RATES[(n + week) % 2][0], 40 + 15 * week + 10 * n
            rows.append(f"demo-{n + 1}-{week + 1},{team},{gpu},{hours},{used_on.isoformat()}")
    data = ("\n".join(rows) + "\n").encode()
    statement = statements.upload(secretary, programme, PROVIDER, "nchc-usage.csv", data)
    return len(statements.apply(secretary, statement))
