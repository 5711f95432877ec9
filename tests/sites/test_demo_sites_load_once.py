from livinglab.demo.people import load_people
from livinglab.demo.sites import load_sites
from livinglab.orgs.services import load_agency_directory
from livinglab.sites.models import Booking, FieldSite


def test_demo_sites_and_bookings_load_only_once(db):
    load_agency_directory()
    load_people()
    assert load_sites() == 7
    counts = [FieldSite.objects.count(), Booking.objects.count()]
    load_sites()
    assert [FieldSite.objects.count(), Booking.objects.count()] == counts == [7, 6]
    assert FieldSite.objects.public().count() == 6
    assert all(site.has_location for site in FieldSite.objects.all())
