import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from livinglab.sites import services
from livinglab.sites.models import Booking
from tests.sites.conftest import day


def test_site_takes_as_many_bookings_on_a_day_as_its_capacity(world, public_site):
    services.book(world.secretary, public_site, day(5, 1), day(5, 31), "自駕接駁 A", "trial:1")
    services.book(world.officer, public_site, day(5, 10), day(6, 10), "智慧號誌 B", "trial:2")
    assert Booking.objects.filter(site=public_site).count() == 2


def test_booking_beyond_capacity_is_refused_naming_the_clashing_bookings(world, public_site):
    services.book(world.secretary, public_site, day(5, 1), day(5, 31), "自駕接駁 A")
    services.book(world.secretary, public_site, day(5, 20), day(6, 10), "智慧號誌 B")
    services.book(world.secretary, public_site, day(4, 1), day(4, 30), "四月活動 C")
    with pytest.raises(services.BookingRefused) as refused:
        services.book(world.secretary, public_site, day(5, 25), day(5, 26), "無人機 D")
    message = refused.value.messages[0]
    assert "自駕接駁 A" in message and "智慧號誌 B" in message
    assert "四月活動 C" not in message
    assert "115年5月25日 至 115年5月26日" in message  # the days it is full, as ROC dates
    assert {b.label for b in refused.value.clashes} == {"自駕接駁 A", "智慧號誌 B"}
    assert not Booking.objects.filter(label="無人機 D").exists()


def test_touching_periods_do_not_clash_on_a_site_for_one(world, hidden_site):
    services.book(world.secretary, hidden_site, day(3, 1), day(3, 10), "第一期")
    services.book(world.secretary, hidden_site, day(3, 11), day(3, 20), "第二期")
    with pytest.raises(services.BookingRefused):
        services.book(world.secretary, hidden_site, day(3, 10), day(3, 11), "跨期")


def test_a_cancelled_booking_frees_its_days(world, hidden_site):
    first = services.book(world.secretary, hidden_site, day(3, 1), day(3, 10), "第一期")
    services.cancel_booking(world.secretary, first)
    again = services.book(world.secretary, hidden_site, day(3, 5), day(3, 6), "改期")
    assert again.pk
    first.refresh_from_db()
    assert first.cancelled_by == world.secretary and first.cancelled_at is not None


def test_a_period_ending_before_it_starts_is_refused(world, public_site):
    with pytest.raises(ValidationError) as refused:
        services.book(world.secretary, public_site, day(5, 2), day(5, 1), "倒過來")
    assert "115年5月1日" in refused.value.messages[0]


def test_overlaps_lists_bookings_sharing_a_day(world, public_site):
    a = services.book(world.secretary, public_site, day(5, 1), day(5, 31), "A")
    services.book(world.secretary, public_site, day(7, 1), day(7, 31), "B")
    assert services.overlaps(public_site, day(5, 31), day(6, 30)) == [a]
    assert services.overlaps(public_site, day(5, 31), day(6, 30), exclude=a) == []


def test_only_the_secretariat_and_the_managing_agency_may_book(world, public_site):
    services.book(world.officer, public_site, day(1, 1), day(1, 2), "產業局自辦")
    for outsider in (world.other_officer, world.reviewer, world.proposer):
        with pytest.raises(PermissionDenied):
            services.book(outsider, public_site, day(2, 1), day(2, 2), "外人")
    assert Booking.objects.count() == 1
