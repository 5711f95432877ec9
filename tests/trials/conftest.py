"""A trial's world: an accepted proposal of the world's company, a field site, a started trial."""

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from livinglab.orgs.models import Membership

_numbers = itertools.count(1)


def make_call(world, title="115年智慧城市徵案"):
    from livinglab.needs.models import Call

    now = timezone.now()
    return Call.objects.create(
        title=title,
        body=world.body,
        opens_at=now - dt.timedelta(days=90),
        closes_at=now - dt.timedelta(days=30),
        is_published=True,
    )


def ensure_domains() -> None:
    """The taxonomy the needs app's data migration loads: a browser test's live server
    flushes the database after each test, and with it rows that migrations made."""
    import importlib

    from livinglab.needs.models import Domain

    migration = importlib.import_module("livinglab.needs.migrations.0002_default_domains")
    for order, (key, name, name_en, is_tag) in enumerate(migration.DOMAINS):
        Domain.objects.get_or_create(
            key=key,
            defaults={"name": name, "name_en": name_en, "is_priority_tag": is_tag, "order": order},
        )


def make_domain(key="transport"):
    from livinglab.needs.models import Domain

    ensure_domains()
    return Domain.objects.get(key=key)


def make_proposal(
    world, *, call=None, status="accepted", organisation=None, title=None, domain=None
):
    from livinglab.proposals.models import Proposal

    call = call or make_call(world)
    return Proposal.objects.create(
        call=call,
        organisation=organisation or world.company,
        submitted_by=world.proposer,
        title=title or f"智慧號誌路口等候改善 {next(_numbers)}",
        summary="以路側感測器調整號誌時相，縮短尖峰等候。",
        domain=domain or make_domain(),
        status=status,
        submitted_at=timezone.now() - dt.timedelta(days=40),
    )


def make_site(world, name="內湖科技園區智慧路口", capacity=1):
    from livinglab.sites.models import FieldSite

    return FieldSite.objects.create(
        name=name, agency=world.transport, capacity=capacity, is_public=True
    )


def new_trial(world, proposal=None, site=None, **extra):
    from livinglab.trials.services import NewTrial

    today = timezone.localdate()
    values = {
        "proposal": proposal or make_proposal(world),
        "site": site or make_site(world),
        "agency": world.transport,
        "body": world.body,
        "starts_on": today - dt.timedelta(days=30),
        "ends_on": today + dt.timedelta(days=150),
    }
    values.update(extra)
    return NewTrial(**values)


@pytest.fixture
def other_proposer(world, django_user_model):
    """A proposer of another company, with an accepted proposal of their own."""
    from livinglab.orgs.models import Organisation
    from tests.conftest import PASSWORD

    company = Organisation.objects.create(kind="company", name="遠帆數據有限公司")
    user = django_user_model.objects.create_user("other_proposer", password=PASSWORD)
    Membership.objects.create(user=user, role="proposer", organisation=company)
    user.company = company
    return user


@pytest.fixture
def trial(world):
    """A trial the secretariat started, with two KPIs."""
    from livinglab.trials.services import NewKpi, add_kpi, start_trial

    started = start_trial(world.secretary, new_trial(world))
    add_kpi(
        world.secretary,
        started,
        NewKpi("路口平均等候秒數", "秒", "down", baseline=95, target=70),
    )
    add_kpi(world.secretary, started, NewKpi("公車準點率", "%", "up", baseline=82, target=90))
    return started
