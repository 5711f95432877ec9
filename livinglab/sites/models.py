"""Field sites (場域) of the living lab, what they offer, and the periods they are booked.

A booking holds a site for a period; a site takes at most `capacity` bookings on any
one day. Only `sites.services.book` creates bookings, and it checks that limit inside
the transaction that saves the booking.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from livinglab.orgs.models import Organisation
from livinglab.orgs.roles import roles_of


class Capability(models.Model):
    """What a site offers a trial: 5G coverage, a closed road, a bus lane, a hospital ward…"""

    key = models.SlugField(_("key"), max_length=40, unique=True)
    name = models.CharField(_("name (Chinese)"), max_length=60)
    name_en = models.CharField(_("name (English)"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("capability")
        verbose_name_plural = _("capabilities")
        ordering = ["order", "key"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the language of the request (Chinese unless English is asked for)."""
        language = get_language() or ""
        return self.name_en if language.startswith("en") and self.name_en else self.name


class FieldSiteQuerySet(models.QuerySet):
    def visible_to(self, user):
        roles = roles_of(user)
        if roles.is_secretariat:  # any body's secretariat, or an admin
            return self
        if roles.officer_org_ids:
            return self.filter(Q(is_public=True) | Q(agency_id__in=roles.officer_org_ids))
        return self.public()

    def public(self):
        return self.filter(is_public=True)

    def managed_by(self, user):
        """Sites the user may edit and book: all for a secretariat, the agency's for officers."""
        roles = roles_of(user)
        if roles.is_secretariat:
            return self
        return self.filter(agency_id__in=roles.officer_org_ids)

    def located(self):
        return self.exclude(latitude=None).exclude(longitude=None)

    def with_capability(self, key: str):
        return self.filter(capabilities__key=key)


LATITUDE = (Decimal("-90"), Decimal("90"))
LONGITUDE = (Decimal("-180"), Decimal("180"))


class FieldSite(models.Model):
    """A place the city opens for trials: a road, a hospital, a housing estate, a campus."""

    name = models.CharField(_("name"), max_length=200)
    agency = models.ForeignKey(
        Organisation,
        verbose_name=_("managing agency"),
        on_delete=models.PROTECT,
        related_name="field_sites",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(LATITUDE[0]), MaxValueValidator(LATITUDE[1])],
        help_text=_("Decimal degrees, WGS 84 (Taipei is about 25.03)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(LONGITUDE[0]), MaxValueValidator(LONGITUDE[1])],
        help_text=_("Decimal degrees, WGS 84 (Taipei is about 121.56)."),
    )
    capabilities = models.ManyToManyField(
        Capability, verbose_name=_("capabilities"), blank=True, related_name="sites"
    )
    needs = models.ManyToManyField(
        "needs.Need",
        verbose_name=_("needs it serves"),
        blank=True,
        related_name="field_sites",
        help_text=_("Needs that can offer this site for their trials."),
    )
    description = models.TextField(_("description"), blank=True)
    sandbox_rules = models.TextField(
        _("sandbox rules"),
        blank=True,
        help_text=_("What a trial may and may not do here: hours, speed limits, safety staff."),
    )
    permits_needed = models.TextField(
        _("permits needed"),
        blank=True,
        help_text=_("For example a permit for autonomous-vehicle testing, or an ethics review."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("How many trials the site can hold at the same time."),
    )
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Shown to everyone, on the list and the map.")
    )
    contact_name = models.CharField(_("contact person"), max_length=100, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FieldSiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("field site")
        verbose_name_plural = _("field sites")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="site_capacity_positive"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="site_both_coordinates_or_neither",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True)
                | Q(latitude__gte=LATITUDE[0], latitude__lte=LATITUDE[1]),
                name="site_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True)
                | Q(longitude__gte=LONGITUDE[0], longitude__lte=LONGITUDE[1]),
                name="site_longitude_in_range",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("sites:detail", args=[self.pk])

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class BookingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Bookings of the sites a user manages (the secretariat, the managing agency)."""
        return self.filter(site__in=FieldSite.objects.managed_by(user).values("pk"))

    def active(self):
        return self.filter(cancelled_at__isnull=True)

    def during(self, starts_on: date, ends_on: date):
        """Bookings that share at least one day with the period (both ends included)."""
        return self.filter(starts_on__lte=ends_on, ends_on__gte=starts_on)


class Booking(models.Model):
    """A period (whole days, both ends included) a site is held for a trial or another use.

    `reference` names what holds it without this app knowing that app: a trial stores
    `trial:12`, an event its own label. Bookings are cancelled, never deleted.
    """

    site = models.ForeignKey(
        FieldSite, verbose_name=_("field site"), on_delete=models.PROTECT, related_name="bookings"
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), help_text=_("The last day, included."))
    label = models.CharField(_("label"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    reference = models.CharField(
        _("reference"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("What holds the site, as the app that booked it names it (trial:12)."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_on", "ends_on", "pk"]
        indexes = [
            models.Index(fields=["site", "starts_on", "ends_on"], name="booking_site_period")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="booking_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.label} ({self.starts_on}–{self.ends_on})"

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    def each_day(self):
        day = self.starts_on
        while day <= self.ends_on:
            yield day
            day += timedelta(days=1)
