"""The calendar: booking from the page, refusal past capacity, overlap warnings, cancelling."""

from livinglab.sites import services
from livinglab.sites.models import Booking
from tests.sites.conftest import day


def post_booking(client, site, start, end, label):
    return client.post(
        f"/sites/{site.pk}/calendar/",
        {"starts_on": start, "ends_on": end, "label": label, "purpose": ""},
        follow=True,
    )


def test_a_booking_made_on_the_page_shows_on_its_month(client, world, public_site):
    client.force_login(world.officer)
    response = post_booking(client, public_site, "2026-05-04", "2026-05-08", "路口號誌優化")
    html = response.content.decode()
    assert Booking.objects.get().label == "路口號誌優化"
    assert "路口號誌優化" in html and "is-booked" in html


def test_an_overlap_within_capacity_is_booked_with_a_warning(client, world, public_site):
    services.book(world.secretary, public_site, day(5, 1), day(5, 31), "自駕接駁")
    client.force_login(world.officer)
    html = post_booking(
        client, public_site, "2026-05-10", "2026-05-12", "空汙感測"
    ).content.decode()
    assert Booking.objects.count() == 2
    assert "is-overlap" in html
    assert "message-warning" in html and "自駕接駁" in html


def test_a_booking_past_capacity_is_refused_naming_the_clash(client, world, public_site):
    services.book(world.secretary, public_site, day(5, 1), day(5, 31), "自駕接駁")
    services.book(world.secretary, public_site, day(5, 1), day(5, 15), "空汙感測")
    client.force_login(world.officer)
    html = post_booking(client, public_site, "2026-05-14", "2026-05-20", "第三案").content.decode()
    assert Booking.objects.count() == 2
    assert "form-errors" in html and "自駕接駁" in html and "空汙感測" in html


def test_a_period_ending_before_it_starts_is_refused_on_the_form(client, world, public_site):
    client.force_login(world.officer)
    html = post_booking(client, public_site, "2026-05-14", "2026-05-10", "倒轉").content.decode()
    assert not Booking.objects.exists()
    assert "field-error" in html


def test_only_those_who_may_book_can_post_or_cancel(client, world, public_site):
    booking = services.book(world.secretary, public_site, day(5, 1), day(5, 3), "A")
    client.force_login(world.proposer)
    assert post_booking(client, public_site, "2026-06-01", "2026-06-02", "B").status_code == 403
    response = client.post(f"/sites/{public_site.pk}/bookings/{booking.pk}/cancel/")
    assert response.status_code == 403
    client.force_login(world.officer)
    client.post(f"/sites/{public_site.pk}/bookings/{booking.pk}/cancel/")
    booking.refresh_from_db()
    assert booking.is_cancelled and Booking.objects.count() == 1


def test_a_bad_month_falls_back_to_this_month(client, world, public_site):
    assert client.get(f"/sites/{public_site.pk}/calendar/?month=2026-13").status_code == 200
    assert client.get(f"/sites/{public_site.pk}/calendar/?month=x").status_code == 200


def test_a_trial_booking_links_to_the_trial_page(client, world, public_site):
    services.book(world.secretary, public_site, day(5, 4), day(5, 8), "自駕接駁", "trial:5")
    services.book(world.secretary, public_site, day(5, 4), day(5, 8), "市集活動", "event:2")
    client.force_login(world.officer)
    html = client.get(f"/sites/{public_site.pk}/calendar/?month=2026-05").content.decode()
    assert '<a href="/trials/5/">trial:5</a>' in html
    assert "event:2" in html and 'href="/event' not in html
