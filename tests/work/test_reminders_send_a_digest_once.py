"""`send-reminders` mails each agency's responsible people one digest per agency, overdue
first, never the same reminder twice, and respects their preferences."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from livinglab.orgs.models import Membership
from livinglab.tracking.models import Case
from livinglab.work.models import Assignment, Notification, ReminderLog
from livinglab.work.notifications import set_preference
from livinglab.work.reminders import send_reminders
from livinglab.work.services import sync_assignments
from tests.work.conftest import make_case


@pytest.fixture
def due(world, cases):
    today = timezone.localdate()
    cases["week"] = make_case(
        world, "智慧路燈<script>", lead=world.industry, deadline=today + dt.timedelta(days=5)
    )
    sync_assignments(Case.objects.all())
    return cases


def _send(capture, **kwargs):
    with capture(execute=True):
        return send_reminders(**kwargs)


def test_digest_per_agency_overdue_first(world, due, django_capture_on_commit_callbacks):
    _send(django_capture_on_commit_callbacks, days=7)
    to_officer = [m for m in mail.outbox if m.to == ["officer@example.org"]]
    assert len(to_officer) == 1
    body = to_officer[0].body
    assert "產業發展局" in to_officer[0].subject
    assert "青創交流合作" in body and "智慧路燈<script>" in body
    assert body.index("青創交流合作") < body.index("智慧路燈")  # overdue first
    assert "新興能源經驗交流合作案" not in body  # due in 20 days, beyond 7
    assert "已逾期" in body and "即將到期" in body  # zh-Hant by default
    html = to_officer[0].alternatives[0][0]
    assert "&lt;script&gt;" in html and "<script>" not in html
    to_other = [m for m in mail.outbox if m.to == ["other_officer@example.org"]]
    assert len(to_other) == 1 and "瑞芳工業區" in to_other[0].body
    assert "青創交流合作" not in to_other[0].body


def test_running_twice_sends_once(world, due, django_capture_on_commit_callbacks):
    _send(django_capture_on_commit_callbacks, days=7)
    first = len(mail.outbox)
    assert first == 2
    _send(django_capture_on_commit_callbacks, days=7)
    call_command("send_reminders", "--days", "7")
    assert len(mail.outbox) == first
    assert ReminderLog.objects.count() == 3
    assert Notification.objects.filter(kind="reminder", user=world.officer).count() == 1


def test_dry_run_sends_and_records_nothing(world, due, django_capture_on_commit_callbacks):
    digests = _send(django_capture_on_commit_callbacks, days=7, dry_run=True)
    assert len(digests) == 2
    assert mail.outbox == [] and not ReminderLog.objects.exists()


def test_preferences_are_respected(world, due, django_capture_on_commit_callbacks):
    set_preference(world.officer, email_digest=True, days_ahead=30)
    set_preference(world.other_officer, email_digest=False, days_ahead=7)
    _send(django_capture_on_commit_callbacks, days=7)
    assert [m.to for m in mail.outbox] == [["officer@example.org"]]
    assert "新興能源經驗交流合作案" in mail.outbox[0].body  # 20 days, within the 30 asked


def test_responsible_person_gets_the_digest_too(world, due, django_capture_on_commit_callbacks):
    Membership.objects.filter(user=world.other_officer).delete()
    assignment = Assignment.objects.get(case=due["other"])
    assignment.responsible = world.reviewer
    assignment.save()
    _send(django_capture_on_commit_callbacks, days=7)
    to_reviewer = [m for m in mail.outbox if m.to == ["reviewer@example.org"]]
    assert len(to_reviewer) == 1 and "瑞芳工業區" in to_reviewer[0].body


def test_a_changed_deadline_is_reminded_again(world, due, django_capture_on_commit_callbacks):
    _send(django_capture_on_commit_callbacks, days=7)
    assignment = Assignment.objects.get(case=due["week"])
    assignment.deadline += dt.timedelta(days=1)
    assignment.deadline_edited = True
    assignment.save()
    mail.outbox.clear()
    _send(django_capture_on_commit_callbacks, days=7)
    assert len(mail.outbox) == 1 and "智慧路燈" in mail.outbox[0].body
    assert "青創交流合作" not in mail.outbox[0].body
