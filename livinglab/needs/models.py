"""What agencies need (需求) and the calls that publish them, with each call's rubric.

A need belongs to the agency that publishes it; a call belongs to a body, whose
secretariat runs it. A call's status (upcoming, open, closed) is derived from its dates
and never stored. The rubric (gates and factors) is the call's own copy, so that a call
scored last year keeps its factors when the city changes its defaults.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from livinglab.orgs.roles import roles_of
from livinglab.search.text import normalise, saving_search_text


def _words(text: str) -> list[str]:
    return normalise(text).split()[:8]


class DomainQuerySet(models.QuerySet):
    def domains(self):
        return self.filter(is_priority_tag=False)

    def tags(self):
        return self.filter(is_priority_tag=True)


class Domain(models.Model):
    """One entry of the city's taxonomy: a domain (5+N) or a priority tag."""

    key = models.SlugField(_("key"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100)
    is_priority_tag = models.BooleanField(
        _("priority tag"),
        default=False,
        help_text=_("A priority problem (traffic, ageing, carbon) rather than a domain."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = DomainQuerySet.as_manager()

    class Meta:
        verbose_name = _("domain")
        verbose_name_plural = _("domains")
        ordering = ["is_priority_tag", "order", "key"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the reader's language."""
        language = get_language() or ""
        return self.name_en if language.startswith("en") and self.name_en else self.name


class NeedQuerySet(models.QuerySet):
    def public(self):
        """What anyone may read: published needs and those matched or closed since."""
        return self.exclude(status=Need.Status.DRAFT)

    def published(self):
        return self.filter(status=Need.Status.PUBLISHED)

    def visible_to(self, user):
        roles = roles_of(user)
        if roles.is_secretariat:  # admins and the project office see every draft
            return self
        if roles.officer_org_ids:
            return self.filter(
                ~Q(status=Need.Status.DRAFT) | Q(agency_id__in=roles.officer_org_ids)
            )
        return self.public()

    def in_domain(self, key: str):
        return self.filter(domain__key=key) if key else self

    def tagged(self, key: str):
        return self.filter(tags__key=key) if key else self

    def search(self, text: str):
        """Needs whose title, problem or figures hold every word of `text` (Chinese too)."""
        for word in _words(text):
            self = self.filter(search_text__contains=word)
        return self


class Need(models.Model):
    """需求: a problem an agency wants solved, published for proposers to answer."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        MATCHED = "matched", _("matched")
        CLOSED = "closed", _("closed")

    title = models.CharField(pgettext_lazy("need", "title"), max_length=200)
    problem = models.TextField(_("problem"), max_length=8000)
    figures = models.TextField(
        _("the problem in numbers"),
        blank=True,
        max_length=4000,
        help_text=_("What is known in figures: how many, how often, how much it costs."),
    )
    domain = models.ForeignKey(
        Domain,
        verbose_name=_("domain"),
        on_delete=models.PROTECT,
        related_name="needs",
        limit_choices_to={"is_priority_tag": False},
    )
    tags = models.ManyToManyField(
        Domain,
        verbose_name=_("priority tags"),
        blank=True,
        related_name="tagged_needs",
        limit_choices_to={"is_priority_tag": True},
    )
    agency = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="needs",
    )
    contact_name = models.CharField(_("contact person"), max_length=100, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    site_wishes = models.TextField(
        _("field sites offered"),
        blank=True,
        max_length=2000,
        help_text=_("Places the agency can open for a trial."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # Normalised title, problem and figures, for search in Chinese (kept by save()).
    search_text = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = NeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "-published_at"], name="need_status_newest")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = normalise(" ".join([self.title, self.problem, self.figures]))
        super().save(*args, **saving_search_text(kwargs))

    def get_absolute_url(self):
        return reverse("needs:need", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status != Need.Status.DRAFT


class CallQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        roles = roles_of(user)
        if roles.is_admin:
            return self
        visible = Q(is_published=True)
        if roles.secretariat_body_ids:
            visible |= Q(body_id__in=roles.secretariat_body_ids)
        if user is not None and user.is_authenticated:
            on_committee = Call.reviewers.through.objects.filter(user_id=user.pk)
            visible |= Q(pk__in=on_committee.values("call_id"))
        return self.filter(visible)

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(is_published=True, opens_at__lte=now, closes_at__gt=now)

    def closed(self, now=None):
        return self.filter(closes_at__lte=now or timezone.now())

    def upcoming(self, now=None):
        return self.filter(opens_at__gt=now or timezone.now())


class Call(models.Model):
    """A call for proposals run by a body's secretariat: its needs, dates and rubric."""

    class Status(models.TextChoices):
        UPCOMING = "upcoming", pgettext_lazy("call", "upcoming")
        OPEN = "open", pgettext_lazy("call", "open")
        CLOSED = "closed", pgettext_lazy("call", "closed")

    title = models.CharField(pgettext_lazy("call", "title"), max_length=200)
    body = models.ForeignKey(
        "meetings.Body",
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        related_name="calls",
        help_text=_("Its secretariat runs the call."),
    )
    description = models.TextField(_("description"), blank=True, max_length=8000)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    review_due_at = models.DateTimeField(_("reviews due by"), null=True, blank=True)
    needs = models.ManyToManyField(Need, verbose_name=_("needs"), blank=True, related_name="calls")
    accepts_unsolicited = models.BooleanField(
        _("unsolicited proposals welcome"),
        default=True,
        help_text=_("Proposals that answer none of the call's needs may be submitted."),
    )
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewers"),
        blank=True,
        related_name="review_calls",
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the public pages.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-opens_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="call_closes_after_opening"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("needs:call", args=[self.pk])

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def status_at(self, now=None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return Call.Status.UPCOMING
        return Call.Status.OPEN if now < self.closes_at else Call.Status.CLOSED

    @property
    def status(self) -> str:
        return self.status_at()

    def get_status_display(self) -> str:
        return Call.Status(self.status).label


class Gate(models.Model):
    """A premise a proposal must meet: answered yes or no, with a reason."""

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="gates"
    )
    question = models.CharField(_("question"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("gate")
        verbose_name_plural = _("gates")
        ordering = ["call", "order", "pk"]

    def __str__(self):
        return self.question


class Factor(models.Model):
    """A scored factor of a call's rubric: a scale and a weight."""

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="factors"
    )
    name = models.CharField(_("name"), max_length=200)
    guidance = models.TextField(_("guidance for reviewers"), blank=True, max_length=2000)
    scale_min = models.SmallIntegerField(_("lowest score"), default=1)
    scale_max = models.SmallIntegerField(_("highest score"), default=5)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("1.00"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("factor")
        verbose_name_plural = _("factors")
        ordering = ["call", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_max__gt=models.F("scale_min")), name="factor_scale_not_empty"
            ),
            models.CheckConstraint(condition=Q(weight__gte=0), name="factor_weight_not_negative"),
        ]

    def __str__(self):
        return self.name

    def in_scale(self, value) -> bool:
        return self.scale_min <= value <= self.scale_max
