"""A running trial of the world's body at a transport site; the transport bureau and the
police are the agencies asked for consent, each with an officer."""

import datetime as dt

import pytest
from django.utils import timezone

from livinglab.sandbox import services
from tests.sandbox.world import Sandbox, make_sandbox

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def in_english():
    """Services speak the active language; these tests read their messages in English."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def sandbox(world, django_user_model) -> Sandbox:
    return make_sandbox(world, django_user_model)


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
