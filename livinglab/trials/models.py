"""Proof-of-concept trials (概念驗證) and their KPIs.

`KpiDefinition` says what is measured (name, unit, which direction is better); it is
shared by every trial that measures the same thing, and is the model the later KPI
catalogue grows from. A trial's KPI (`TrialKpi`) adds the baseline and the target;
`Measurement`s are its values over time, entered by the proposer by hand or from CSV.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from livinglab.orgs.roles import roles_of
from livinglab.search.text import normalise, saving_search_text


class Event(models.TextChoices):
    """Kinds of `ProposalEvent` the trials app records on the trial's proposal, named on
    its history (see `apps.TrialsConfig.ready`)."""

    STARTED = "trial_started", pgettext_lazy("proposal history", "trial started")
    STATUS = "trial_status", pgettext_lazy("proposal history", "trial's status changed")


class KpiDefinition(models.Model):
    """What a KPI measures, in which unit, and whether more or less is better."""

    class Direction(models.TextChoices):
        UP = "up", _("higher is better")
        DOWN = "down", _("lower is better")

    name = models.CharField(_("name"), max_length=120)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    direction = models.CharField(
        _("direction"), max_length=4, choices=Direction.choices, default=Direction.UP
    )
    description = models.TextField(_("description"), blank=True)
    # The shared catalogue's definition this KPI is measured by, when there is one.
    catalogue = models.ForeignKey(
        "kpis.Definition",
        verbose_name=_("catalogue definition"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="trial_definitions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("KPI definition")
        verbose_name_plural = _("KPI definitions")
        ordering = ["name", "unit", "pk"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "unit", name="unique_kpi_name_unit"),
        ]

    def __str__(self):
        return f"{self.name} ({self.unit})" if self.unit else self.name

    def is_better(self, value, than) -> bool:
        """Whether `value` is better than `than` in this KPI's direction."""
        return value > than if self.direction == self.Direction.UP else value < than


def search_text_of(*texts: str) -> str:
    return normalise(" ".join(texts))


class TrialQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Running and ended trials are public; a planned one is seen by those it concerns:
        the body's secretariat, the sponsoring agency and the proposing organisation."""
        roles = roles_of(user)
        if roles.is_admin:
            return self
        visible = Q(status__in=Trial.PUBLIC_STATUSES)
        if roles.secretariat_body_ids:
            visible |= Q(body_id__in=roles.secretariat_body_ids)
        if roles.officer_org_ids:
            visible |= Q(agency_id__in=roles.officer_org_ids)
        if roles.proposer_org_ids:
            visible |= Q(proposal__organisation_id__in=roles.proposer_org_ids)
        return self.filter(visible)

    def public(self):
        return self.filter(status__in=Trial.PUBLIC_STATUSES)

    def search(self, text: str):
        """Trials whose title, summary, outcome or lessons hold every word of `text`."""
        for word in normalise(text).split()[:8]:
            self = self.filter(search_text__contains=word)
        return self

    def ended(self):
        return self.filter(status__in=(Trial.Status.ADOPTED, Trial.Status.CLOSED))


class Trial(models.Model):
    """A proof-of-concept trial of an accepted proposal at a field site.

    It is also a tracked case of the sponsoring body (`case`), so that the body follows
    it in its registry, meetings and tracking tables. `status` changes only through
    `trials.services`, which records each change as an event on that case in the same
    transaction.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        RUNNING = "running", _("running")
        ADOPTED = "adopted", _("adopted")
        CLOSED = "closed", _("closed")

    class Outcome(models.TextChoices):
        PROCUREMENT = "procurement", _("procurement")
        SCALE_UP = "scale_up", _("scale-up")
        EXPORT = "export", _("export to other cities")

    PUBLIC_STATUSES = (Status.RUNNING, Status.ADOPTED, Status.CLOSED)
    # The changes allowed from each status.
    NEXT = {
        Status.PLANNED: (Status.RUNNING, Status.CLOSED),
        Status.RUNNING: (Status.ADOPTED, Status.CLOSED),
        Status.ADOPTED: (),
        Status.CLOSED: (),
    }

    proposal = models.OneToOneField(
        "proposals.Proposal",
        verbose_name=_("proposal"),
        on_delete=models.PROTECT,
        related_name="trial",
    )
    site = models.ForeignKey(
        "sites.FieldSite",
        verbose_name=_("field site"),
        on_delete=models.PROTECT,
        related_name="trials",
    )
    booking = models.OneToOneField(
        "sites.Booking",
        verbose_name=_("booking"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="trial",
        editable=False,
    )
    agency = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("sponsoring agency"),
        on_delete=models.PROTECT,
        related_name="sponsored_trials",
    )
    body = models.ForeignKey(
        "meetings.Body",
        verbose_name=_("sponsoring body"),
        on_delete=models.PROTECT,
        related_name="trials",
    )
    case = models.OneToOneField(
        "tracking.Case",
        verbose_name=_("tracked case"),
        on_delete=models.PROTECT,
        related_name="trial",
        editable=False,
    )
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), help_text=_("The last day, included."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED, editable=False
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, blank=True, editable=False
    )
    outcome_note = models.TextField(
        _("what was adopted"),
        blank=True,
        editable=False,
        help_text=_("Public: the procurement, the scale-up or the cities it goes to."),
    )
    lessons = models.TextField(
        _("lessons learned"),
        blank=True,
        editable=False,
        help_text=_("Public: what the trial taught, whatever its ending."),
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True, editable=False)
    # Normalised title, summary, outcome and lessons, for search in Chinese (kept by save()).
    search_text = models.TextField(editable=False, blank=True, default="")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TrialQuerySet.as_manager()

    class Meta:
        verbose_name = _("trial")
        verbose_name_plural = _("trials")
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["status", "-starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="trial_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(status="adopted") | Q(outcome=""), name="trial_outcome_only_adopted"
            ),
            models.CheckConstraint(
                condition=~Q(status="adopted") | ~Q(outcome=""), name="trial_adopted_has_outcome"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = search_text_of(self.title, self.summary, self.outcome_note, self.lessons)
        super().save(*args, **saving_search_text(kwargs))

    def get_absolute_url(self):
        return reverse("trials:detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    @property
    def has_ended(self) -> bool:
        return self.status in (self.Status.ADOPTED, self.Status.CLOSED)

    def can_become(self, status: str) -> bool:
        return status in self.NEXT[self.Status(self.status)]

    def days_left(self, today=None) -> int:
        today = today or timezone.localdate()
        return (self.ends_on - today).days


class Milestone(models.Model):
    """A step the trial promises by a date: a permit, an installation, a mid-term review."""

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.title

    def is_late(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.done_on is None and self.due_on < today


class TrialKpi(models.Model):
    """A KPI as one trial measures it: where it starts and where it should get to."""

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="kpis")
    definition = models.ForeignKey(
        KpiDefinition,
        verbose_name=_("KPI"),
        on_delete=models.PROTECT,
        related_name="trial_kpis",
    )
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("trial KPI")
        verbose_name_plural = _("trial KPIs")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["trial", "definition"], name="unique_kpi_per_trial")
        ]

    def __str__(self):
        return str(self.definition)

    def is_met(self, value) -> bool | None:
        """Whether `value` reaches the target (None without a target or a value)."""
        if self.target is None or value is None:
            return None
        return value == self.target or self.definition.is_better(value, self.target)


class MeasurementQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(trial_kpi__trial__in=Trial.objects.visible_to(user).values("pk"))


class Measurement(models.Model):
    """One value of a trial's KPI on a day, attributable to who entered it and how."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("entered by hand")
        CSV = "csv", _("uploaded CSV")
        API = "api", _("API")

    trial_kpi = models.ForeignKey(
        TrialKpi, verbose_name=_("KPI"), on_delete=models.CASCADE, related_name="measurements"
    )
    on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4)
    note = models.CharField(_("note"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("entered at"), default=timezone.now)

    objects = MeasurementQuerySet.as_manager()

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["trial_kpi", "on"]
        constraints = [
            models.UniqueConstraint(fields=["trial_kpi", "on"], name="one_measurement_a_day")
        ]

    def __str__(self):
        return f"{self.trial_kpi} {self.on}: {self.value}"
