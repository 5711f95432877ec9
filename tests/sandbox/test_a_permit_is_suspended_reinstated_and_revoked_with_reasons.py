"""A permit in force can be suspended, reinstated from suspension and revoked, each with
a reason, by a person, as an event on the tracked case."""

import pytest

from livinglab.sandbox import services
from livinglab.sandbox.models import Permit, PermitChange
from livinglab.tracking.models import Case


def test_suspend_then_reinstate_then_revoke(world, permit):
    services.suspend(world.secretary, permit, "安全員未隨車。")
    assert Permit.objects.get().status == Permit.Status.SUSPENDED
    services.reinstate(world.secretary, permit, "已補足安全員。")
    assert Permit.objects.get().status == Permit.Status.ACTIVE
    services.revoke(world.secretary, permit, "再次違規。")

    permit.refresh_from_db()
    assert permit.status == Permit.Status.REVOKED
    kinds = list(permit.changes.values_list("kind", "reason", "by"))
    assert kinds == [
        ("granted", "", world.secretary.pk),
        ("suspended", "安全員未隨車。", world.secretary.pk),
        ("reinstated", "已補足安全員。", world.secretary.pk),
        ("revoked", "再次違規。", world.secretary.pk),
    ]
    case = permit.application.case
    assert case.state == Case.State.CLOSED
    assert "再次違規。" in case.events.last().note


def test_each_change_needs_a_reason(world, permit):
    with pytest.raises(services.SandboxRefused, match="reason"):
        services.suspend(world.secretary, permit, "   ")
    assert Permit.objects.get().status == Permit.Status.ACTIVE


def test_only_a_suspended_permit_is_reinstated_and_a_revoked_one_stays_revoked(world, permit):
    with pytest.raises(services.SandboxRefused):
        services.reinstate(world.secretary, permit, "無")
    services.revoke(world.secretary, permit, "撤銷")
    for change in (services.suspend, services.reinstate, services.revoke):
        with pytest.raises(services.SandboxRefused):
            change(world.secretary, permit, "再試")
    assert permit.changes.filter(kind=PermitChange.Kind.REVOKED).count() == 1


def test_an_unknown_change_is_refused(world, permit):
    with pytest.raises(services.SandboxRefused):
        services.change_permit(world.secretary, permit, "granted", "再發一次")
