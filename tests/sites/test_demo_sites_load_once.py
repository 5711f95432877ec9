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


def test_demo_needs_offer_demo_sites(db):
    from livinglab.demo.pipeline import load_pipeline
    from livinglab.demo.sites import link_demo_needs

    load_agency_directory()
    load_people()
    load_sites()
    load_pipeline()
    assert link_demo_needs() == 7
    assert link_demo_needs() == 7  # adding a link twice keeps one
    corridor = FieldSite.objects.get(name="敦化南北路公車專用道廊道")
    assert corridor.needs.count() == 2
