"""The shared KPI catalogue: definitions, scopes, values, targets and emission factors.

A `Definition` is one indicator measured one way (`netzero.building.co2e@1`); once
values use it, it is never edited: a change is a new version with a note. A `Scope` is
where a value belongs (nation, city, district, building, field site, trial, bus route);
scopes form a hierarchy of any depth in which a scope may have several parents (a bus
route run by two cities), and carry a sector as a second dimension. `ScopeAncestor` is
the closure of that hierarchy: every (ancestor, descendant) pair once, however many
paths join them, which is how a value under two parents is counted once in their
common ancestor. A `Value` is a definition's figure for a scope and a period, stored in
the definition's unit, with who or what supplied it; `YearTotal` keeps each scope's own
values of a year pre-aggregated (refreshed on every write) so that a city's year is
rolled up from one row per reporting scope, not from every monthly value.
"""

import datetime as dt
import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from livinglab.kpis import units


class Frequency(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    QUARTER = "quarter", _("quarter")
    YEAR = "year", _("year")


def period_start_ok(frequency: str, start: dt.date) -> bool:
    """Whether `start` begins a period of `frequency` (a month starts on its 1st…)."""
    if frequency == Frequency.DAY:
        return True
    if start.day != 1:
        return False
    if frequency == Frequency.MONTH:
        return True
    if frequency == Frequency.QUARTER:
        return start.month in (1, 4, 7, 10)
    return start.month == 1


def period_label(frequency: str, start: dt.date) -> str:
    if frequency == Frequency.YEAR:
        return str(start.year)
    if frequency == Frequency.QUARTER:
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if frequency == Frequency.MONTH:
        return f"{start.year}-{start.month:02d}"
    return start.isoformat()


class DefinitionInUse(ValueError):
    """A definition that values use was changed: it needs a new version instead."""

    def __init__(self, definition, fields) -> None:
        self.fields = fields
        super().__init__(
            _(
                "%(kpi)s already has values: it cannot change (%(fields)s). "
                "Make a new version with a note on what changed."
            )
            % {"kpi": definition.identifier, "fields": ", ".join(fields)}
        )


class Definition(models.Model):
    """One indicator, measured one way, in one unit; `slug@version` is its identity."""

    class Category(models.TextChoices):
        ENERGY = "energy", _("energy")
        BUILDINGS = "buildings", _("buildings")
        TRANSPORT = "transport", _("transport")
        WASTE = "waste", _("waste")
        WATER = "water", _("water")
        EMISSIONS = "emissions", _("emissions")
        TRIALS = "trials", _("trial indicators")
        CONTEXT = "context", _("context (denominators)")

    class Direction(models.TextChoices):
        UP = "up", _("higher is better")
        DOWN = "down", _("lower is better")

    class Aggregation(models.TextChoices):
        SUM = "sum", _("sum")
        WEIGHTED_MEAN = "weighted_mean", _("mean weighted by a denominator")
        LAST = "last", _("last value")
        MAX = "max", _("maximum")

    # What a value means: none of these changes once values use the definition.
    MEASURED = (
        "slug",
        "version",
        "unit",
        "direction",
        "frequency",
        "aggregation",
        "denominator",
        "allows_negative",
        "method",
    )

    slug = models.SlugField(_("identifier"), max_length=100, allow_unicode=False)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    direction = models.CharField(
        _("direction"), max_length=4, choices=Direction.choices, default=Direction.DOWN
    )
    frequency = models.CharField(
        _("reported every"), max_length=10, choices=Frequency.choices, default=Frequency.MONTH
    )
    aggregation = models.CharField(
        _("aggregation"), max_length=20, choices=Aggregation.choices, default=Aggregation.SUM
    )
    denominator = models.SlugField(
        _("denominator"),
        max_length=100,
        blank=True,
        help_text=_("For a weighted mean: the identifier of the definition that weighs it."),
    )
    allows_negative = models.BooleanField(_("negative values allowed"), default=False)
    method = models.TextField(_("method of measurement"))
    source = models.TextField(_("data source"), blank=True)
    references = models.CharField(_("standards followed"), max_length=300, blank=True)
    off_track_after = models.PositiveSmallIntegerField(
        _("off track after"),
        default=2,
        help_text=_(
            "Periods in a row on the wrong side of the target path before a case is proposed."
        ),
    )
    change_note = models.TextField(_("what changed from the previous version"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("KPI definition")
        verbose_name_plural = _("KPI definitions")
        ordering = ["category", "slug", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="kpis_unique_slug_version"),
            models.CheckConstraint(
                condition=~Q(aggregation="weighted_mean") | ~Q(denominator=""),
                name="kpis_weighted_mean_has_denominator",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.identifier})"

    def save(self, *args, **kwargs):
        if self.pk and self.values.exists():
            stored = Definition.objects.get(pk=self.pk)
            changed = [f for f in self.MEASURED if getattr(stored, f) != getattr(self, f)]
            if changed:
                raise DefinitionInUse(self, changed)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("kpis:definition", args=[self.identifier])

    @property
    def identifier(self) -> str:
        return f"{self.slug}@{self.version}"

    @property
    def name(self) -> str:
        return self.name_zh if (get_language() or "").startswith("zh") else self.name_en

    @property
    def unit_label(self) -> str:
        """The unit as people write it (m³, not m**3)."""
        return self.unit.replace("**2", "²").replace("**3", "³").replace(" ** 2", "²")

    def clean(self):
        try:
            units.parse(self.unit)
        except units.UnitError as exc:
            raise ValidationError({"unit": str(exc)}) from None

    def is_better(self, value: float, than: float) -> bool:
        return value > than if self.direction == self.Direction.UP else value < than

    def meets(self, value: float, target: float) -> bool:
        return math.isclose(value, target, rel_tol=1e-9) or self.is_better(value, target)


class ValueUploadQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(uploaded_by=user)


class ScopeQuerySet(models.QuerySet):
    def owned_by(self, user):
        """Scopes the user may supply values for: those of their agency or organisation
        and everything under them (all of them for staff)."""
        from livinglab.orgs.roles import roles_of

        roles = roles_of(user)
        if roles.is_admin:
            return self
        orgs = roles.officer_org_ids | roles.proposer_org_ids
        if not orgs:
            return self.none()
        under = ScopeAncestor.objects.filter(ancestor__owner_id__in=orgs).values("descendant_id")
        return self.filter(pk__in=under)

    def visible_to(self, user):
        """Indicators are published, except a scope followed by a body the user may not
        see, and everything under it: a non-public body never shows anywhere public."""
        from livinglab.meetings.models import Body

        hidden_bodies = Body.objects.exclude(pk__in=Body.objects.visible_to(user).values("pk"))
        # Scopes followed by a hidden body are few: found first, a city of public bodies
        # is read without a pass over its buildings' closure rows.
        hidden_ids = list(hidden_bodies.values_list("pk", flat=True))
        if not hidden_ids:
            return self
        hidden = list(
            Scope.objects.filter(body_id__in=hidden_ids).order_by().values_list("pk", flat=True)
        )
        if not hidden:
            return self
        under_hidden = ScopeAncestor.objects.filter(ancestor_id__in=hidden)
        return self.exclude(pk__in=under_hidden.values("descendant_id"))


class Scope(models.Model):
    """Where values belong: a place, a building, a route, a field site or a trial."""

    class Kind(models.TextChoices):
        NATION = "nation", _("nation")
        REGION = "region", _("region")
        CITY = "city", _("city")
        DISTRICT = "district", _("district")
        BUILDING = "building", _("building")
        SITE = "site", _("field site")
        TRIAL = "trial", _("trial")
        ROUTE = "route", _("route")
        SECTOR = "sector", _("sector")
        OTHER = "other", _("other")

    class Sector(models.TextChoices):
        NONE = "", _("all sectors")
        RESIDENTIAL = "residential", _("residential")
        COMMERCIAL = "commercial", _("commercial")
        INDUSTRY = "industry", _("industry")
        TRANSPORT = "transport", _("transport")
        PUBLIC = "public", _("public sector")
        WASTE = "waste", _("waste")
        WATER = "water", _("water")

    # Scopes made here are "local"; another city's keep that city's namespace and codes.
    namespace = models.CharField(_("namespace"), max_length=60, default="local")
    code = models.CharField(_("code"), max_length=120)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    sector = models.CharField(
        _("sector"), max_length=20, choices=Sector.choices, blank=True, default=""
    )
    parents = models.ManyToManyField(
        "self",
        symmetrical=False,
        related_name="children",
        through="ScopeParent",
        blank=True,
    )
    owner = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="kpi_scopes",
        help_text=_("The agency or organisation that supplies its values."),
    )
    body = models.ForeignKey(
        "meetings.Body",
        verbose_name=_("responsible body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kpi_scopes",
        help_text=_("The body that follows it when a KPI goes off track (else its parent's)."),
    )
    site = models.ForeignKey(
        "sites.FieldSite",
        verbose_name=_("field site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kpi_scopes",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopeQuerySet.as_manager()

    class Meta:
        verbose_name = _("scope")
        verbose_name_plural = _("scopes")
        ordering = ["namespace", "code"]
        constraints = [
            models.UniqueConstraint(fields=["namespace", "code"], name="kpis_unique_scope_code")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("kpis:scope", args=[self.pk])

    @property
    def name(self) -> str:
        if (get_language() or "").startswith("zh") or not self.name_en:
            return self.name_zh
        return self.name_en

    @property
    def identifier(self) -> str:
        return f"{self.namespace}:{self.code}"


class ScopeParent(models.Model):
    child = models.ForeignKey(Scope, on_delete=models.CASCADE, related_name="parent_links")
    parent = models.ForeignKey(Scope, on_delete=models.CASCADE, related_name="child_links")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["child", "parent"], name="kpis_unique_scope_parent"),
            models.CheckConstraint(
                condition=~Q(child=models.F("parent")), name="kpis_scope_not_own_parent"
            ),
        ]

    def __str__(self):
        return f"{self.child_id} < {self.parent_id}"


class ScopeAncestor(models.Model):
    """Closure of the hierarchy: one row per (ancestor, descendant), itself included."""

    ancestor = models.ForeignKey(Scope, on_delete=models.CASCADE, related_name="+")
    descendant = models.ForeignKey(Scope, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["ancestor", "descendant"], name="kpis_unique_scope_ancestor"
            )
        ]
        indexes = [models.Index(fields=["descendant", "ancestor"])]

    def __str__(self):
        return f"{self.descendant_id} ≤ {self.ancestor_id}"


class Value(models.Model):
    """A definition's figure for a scope and a period, in the definition's unit."""

    definition = models.ForeignKey(
        Definition, verbose_name=_("KPI"), on_delete=models.PROTECT, related_name="values"
    )
    scope = models.ForeignKey(
        Scope, verbose_name=_("scope"), on_delete=models.PROTECT, related_name="values"
    )
    period_start = models.DateField(_("period"))
    value = models.FloatField(_("value"))
    # As supplied, before conversion to the definition's unit.
    given_value = models.FloatField(_("value as supplied"))
    given_unit = models.CharField(_("unit as supplied"), max_length=40, blank=True)
    # Who or what supplied it: a person, a meter, another city's instance.
    supplier = models.CharField(_("supplied by"), max_length=200, blank=True)
    # Where the figure comes from, for de-duplicating exchanged values ("local" here).
    source = models.CharField(_("source"), max_length=120, default="local")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    class Meta:
        verbose_name = _("KPI value")
        verbose_name_plural = _("KPI values")
        ordering = ["definition", "scope", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["definition", "scope", "period_start", "source"],
                name="kpis_unique_value_key",
            )
        ]
        indexes = [models.Index(fields=["definition", "period_start", "scope"])]

    def __str__(self):
        return f"{self.definition.identifier} {self.scope_id} {self.period_start}: {self.value}"

    @property
    def period(self) -> str:
        return period_label(self.definition.frequency, self.period_start)


class YearTotal(models.Model):
    """A scope's own values of one year for one definition, aggregated once on write."""

    definition = models.ForeignKey(Definition, on_delete=models.CASCADE, related_name="+")
    scope = models.ForeignKey(Scope, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    total = models.FloatField(default=0)
    count = models.PositiveIntegerField(default=0)
    maximum = models.FloatField(null=True)
    last_start = models.DateField(null=True)
    last_value = models.FloatField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["definition", "year", "scope"], name="kpis_unique_year_total"
            )
        ]

    def __str__(self):
        return f"{self.definition_id} {self.scope_id} {self.year}: {self.total}"


class YearRollup(models.Model):
    """A scope's rolled-up figure of a year (its own and its distinct descendants' values).

    Dropped on every write for every ancestor of the written scope (and for the
    ancestors of a scope that gains a parent) and computed again on the next read;
    pages read it instead of walking the hierarchy.
    """

    definition = models.ForeignKey(Definition, on_delete=models.CASCADE, related_name="+")
    scope = models.ForeignKey(Scope, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    value = models.FloatField(null=True)
    sources = models.PositiveIntegerField(default=0)
    children_reporting = models.PositiveIntegerField(default=0)
    children = models.PositiveIntegerField(default=0)
    unweighted = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["definition", "scope", "year"], name="kpis_unique_year_rollup"
            )
        ]

    def __str__(self):
        return f"{self.definition_id} {self.scope_id} {self.year}: {self.value}"


class Target(models.Model):
    """Where a scope should be on a KPI by the end of a year (a 2030 or a 2050 path)."""

    definition = models.ForeignKey(
        Definition, verbose_name=_("KPI"), on_delete=models.CASCADE, related_name="targets"
    )
    scope = models.ForeignKey(
        Scope, verbose_name=_("scope"), on_delete=models.CASCADE, related_name="targets"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.FloatField(_("target"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["definition", "scope", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["definition", "scope", "year"], name="kpis_unique_target"
            )
        ]

    def __str__(self):
        return f"{self.definition.identifier} {self.scope} {self.year}: {self.value}"


class EmissionFactor(models.Model):
    """How much CO2e one unit of an activity emits in a year (grid electricity…), with its source."""

    activity = models.SlugField(_("activity"), max_length=60)
    region = models.CharField(_("region"), max_length=60, default="TW")
    year = models.PositiveSmallIntegerField(_("year"))
    factor = models.FloatField(_("factor"))
    unit = models.CharField(_("unit"), max_length=40, help_text=_("For example kg CO2e / kWh."))
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        verbose_name = _("emission factor")
        verbose_name_plural = _("emission factors")
        ordering = ["activity", "region", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "region", "year"], name="kpis_unique_emission_factor"
            )
        ]

    def __str__(self):
        return f"{self.activity} {self.region} {self.year}: {self.factor} {self.unit}"


class ValueUpload(models.Model):
    """A CSV file of values that passed every check, waiting for its uploader to apply it."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=200)
    rows = models.JSONField(_("rows"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)

    objects = ValueUploadQuerySet.as_manager()

    class Meta:
        verbose_name = _("upload of KPI values")
        verbose_name_plural = _("uploads of KPI values")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.filename


class ExchangeImportQuerySet(models.QuerySet):
    def visible_to(self, user):
        from livinglab.orgs.roles import roles_of

        return self if roles_of(user).is_secretariat else self.none()


class ExchangeImport(models.Model):
    """Another city's published definitions, scopes and values, reviewed before applying."""

    instance = models.CharField(_("published by"), max_length=60)
    filename = models.CharField(_("file name"), max_length=200)
    sha256 = models.CharField(max_length=64, unique=True)
    payload = models.JSONField(_("content"))
    summary = models.JSONField(_("what it changes"), default=dict)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)

    objects = ExchangeImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("KPI import")
        verbose_name_plural = _("KPI imports")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return f"{self.instance}: {self.filename}"

    def get_absolute_url(self):
        return reverse("kpis:import", args=[self.pk])


class ConflictQuerySet(models.QuerySet):
    def held(self):
        return self.filter(status=Conflict.Status.HELD)


class Conflict(models.Model):
    """An imported value that differs from the stored one for the same key, held for review."""

    class Status(models.TextChoices):
        HELD = "held", _("held for review")
        KEPT = "kept", _("stored value kept")
        REPLACED = "replaced", _("replaced by the imported value")

    exchange = models.ForeignKey(ExchangeImport, on_delete=models.CASCADE, related_name="conflicts")
    value = models.ForeignKey(Value, on_delete=models.CASCADE, related_name="conflicts")
    incoming = models.FloatField(_("imported value"))
    incoming_supplier = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.HELD)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = ConflictQuerySet.as_manager()

    class Meta:
        verbose_name = _("conflicting value")
        verbose_name_plural = _("conflicting values")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["value", "incoming"], name="kpis_unique_conflict_per_value"
            )
        ]

    def __str__(self):
        return f"{self.value}: {self.incoming}?"


class OffTrackAlert(models.Model):
    """A KPI of a scope that went off track, and the tracked case proposed for it.

    The proposal is a draft in the responsible body's imports (`draft`), confirmed by
    the secretariat like any other; the case it creates is found through the draft's
    meeting. `back_on_track_at` is set when the KPI meets its target path again.
    """

    definition = models.ForeignKey(Definition, on_delete=models.CASCADE, related_name="alerts")
    scope = models.ForeignKey(Scope, on_delete=models.CASCADE, related_name="alerts")
    body = models.ForeignKey("meetings.Body", on_delete=models.CASCADE, related_name="kpi_alerts")
    draft = models.OneToOneField(
        "meetings.MinutesDocument",
        null=True,
        on_delete=models.SET_NULL,
        related_name="kpi_alert",
    )
    figures = models.JSONField(_("figures"), default=dict)
    reason = models.CharField(max_length=20)
    opened_at = models.DateTimeField(auto_now_add=True)
    back_on_track_at = models.DateTimeField(_("back on track at"), null=True, blank=True)

    class Meta:
        verbose_name = _("off-track KPI")
        verbose_name_plural = _("off-track KPIs")
        ordering = ["-opened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["definition", "scope"],
                condition=Q(back_on_track_at__isnull=True),
                name="kpis_one_open_alert",
            )
        ]

    def __str__(self):
        return f"{self.definition.identifier} {self.scope}"

    def get_absolute_url(self):
        return reverse("kpis:kpi", args=[self.definition.identifier, self.scope_id])

    def case(self):
        from livinglab.tracking.models import Case

        if self.draft_id is None:
            return None
        return Case.objects.filter(links__decision__meeting__document_id=self.draft_id).first()
