"""Operations on field sites: creating and editing them, booking periods, cancelling.

`book` is what the trials app (and the site's own calendar page) calls to hold a site:
it refuses a booking that would put more trials on a site than its capacity on any day,
naming the bookings it clashes with; `overlaps` lists the bookings that share days with
a period, for warnings.
"""

from datetime import date, timedelta
from itertools import pairwise

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.core.roc import official_date
from livinglab.orgs.roles import roles_of
from livinglab.sites.models import Booking, FieldSite

SITE_FIELDS = {
    "name",
    "agency",
    "address",
    "latitude",
    "longitude",
    "description",
    "sandbox_rules",
    "permits_needed",
    "capacity",
    "is_public",
    "contact_name",
    "contact_email",
    "contact_phone",
}


class BookingRefused(ValidationError):
    """A booking the site cannot take; `clashes` are the bookings that fill it."""

    def __init__(self, message: str, clashes=()):
        super().__init__(message, code="site_full")
        self.clashes = list(clashes)


def may_create_site(user, agency=None) -> bool:
    """The secretariat (of any body) or an admin anywhere; an officer for their own agency."""
    roles = roles_of(user)
    if roles.is_secretariat:
        return True
    if agency is None:
        return roles.is_officer
    return agency.pk in roles.officer_org_ids


@transaction.atomic
def create_site(user, *, capabilities=(), needs=(), **fields) -> FieldSite:
    _check_fields(fields)
    if not may_create_site(user, fields.get("agency")):
        raise PermissionDenied("this user may not add a field site for this agency")
    site = FieldSite(created_by=user, **fields)
    site.full_clean()
    site.save()
    site.capabilities.set(capabilities)
    site.needs.set(needs)
    return site


@transaction.atomic
def update_site(user, site: FieldSite, *, capabilities=None, needs=None, **fields) -> FieldSite:
    _check_fields(fields)
    require(user, "change", site)
    if "agency" in fields and not may_create_site(user, fields["agency"]):
        raise PermissionDenied("this user may not hand the site to that agency")
    for key, value in fields.items():
        setattr(site, key, value)
    site.full_clean()
    site.save()
    if capabilities is not None:
        site.capabilities.set(capabilities)
    if needs is not None:
        site.needs.set(needs)
    return site


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - SITE_FIELDS
    if unknown:
        raise TypeError(f"not fields of a field site: {', '.join(sorted(unknown))}")


def overlaps(site: FieldSite, starts_on: date, ends_on: date, *, exclude=None):
    """The site's active bookings sharing at least one day with the period."""
    bookings = Booking.objects.filter(site=site).active().during(starts_on, ends_on)
    if exclude is not None:
        bookings = bookings.exclude(pk=getattr(exclude, "pk", exclude))
    return list(bookings.order_by("starts_on", "ends_on", "pk"))


def book(
    user,
    site: FieldSite,
    starts_on: date,
    ends_on: date,
    label: str,
    reference: str = "",
    purpose: str = "",
) -> Booking:
    """Hold the site from `starts_on` to `ends_on` (both included) for `label`.

    Raises `BookingRefused` (a ValidationError) when on some day of the period the site
    already holds as many bookings as its capacity, and PermissionDenied when the user
    may not book the site (the secretariat and the managing agency's officers may).
    """
    require(user, "book", site)
    label = (label or "").strip()
    if not label:
        raise ValidationError(_("Give the booking a label."), code="required")
    if ends_on < starts_on:
        raise ValidationError(
            _("The booking ends (%(end)s) before it starts (%(start)s).")
            % {"start": official_date(starts_on), "end": official_date(ends_on)},
            code="reversed",
        )
    with transaction.atomic():
        # Lock the site so that two bookings made at once cannot both take its last place.
        site = FieldSite.objects.select_for_update().get(pk=site.pk)
        days, clashes = full_days(site, starts_on, ends_on)
        if days:
            raise BookingRefused(_refusal(site, days, clashes), clashes)
        return Booking.objects.create(
            site=site,
            starts_on=starts_on,
            ends_on=ends_on,
            label=label[:200],
            reference=reference[:100],
            purpose=purpose,
            created_by=user,
        )


def full_days(site: FieldSite, starts_on: date, ends_on: date) -> tuple[list[date], list[Booking]]:
    """The days of the period on which the site is already full, and the bookings filling them."""
    existing = overlaps(site, starts_on, ends_on)
    if len(existing) < site.capacity:
        return [], []
    load = daily_load(existing, starts_on, ends_on)
    days = sorted(day for day, count in load.items() if count >= site.capacity)
    clashes = [b for b in existing if any(b.starts_on <= day <= b.ends_on for day in days)]
    return days, clashes


def daily_load(bookings, starts_on: date, ends_on: date) -> dict[date, int]:
    """How many of the bookings hold each day of the period (days with none left out)."""
    changes: dict[date, int] = {}
    for b in bookings:
        start = max(b.starts_on, starts_on)
        end = min(b.ends_on, ends_on)
        if start > end:
            continue
        changes[start] = changes.get(start, 0) + 1
        after = end + timedelta(days=1)
        changes[after] = changes.get(after, 0) - 1
    load: dict[date, int] = {}
    running = 0
    for here, following in pairwise(sorted(changes)):
        running += changes[here]
        day = here
        while running and day < following:
            load[day] = running
            day += timedelta(days=1)
    return load


def _refusal(site: FieldSite, days: list[date], clashes: list[Booking]) -> str:
    named = "、".join(
        _("“%(label)s” (%(start)s – %(end)s)")
        % {"label": b.label, "start": official_date(b.starts_on), "end": official_date(b.ends_on)}
        for b in clashes
    )
    if days[0] == days[-1]:
        when = official_date(days[0])
    else:
        when = _("%(first)s – %(last)s") % {
            "first": official_date(days[0]),
            "last": official_date(days[-1]),
        }
    return _(
        "%(site)s holds %(capacity)s trial(s) at a time and is already full on %(when)s, "
        "booked by %(bookings)s. Choose other dates or ask the managing agency to raise "
        "the capacity."
    ) % {"site": site.name, "capacity": site.capacity, "when": when, "bookings": named}


@transaction.atomic
def cancel_booking(user, booking: Booking) -> Booking:
    """Release the period; the booking stays on record as cancelled, by whom and when."""
    require(user, "cancel", booking)
    if booking.cancelled_at is None:
        booking.cancelled_at = timezone.now()
        booking.cancelled_by = user
        booking.save(update_fields=["cancelled_at", "cancelled_by"])
    return booking


def cancel_bookings_for(user, site: FieldSite, reference: str) -> int:
    """Cancel the active bookings another app made under `reference` (a trial that ends)."""
    count = 0
    with transaction.atomic():
        for booking in Booking.objects.filter(site=site, reference=reference).active():
            cancel_booking(user, booking)
            count += 1
    return count
