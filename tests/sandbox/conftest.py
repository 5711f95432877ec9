"""A running trial of the world's body at a transport site; the transport bureau and the
police are the agencies asked for consent, each with an officer."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone

from livinglab.sandbox import services
from tests.conftest import PASSWORD

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def in_english():
    """Services speak the active language; these tests read their messages in English."""
    from django.utils import translation

    with translation.override("en"):
        yield


@dataclass
class Sandbox:
    trial: object
    police: object
    transport_officer: object
    police_officer: object


@pytest.fixture
def sandbox(world, django_user_model):
    from livinglab.orgs.models import Membership, Organisation
    from livinglab.trials.services import change_status, start_trial
    from tests.trials.conftest import new_trial

    police = Organisation.objects.create(
        kind="agency", name="臺北市政府警察局", short_name="警察局", city=world.taipei
    )
    transport_officer = django_user_model.objects.create_user(
        "transport_officer", password=PASSWORD, email="transport@example.org"
    )
    police_officer = django_user_model.objects.create_user(
        "police_officer", password=PASSWORD, email="police@example.org"
    )
    Membership.objects.create(user=transport_officer, role="officer", organisation=world.transport)
    Membership.objects.create(user=police_officer, role="officer", organisation=police)
    trial = start_trial(world.secretary, new_trial(world, title="自駕接駁車內湖試營運"))
    change_status(world.secretary, trial, "running")
    return Sandbox(trial, police, transport_officer, police_officer)


def new_application(world, sandbox, **extra):
    today = timezone.localdate()
    values = {
        "trial": sandbox.trial,
        "site": sandbox.trial.site,
        "rules": "道路交通安全規則第 x 條：無駕駛座車輛上路。",
        "starts_on": today,
        "ends_on": today + dt.timedelta(days=90),
        "safety_plan": "隨車安全員一名，時速上限 20 公里。",
        "insurance": "第三人責任險每一事故 2,000 萬元。",
        "agencies": [world.transport, sandbox.police],
    }
    values.update(extra)
    return services.NewApplication(**values)


@pytest.fixture
def application(world, sandbox):
    return services.file_application(world.proposer, new_application(world, sandbox))


def consent_all(sandbox, application, conditions=()):
    for consent in application.consents.select_related("organisation"):
        officer = (
            sandbox.transport_officer
            if consent.organisation.short_name == "交通局"
            else sandbox.police_officer
        )
        services.consent(officer, consent, list(conditions))


@pytest.fixture
def permit(world, sandbox, application):
    consent_all(sandbox, application, [services.NewCondition("每週提交運行紀錄")])
    return services.grant_permit(world.secretary, application)
