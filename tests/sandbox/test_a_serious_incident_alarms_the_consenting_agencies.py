"""A serious incident tells the consenting agencies' officers and the secretariat at once,
and lets those officers suspend the permit; a minor one tells no one and does not."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from livinglab.sandbox import services
from livinglab.sandbox.models import Permit
from livinglab.work.models import Notification


def incident(severity):
    return services.NewIncident(
        occurred_at=timezone.now() - dt.timedelta(hours=2),
        description="接駁車於路口與機車擦撞，無人受傷。",
        severity=severity,
        measures="暫停該路線，檢查感測器。",
    )


def alarms():
    return set(
        Notification.objects.filter(kind="sandbox_incident").values_list(
            "user__username", flat=True
        )
    )


def test_a_serious_incident_notifies_at_once(world, sandbox, permit):
    services.report_incident(world.proposer, permit, incident("serious"))
    assert alarms() == {"transport_officer", "police_officer", "secretary"}
    assert "擦撞" in permit.application.case.events.last().note


def test_a_minor_incident_alarms_no_one(world, sandbox, permit):
    services.report_incident(world.proposer, permit, incident("minor"))
    assert alarms() == set()
    with pytest.raises(PermissionDenied):
        services.suspend(sandbox.police_officer, permit, "預防")


def test_after_a_serious_incident_a_consenting_officer_may_suspend(world, sandbox, permit):
    services.report_incident(world.proposer, permit, incident("serious"))
    services.suspend(sandbox.police_officer, permit, "事故調查期間暫停。")
    assert Permit.objects.get().status == Permit.Status.SUSPENDED
    with pytest.raises(PermissionDenied):
        services.reinstate(sandbox.police_officer, permit, "調查完畢")
    with pytest.raises(PermissionDenied):
        services.suspend(world.officer, permit, "非同意機關")


def test_reinstating_clears_the_officers_power_to_suspend(world, sandbox, permit):
    services.report_incident(world.proposer, permit, incident("serious"))
    services.suspend(world.secretary, permit, "調查")
    services.reinstate(world.secretary, permit, "調查完畢")
    with pytest.raises(PermissionDenied):
        services.suspend(sandbox.police_officer, permit, "再次暫停")
