"""The regulatory sandbox (監理沙盒): applications, agencies' consents, permits, incidents.

A trial that needs rules relaxed files an `Application` naming the agencies whose
consent is required; each agency gives a `Consent` (with its `Condition`s) or refuses.
When every consent is in, the governing body's secretariat grants the `Permit`, which
carries a number unique and sequential per year. A permit can be suspended, reinstated
and revoked; each change is a `PermitChange` row written in the same transaction as the
new status, so the history and the status never disagree. The team files `Incident`s
while the trial runs.

The application is also a tracked case of the governing body (`case`): filing, consents,
the permit and its changes are events on that case (see `services`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livinglab.orgs.roles import roles_of


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Those it concerns: the body's secretariat, the trial's team, the trial's
        agency and every agency whose consent is asked."""
        roles = roles_of(user)
        if roles.is_admin:
            return self
        visible = Q(body_id__in=roles.secretariat_body_ids)
        visible |= Q(trial__proposal__organisation_id__in=roles.proposer_org_ids)
        if roles.officer_org_ids:
            asked = Consent.objects.filter(
                application=OuterRef("pk"), organisation_id__in=roles.officer_org_ids
            )
            visible |= Q(trial__agency_id__in=roles.officer_org_ids) | Q(Exists(asked))
        return self.filter(visible)


class Application(models.Model):
    """A trial's request to have rules relaxed at a site for a period."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for consents")
        GRANTED = "granted", _("permit granted")
        REFUSED = "refused", _("refused")
        WITHDRAWN = "withdrawn", _("withdrawn")

    trial = models.ForeignKey(
        "trials.Trial",
        verbose_name=_("trial"),
        on_delete=models.PROTECT,
        related_name="sandbox_applications",
    )
    body = models.ForeignKey(
        "meetings.Body",
        verbose_name=_("governing body"),
        on_delete=models.PROTECT,
        related_name="sandbox_applications",
        editable=False,
    )
    case = models.OneToOneField(
        "tracking.Case",
        verbose_name=_("tracked case"),
        on_delete=models.PROTECT,
        related_name="sandbox_application",
        editable=False,
    )
    site = models.ForeignKey(
        "sites.FieldSite",
        verbose_name=_("field site"),
        on_delete=models.PROTECT,
        related_name="sandbox_applications",
    )
    rules = models.TextField(
        _("rules to relax"), help_text=_("Each rule and what the trial needs relaxed.")
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), help_text=_("The last day, included."))
    safety_plan = models.TextField(_("safety plan"))
    insurance = models.TextField(
        _("insurance"), help_text=_("Insurer, policy number, what it covers and up to how much.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, editable=False
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    filed_at = models.DateTimeField(_("filed at"), default=timezone.now, editable=False)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("sandbox application")
        verbose_name_plural = _("sandbox applications")
        ordering = ["-filed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="sandbox_application_period"
            ),
        ]

    def __str__(self):
        return str(self.trial)

    def get_absolute_url(self):
        return reverse("sandbox:application", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


class ConsentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(application__in=Application.objects.visible_to(user))

    def waiting_for(self, org_ids):
        """Consents the agencies still owe on applications that still wait."""
        return self.filter(
            organisation_id__in=org_ids,
            status=Consent.Status.PENDING,
            application__status=Application.Status.PENDING,
        )


class Consent(models.Model):
    """One agency's answer to an application: pending, given (with conditions) or refused."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        GIVEN = "given", _("consented")
        REFUSED = "refused", _("refused")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="consents")
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="sandbox_consents",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["application", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "organisation"], name="sandbox_consent_once"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} · {self.get_status_display()}"

    def get_absolute_url(self):
        return reverse("sandbox:consent", args=[self.pk])


class ConditionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(consent__application__in=Application.objects.visible_to(user))


class Condition(models.Model):
    """A condition an agency attaches to its consent; it binds the permit. One with a
    date is reminded until the team marks it met."""

    consent = models.ForeignKey(Consent, on_delete=models.CASCADE, related_name="conditions")
    text = models.CharField(_("condition"), max_length=500)
    due_on = models.DateField(_("to be met by"), null=True, blank=True)
    met_on = models.DateField(_("met on"), null=True, blank=True)
    met_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ConditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("condition")
        verbose_name_plural = _("conditions")
        ordering = ["consent", "pk"]

    def __str__(self):
        return self.text

    def is_late(self, today) -> bool:
        return self.met_on is None and self.due_on is not None and self.due_on < today


class AttachmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(application__in=Application.objects.visible_to(user))


class Attachment(models.Model):
    """A file given with an application, checked by its content when uploaded."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to="sandbox/%Y/%m/")
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("detected type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.filename


class PermitQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(application__in=Application.objects.visible_to(user))

    def public(self):
        """Permits anyone may know of: in force, of a public body, for a public trial."""
        from livinglab.trials.models import Trial

        return self.filter(
            status=Permit.Status.ACTIVE,
            valid_until__gte=timezone.localdate(),
            application__body__is_public=True,
            application__trial__status__in=Trial.PUBLIC_STATUSES,
        )

    def in_force(self, today=None):
        return self.filter(
            status=Permit.Status.ACTIVE, valid_until__gte=today or timezone.localdate()
        )


class Permit(models.Model):
    """The sandbox permit granted on an application once every consent is in."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("in force")
        SUSPENDED = "suspended", _("suspended")
        REVOKED = "revoked", _("revoked")

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="permit")
    number = models.CharField(_("permit number"), max_length=20, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(editable=False)
    sequence = models.PositiveIntegerField(editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE, editable=False
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now, editable=False)

    objects = PermitQuerySet.as_manager()

    class Meta:
        verbose_name = _("sandbox permit")
        verbose_name_plural = _("sandbox permits")
        ordering = ["-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="sandbox_permit_sequence"),
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")), name="sandbox_permit_period"
            ),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("sandbox:permit", args=[self.pk])

    def has_expired(self, today=None) -> bool:
        return self.valid_until < (today or timezone.localdate())

    def is_in_force(self, today=None) -> bool:
        return self.status == self.Status.ACTIVE and not self.has_expired(today)

    def conditions(self):
        return Condition.objects.filter(consent__application_id=self.application_id).select_related(
            "consent__organisation"
        )


class PermitChange(models.Model):
    """One step in a permit's life, by whom and why: granted, suspended, reinstated, revoked."""

    class Kind(models.TextChoices):
        GRANTED = "granted", _("permit granted")
        SUSPENDED = "suspended", _("suspended")
        REINSTATED = "reinstated", _("reinstated")
        REVOKED = "revoked", _("revoked")

    permit = models.ForeignKey(Permit, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(_("change"), max_length=10, choices=Kind.choices)
    reason = models.TextField(_("reason"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("permit change")
        verbose_name_plural = _("permit changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.permit} · {self.get_kind_display()}"


class Incident(models.Model):
    """What went wrong during the trial, as the team reports it."""

    class Severity(models.TextChoices):
        MINOR = "minor", _("minor")
        MODERATE = "moderate", _("moderate")
        SERIOUS = "serious", _("serious")

    permit = models.ForeignKey(Permit, on_delete=models.CASCADE, related_name="incidents")
    occurred_at = models.DateTimeField(_("happened at"))
    description = models.TextField(_("what happened"))
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    measures = models.TextField(_("measures taken"))
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now)

    class Meta:
        verbose_name = _("incident report")
        verbose_name_plural = _("incident reports")
        ordering = ["-occurred_at", "-pk"]

    def __str__(self):
        return f"{self.permit} · {self.get_severity_display()}"

    @property
    def is_serious(self) -> bool:
        return self.severity == self.Severity.SERIOUS


class ReminderLog(models.Model):
    """One reminder sent about a permit's expiry or one of its conditions, to a person,
    for a date bucket (the date reminded of), so that each is sent once."""

    class Kind(models.TextChoices):
        EXPIRY = "expiry", _("permit expires")
        CONDITION = "condition", _("condition due")
        CONDITION_LATE = "late", _("condition overdue")

    permit = models.ForeignKey(Permit, on_delete=models.CASCADE, related_name="+")
    condition = models.ForeignKey(
        Condition, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    bucket = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["permit", "recipient", "kind", "bucket"],
                condition=Q(condition__isnull=True),
                name="sandbox_reminder_once",
            ),
            models.UniqueConstraint(
                fields=["condition", "recipient", "kind", "bucket"],
                condition=Q(condition__isnull=False),
                name="sandbox_condition_reminder_once",
            ),
        ]

    def __str__(self):
        return f"{self.permit} · {self.kind} · {self.bucket}"
