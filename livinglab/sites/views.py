"""Pages of the field sites: the list and the map (public sites for everyone), a site,
its calendar of bookings, and the forms of the secretariat and the managing agency."""

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from livinglab.core.access import allows, get_for_user
from livinglab.needs.models import Need
from livinglab.sites import calendar, services
from livinglab.sites.forms import BookingForm, FieldSiteForm, SiteFilterForm
from livinglab.sites.listing import site_items, site_rows
from livinglab.sites.models import Booking, FieldSite

PAGE_SIZE = 50


def _sites(request):
    form = SiteFilterForm(request.GET or None)
    sites = form.apply(FieldSite.objects.visible_to(request.user))
    sites = sites.select_related("agency").prefetch_related("capabilities").distinct()
    return form, sites


def site_list(request):
    form, sites = _sites(request)
    page = Paginator(sites.order_by("name", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "may_create": services.may_create_site(request.user),
    }
    return render(request, "sites/list.html", context)


def site_map(request):
    form, sites = _sites(request)
    rows = site_rows(sites.order_by("name", "pk"))
    context = {
        "form": form,
        "sites": rows,
        "items": site_items(rows),
        "map": {
            "tiles": settings.MAP_TILES,
            "attribution": settings.MAP_ATTRIBUTION,
            "points": map_points(rows),
            "plain": _("No map tiles are configured: the sites are shown on a plain background."),
        },
    }
    return render(request, "sites/map.html", context)


def map_points(rows: list[dict]) -> list[dict]:
    """The located sites, numbered as in the list under the map."""
    return [
        {
            "id": row["pk"],
            "number": number,
            "name": row["name"],
            "lat": float(row["latitude"]),
            "lng": float(row["longitude"]),
            "url": row["url"],
            "agency": row["agency"],
            "capabilities": row["capability_labels"],
        }
        for number, row in enumerate(rows, start=1)
        if row["has_location"]
    ]


def site_detail(request, pk: int):
    site = get_for_user(FieldSite.objects.select_related("agency"), request.user, pk)
    context = {
        "site": site,
        "capabilities": list(site.capabilities.all()),
        "needs": offering_needs(site, request.user),
        "can_manage": allows(request.user, "change", site),
    }
    return render(request, "sites/detail.html", context)


def offering_needs(site, user) -> list:
    """The public needs that offer the site, newest first, each with its page if it has one."""
    needs = list(
        Need.objects.visible_to(user)
        .public()
        .filter(field_sites=site)
        .select_related("agency")
        .order_by("-published_at", "-pk")
    )
    stages = {
        Need.Status.PUBLISHED: _("open to proposals"),
        Need.Status.MATCHED: _("matched"),
        Need.Status.CLOSED: _("closed"),
    }
    for need in needs:
        need.stage = stages.get(need.status, "")
        try:
            need.url = need.get_absolute_url()
        except NoReverseMatch:  # the needs pages are not mounted (yet)
            need.url = ""
    return needs


@login_required
def site_create(request):
    if not services.may_create_site(request.user):
        raise PermissionDenied
    form = FieldSiteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        site = _saved(
            request,
            form,
            lambda: services.create_site(
                request.user,
                capabilities=form.cleaned_data["capabilities"],
                needs=form.cleaned_data["needs"],
                **form.site_fields(),
            ),
        )
        if site:
            messages.success(request, _("The field site was added."))
            return redirect(site)
    return render(request, "sites/form.html", {"form": form, "site": None})


@login_required
def site_edit(request, pk: int):
    site = get_for_user(FieldSite.objects.select_related("agency"), request.user, pk, "change")
    form = FieldSiteForm(request.POST or None, instance=site, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _saved(
            request,
            form,
            lambda: services.update_site(
                request.user,
                FieldSite.objects.get(pk=site.pk),
                capabilities=form.cleaned_data["capabilities"],
                **form.site_fields(),
            ),
        )
        if saved:
            messages.success(request, _("The field site was saved."))
            return redirect(saved)
    return render(request, "sites/form.html", {"form": form, "site": site})


def _saved(request, form, save):
    try:
        return save()
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


def site_calendar(request, pk: int):
    site = get_for_user(FieldSite.objects.select_related("agency"), request.user, pk)
    can_book = allows(request.user, "book", site)
    first = _month(request.GET.get("month"))
    form = BookingForm(request.POST or None) if can_book else None
    if request.method == "POST":
        if not can_book:
            raise PermissionDenied
        booking = _book(request, site, form)
        if booking:
            return redirect(f"{request.path}?month={booking.starts_on:%Y-%m}")
    context = {
        "site": site,
        "month": calendar.month(site, first),
        "can_book": can_book,
        "form": form,
        "weekdays": _weekdays(),
    }
    return render(request, "sites/calendar.html", context)


def _book(request, site, form) -> Booking | None:
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        booking = services.book(
            request.user,
            site,
            data["starts_on"],
            data["ends_on"],
            data["label"],
            purpose=data["purpose"],
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return None
    others = services.overlaps(site, booking.starts_on, booking.ends_on, exclude=booking)
    messages.success(request, _("The site is booked for “%(label)s”.") % {"label": booking.label})
    if others:
        messages.warning(
            request,
            _("It overlaps with %(bookings)s; the site can hold %(capacity)s at a time.")
            % {"bookings": "、".join(f"“{o.label}”" for o in others), "capacity": site.capacity},
        )
    return booking


@login_required
@require_POST
def booking_cancel(request, pk: int, booking_pk: int):
    site = get_for_user(FieldSite.objects, request.user, pk, "book")
    booking = get_for_user(Booking.objects.filter(site=site), request.user, booking_pk, "cancel")
    services.cancel_booking(request.user, booking)
    messages.success(
        request, _("The booking “%(label)s” was cancelled.") % {"label": booking.label}
    )
    url = reverse("sites:calendar", args=[site.pk])
    return redirect(f"{url}?month={booking.starts_on:%Y-%m}")


def _month(value: str | None) -> date:
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return timezone.localdate().replace(day=1)


def _weekdays() -> list[str]:
    return [_("Sun"), _("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat")]
