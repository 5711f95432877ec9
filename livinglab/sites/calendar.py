"""A site's month on one page: the days in weeks, the bookings on each, and warnings where
bookings overlap (or, after a capacity was lowered, exceed what the site can hold)."""

import calendar as stdlib_calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.urls import NoReverseMatch, reverse

from livinglab.sites.models import Booking, FieldSite
from livinglab.sites.services import daily_load

FIRST_WEEKDAY = stdlib_calendar.SUNDAY  # as wall calendars in Taiwan are printed


@dataclass
class Day:
    on: date
    in_month: bool
    bookings: list[Booking] = field(default_factory=list)
    load: int = 0
    capacity: int = 1

    @property
    def overlap(self) -> bool:
        return self.load > 1

    @property
    def over_capacity(self) -> bool:
        return self.load > self.capacity

    @property
    def full(self) -> bool:
        return self.load >= self.capacity


# Pages a booking's reference leads to, by URL name: the app that booked the site is
# named, never imported (`trial:12` → the trial's page).
REFERENCE_PAGES = {"trial": "trials:detail"}


@dataclass
class Period:
    booking: Booking
    overlaps_with: list[Booking]
    over_capacity: bool

    @property
    def reference_url(self) -> str:
        kind, _, pk = self.booking.reference.partition(":")
        if kind not in REFERENCE_PAGES or not pk.isdigit():
            return ""
        try:
            return reverse(REFERENCE_PAGES[kind], args=[int(pk)])
        except NoReverseMatch:
            return ""


@dataclass
class Month:
    site: FieldSite
    first: date
    weeks: list[list[Day]]
    periods: list[Period]

    @property
    def previous(self) -> date:
        return (self.first - timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> date:
        return (self.first + timedelta(days=32)).replace(day=1)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.periods if p.overlaps_with)


def month(site: FieldSite, first: date) -> Month:
    first = first.replace(day=1)
    days = list(stdlib_calendar.Calendar(FIRST_WEEKDAY).itermonthdates(first.year, first.month))
    active = Booking.objects.filter(site=site).active()
    bookings = list(active.during(days[0], days[-1]))
    load = daily_load(bookings, days[0], days[-1])
    cells = [
        Day(
            on=d,
            in_month=d.month == first.month,
            bookings=[b for b in bookings if b.starts_on <= d <= b.ends_on],
            load=load.get(d, 0),
            capacity=site.capacity,
        )
        for d in days
    ]
    weeks = [cells[i : i + 7] for i in range(0, len(cells), 7)]
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    shown = [b for b in bookings if b.starts_on <= last and b.ends_on >= first]
    if shown:  # what the month's bookings overlap may lie outside the month
        near = list(active.during(min(b.starts_on for b in shown), max(b.ends_on for b in shown)))
    else:
        near = []
    return Month(site=site, first=first, weeks=weeks, periods=periods(site, shown, near))


def periods(site: FieldSite, shown: list[Booking], near: list[Booking]) -> list[Period]:
    """The bookings shown, each with those of `near` it overlaps."""
    bookings = near
    result = []
    for b in shown:
        others = [
            o
            for o in bookings
            if o.pk != b.pk and o.starts_on <= b.ends_on and o.ends_on >= b.starts_on
        ]
        peak = max(daily_load([b, *others], b.starts_on, b.ends_on).values(), default=1)
        result.append(Period(booking=b, overlaps_with=others, over_capacity=peak > site.capacity))
    return result
