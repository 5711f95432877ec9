"""Who may do what with field sites: the secretariat (of any body) and admins everything;
the managing agency's officers edit and book their own sites; everyone sees public ones."""

from livinglab.core.access import policy
from livinglab.orgs.roles import roles_of
from livinglab.sites.models import Booking, FieldSite

MANAGE = {"change", "book", "view_bookings"}


def manages(user, site: FieldSite) -> bool:
    roles = roles_of(user)
    return roles.is_secretariat or site.agency_id in roles.officer_org_ids


@policy(FieldSite)
def field_site_policy(user, action: str, site: FieldSite) -> bool:
    if action == "view":
        return True  # reaching the object already went through FieldSite.objects.visible_to
    return action in MANAGE and manages(user, site)


@policy(Booking)
def booking_policy(user, action: str, booking: Booking) -> bool:
    if action == "view":
        return manages(user, booking.site)
    return action == "cancel" and manages(user, booking.site)
