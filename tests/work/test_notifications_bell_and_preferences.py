"""Notifications follow reviews and new reports; the bell counts unread ones cheaply; a
notification is marked read when opened (a POST), never by reading the list; every
signed-in role has a bell; preferences are each person's own."""

import pytest
from django.urls import reverse

from livinglab.tracking.models import Case
from livinglab.work.models import Assignment, Notification, NotificationPreference
from livinglab.work.notifications import notify
from livinglab.work.services import NewReport, file_report, review_report, sync_assignments


@pytest.fixture
def report(world, cases):
    sync_assignments(Case.objects.all())
    assignment = Assignment.objects.get(case=cases["late"], organisation=world.industry)
    return file_report(world.officer, assignment, NewReport("進度"))


def test_new_report_notifies_the_secretariat(world, report):
    assert Notification.objects.filter(user=world.secretary, kind="report_to_review").count() == 1
    assert not Notification.objects.filter(user=world.officer).exists()


@pytest.mark.parametrize(
    ("accept", "kind"), [(True, "report_accepted"), (False, "report_returned")]
)
def test_review_notifies_the_officer_who_filed(world, report, accept, kind):
    review_report(world.secretary, report, accept=accept)
    assert list(Notification.objects.filter(user=world.officer).values_list("kind", flat=True)) == [
        kind
    ]


def test_bell_counts_unread_in_few_queries(client, world, report, django_assert_max_num_queries):
    review_report(world.secretary, report, accept=True)
    client.force_login(world.officer)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("work:bell"))
    assert response.context["unread"] == 1
    assert b'data-testid="bell-count">1<' in response.content


def test_page_carries_the_bell_slot_not_the_count(client, world):
    client.force_login(world.officer)
    page = client.get(reverse("core:home")).content.decode()
    assert reverse("work:bell") in page and "bell-count" not in page


def test_reading_the_list_changes_nothing_marking_is_a_post(client, world, report):
    review_report(world.secretary, report, accept=True)
    client.force_login(world.officer)
    page = client.get(reverse("work:notifications"))
    assert "您對「青創交流合作」的辦理情形已採認" in page.content.decode()
    assert Notification.objects.filter(user=world.officer, read_at__isnull=True).count() == 1
    client.post(reverse("work:notifications"))
    assert not Notification.objects.filter(user=world.officer, read_at__isnull=True).exists()
    assert client.get(reverse("work:bell")).context["unread"] == 0


def test_opening_one_marks_it_read_and_goes_where_it_points(client, world, report):
    review_report(world.secretary, report, accept=True)
    client.force_login(world.officer)
    notification = Notification.objects.get(user=world.officer)
    response = client.post(reverse("work:notification_open", args=[notification.pk]))
    assert response.status_code == 302 and response.url == notification.url
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert client.get(reverse("work:notification_open", args=[notification.pk])).status_code == 405


def test_nobody_opens_another_s_notification(client, world, report):
    mine = Notification.objects.get(user=world.secretary)
    client.force_login(world.officer)
    response = client.post(reverse("work:notification_open", args=[mine.pk]))
    assert response.status_code == 404
    mine.refresh_from_db()
    assert mine.read_at is None


def test_list_shows_only_ones_own(client, world, report):
    client.force_login(world.officer)
    page = client.get(reverse("work:notifications")).content.decode()
    assert "等待審核" not in page and "青創交流合作" not in page
    assert Notification.objects.filter(user=world.secretary, read_at__isnull=True).count() == 1


def test_preferences_page_saves_own_preference(client, world):
    client.force_login(world.officer)
    page = client.get(reverse("work:preferences"))
    assert page.status_code == 200
    response = client.post(reverse("work:preferences"), {"days_ahead": "14"})
    assert response.status_code == 302
    pref = NotificationPreference.objects.get(user=world.officer)
    assert (pref.email_digest, pref.days_ahead) == (False, 14)
    bad = client.post(reverse("work:preferences"), {"email_digest": "on", "days_ahead": "999"})
    assert bad.status_code == 200 and NotificationPreference.objects.get().days_ahead == 14


@pytest.mark.parametrize("who", ["proposer", "reviewer"])
def test_proposers_and_reviewers_read_their_notifications(client, world, who):
    user = getattr(world, who)
    notify([user], Notification.Kind.PROPOSAL_STATUS, "智慧停車感測提案", url="/")
    client.force_login(user)
    assert client.get(reverse("work:bell")).context["unread"] == 1
    page = client.get(reverse("work:notifications")).content.decode()
    assert "您的提案「智慧停車感測提案」狀態已更新" in page
    assert reverse("work:preferences") not in page  # the digest is of agency deadlines


@pytest.mark.parametrize("who", ["proposer", "reviewer", None])
def test_only_agency_staff_have_digest_preferences(client, world, who):
    if who:
        client.force_login(getattr(world, who))
    response = client.get(reverse("work:preferences"))
    assert response.status_code in (302, 403)
    assert client.post(reverse("work:preferences"), {"days_ahead": "3"}).status_code in (302, 403)
    assert not NotificationPreference.objects.exists()


def test_the_public_has_no_bell_and_no_list(client):
    assert client.get(reverse("work:bell")).content == b""
    assert client.get(reverse("work:notifications")).status_code == 302
