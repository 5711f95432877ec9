"""The permit is granted only when every required consent is in; it carries the
agencies' conditions, its validity and the next number of the year. One refusal ends
the application."""

import pytest
from django.utils import timezone

from livinglab.sandbox import services
from livinglab.sandbox.models import Application, Permit
from livinglab.tracking.models import Case
from tests.sandbox.conftest import consent_all, new_application


def test_no_permit_while_a_consent_is_missing(world, sandbox, application):
    transport = application.consents.get(organisation=world.transport)
    services.consent(sandbox.transport_officer, transport, [])

    with pytest.raises(services.SandboxRefused, match="臺北市政府警察局"):
        services.grant_permit(world.secretary, application)
    assert not Permit.objects.exists()


def test_the_permit_carries_conditions_validity_and_number(world, sandbox, application):
    due = timezone.localdate() + timezone.timedelta(days=14)
    consent_all(sandbox, application, [services.NewCondition("設置臨時標誌", due)])

    permit = services.grant_permit(world.secretary, application)

    year = timezone.localdate().year
    assert permit.number == f"SBX-{year}-0001"
    assert (permit.valid_from, permit.valid_until) == (application.starts_on, application.ends_on)
    assert [c.text for c in permit.conditions()] == ["設置臨時標誌", "設置臨時標誌"]
    application.refresh_from_db()
    assert application.status == Application.Status.GRANTED
    assert "SBX-" in application.case.events.last().note


def test_numbers_follow_on_within_the_year(world, sandbox, application, permit):
    from livinglab.trials.services import start_trial
    from tests.trials.conftest import make_site, new_trial

    other = start_trial(
        world.secretary, new_trial(world, site=make_site(world, "信義區路口"), title="號誌")
    )
    second = services.file_application(
        world.proposer, new_application(world, sandbox, trial=other, site=other.site)
    )
    consent_all(sandbox, second)
    number = services.grant_permit(world.secretary, second).number
    assert number.endswith("-0002") and number != permit.number


def test_a_refusal_ends_the_application_and_closes_its_case(world, sandbox, application):
    police = application.consents.get(organisation=sandbox.police)
    services.refuse(sandbox.police_officer, police, "路線穿越學區，上下學時段風險過高。")

    application.refresh_from_db()
    assert application.status == Application.Status.REFUSED
    assert application.case.state == Case.State.CLOSED
    transport = application.consents.get(organisation=world.transport)
    with pytest.raises(services.SandboxRefused):
        services.consent(sandbox.transport_officer, transport, [])
    with pytest.raises(services.SandboxRefused):
        services.grant_permit(world.secretary, application)


def test_an_agency_answers_once(world, sandbox, application):
    police = application.consents.get(organisation=sandbox.police)
    services.consent(sandbox.police_officer, police, [])
    with pytest.raises(services.SandboxRefused, match="already answered"):
        services.refuse(sandbox.police_officer, police, "改變主意")


def test_validity_stays_within_the_period_asked(world, sandbox, application):
    consent_all(sandbox, application)
    later = application.ends_on + timezone.timedelta(days=1)
    with pytest.raises(services.SandboxRefused):
        services.grant_permit(world.secretary, application, valid_until=later)
    assert not Permit.objects.exists()
