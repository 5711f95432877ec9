"""Permits expiring and conditions falling due are reminded on the bell and by e-mail,
each once per person; the home page lists what waits."""

import datetime as dt

from django.core import mail
from django.utils import timezone

from livinglab.core.waiting import waiting_for
from livinglab.sandbox import services
from livinglab.sandbox.reminders import send_permit_reminders
from livinglab.work.models import Notification
from tests.sandbox.conftest import consent_all


def test_conditions_and_expiry_are_reminded_once(
    world, sandbox, application, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    consent_all(
        sandbox, application, [services.NewCondition("設置臨時標誌", today + dt.timedelta(days=3))]
    )
    services.grant_permit(world.secretary, application, valid_until=today + dt.timedelta(days=10))

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_permit_reminders(days=14, today=today)
    people = {r.recipient.username for r in sent}
    assert people == {"proposer", "secretary", "transport_officer", "police_officer"}
    team = next(r for r in sent if r.recipient == world.proposer)
    assert len(team.lines) == 3  # the expiry and one condition of each agency
    assert Notification.objects.filter(kind="sandbox_reminder").count() == 4
    assert len(mail.outbox) == 4 and "SBX-" in mail.outbox[0].subject

    assert send_permit_reminders(days=14, today=today) == []


def test_a_met_condition_is_not_reminded(world, sandbox, application):
    today = timezone.localdate()
    consent_all(
        sandbox, application, [services.NewCondition("提交保單", today + dt.timedelta(days=2))]
    )
    permit = services.grant_permit(world.secretary, application)
    for condition in permit.conditions():
        services.meet_condition(world.proposer, condition)
    assert send_permit_reminders(days=7, today=today, dry_run=True) == []


def test_what_waits_on_the_home_page(world, sandbox, application):
    def counts(user):
        return {str(w.label): w.count for w in waiting_for(user)}

    assert counts(sandbox.police_officer)["Sandbox applications waiting for your consent"] == 1
    consent_all(
        sandbox,
        application,
        [services.NewCondition("提交保單", timezone.localdate() - dt.timedelta(days=1))],
    )
    assert "Sandbox applications waiting for your consent" not in counts(sandbox.police_officer)
    assert counts(world.secretary)["Sandbox applications ready for a permit"] == 1
    services.grant_permit(world.secretary, application)
    assert counts(world.proposer)["Permit conditions overdue"] == 2
