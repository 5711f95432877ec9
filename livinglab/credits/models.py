"""The compute-credit programme (算力點數): its budget, applications, accounts and ledger.

Every movement of credits is one `LedgerEntry` from one account to another, so that the
ledger is double-entry: credits leave one account exactly as they arrive in another.
A programme has three kinds of account: its budget (the credits not granted yet), one
per team (the proposing organisation) and its usage (credits consumed at providers).
Money from outside (the budget itself) enters with no source account.

Entries are never edited or deleted: a correction is a new entry. Each account keeps
its balance and the credits consumed out of it, updated in the transaction that books
the entry, with the account row locked (see `ledger.book`), so that a statement and a
dashboard read them instead of adding up the ledger; a check constraint keeps the
balance from going below zero.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from livinglab.orgs.roles import roles_of


class ProgrammeQuerySet(models.QuerySet):
    def run_by(self, user):
        """Programmes whose body's secretariat the user is in (all of them for admins)."""
        roles = roles_of(user)
        if roles.is_admin:
            return self
        return self.filter(body_id__in=roles.secretariat_body_ids)


class Programme(models.Model):
    """A compute-credit programme run by a body's secretariat."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    body = models.ForeignKey(
        "meetings.Body",
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        related_name="credit_programmes",
        help_text=_("Its secretariat runs the programme."),
    )
    budget = models.PositiveBigIntegerField(_("budget (credits)"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    team_cap = models.PositiveBigIntegerField(_("most credits per team"))
    minimum_grant = models.PositiveBigIntegerField(_("smallest grant"), default=0)
    credits_expire_on = models.DateField(_("unused credits expire on"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("compute-credit programme")
        verbose_name_plural = _("compute-credit programmes")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="credits_programme_period",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        """Terms that agree with one another (their messages name the field at fault)."""
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("A programme ends on or after the day it starts.")
        if self.starts_on and self.credits_expire_on and self.credits_expire_on < self.starts_on:
            errors["credits_expire_on"] = _("Credits cannot expire before the programme starts.")
        cap, minimum, budget = self.team_cap, self.minimum_grant, self.budget
        if cap is not None and minimum is not None and minimum > cap:
            errors["minimum_grant"] = _("The smallest grant cannot be more than the cap per team.")
        if cap is not None and budget is not None and cap > budget:
            errors["team_cap"] = _("The cap per team cannot be more than the budget.")
        if errors:
            raise ValidationError(errors)


class PriorityDomain(models.Model):
    """A domain the programme favours, with its weight in the ranking (1 = no favour)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="priority_domains"
    )
    domain = models.ForeignKey("needs.Domain", verbose_name=_("domain"), on_delete=models.PROTECT)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("priority domain")
        verbose_name_plural = _("priority domains")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "domain"], name="credits_priority_domain_once"
            ),
            models.CheckConstraint(
                condition=models.Q(weight__gt=0), name="credits_weight_positive"
            ),
        ]

    def __str__(self):
        return f"{self.domain} × {self.weight}"


class ProviderRate(models.Model):
    """A provider whose usage statements the programme accepts, and what one GPU-hour of
    a class of GPU costs in credits there."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="rates")
    provider = models.SlugField(_("provider"), max_length=40)
    gpu_class = models.CharField(_("GPU class"), max_length=40)
    credits_per_hour = models.DecimalField(
        _("credits per GPU-hour"), max_digits=10, decimal_places=2
    )

    class Meta:
        verbose_name = _("provider rate")
        verbose_name_plural = _("provider rates")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "provider", "gpu_class"], name="credits_rate_once"
            ),
            models.CheckConstraint(
                condition=models.Q(credits_per_hour__gt=0), name="credits_rate_positive"
            ),
        ]

    def __str__(self):
        return f"{self.provider} {self.gpu_class}"


class ApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The secretariat sees its programmes' applications; proposers their own."""
        roles = roles_of(user)
        if roles.is_admin:
            return self
        return self.filter(
            models.Q(programme__body_id__in=roles.secretariat_body_ids)
            | models.Q(proposal__organisation_id__in=roles.proposer_org_ids)
        )


class Application(models.Model):
    """A proposal's request for credits in a programme."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        ACCEPTED = "accepted", _("accepted")
        WITHDRAWN = "withdrawn", _("withdrawn")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="applications")
    proposal = models.ForeignKey(
        "proposals.Proposal",
        verbose_name=_("proposal"),
        on_delete=models.PROTECT,
        related_name="credit_applications",
    )
    requested = models.PositiveBigIntegerField(_("credits requested"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("credit application")
        verbose_name_plural = _("credit applications")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "proposal"], name="credits_application_once"
            ),
        ]

    def __str__(self):
        return str(self.proposal)


class AccountQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The secretariat sees its programmes' accounts; a team's proposers only theirs."""
        roles = roles_of(user)
        if roles.is_admin:
            return self
        return self.filter(
            models.Q(programme__body_id__in=roles.secretariat_body_ids)
            | models.Q(kind="team", organisation_id__in=roles.proposer_org_ids)
        )


class Account(models.Model):
    class Kind(models.TextChoices):
        BUDGET = "budget", _("budget not granted")
        TEAM = "team", _("team")
        USAGE = "usage", _("consumed at providers")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="accounts")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_accounts",
    )
    balance = models.BigIntegerField(_("balance"), default=0)
    consumed = models.BigIntegerField(
        _("consumed"),
        default=0,
        help_text=_("Credits consumed at providers out of this account, kept with each entry."),
    )

    objects = AccountQuerySet.as_manager()

    class Meta:
        verbose_name = _("credit account")
        verbose_name_plural = _("credit accounts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(balance__gte=0), name="credits_balance_never_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(consumed__gte=0), name="credits_consumed_never_negative"
            ),
            models.UniqueConstraint(
                fields=["programme", "organisation"],
                condition=models.Q(kind="team"),
                name="credits_one_account_per_team",
            ),
            models.UniqueConstraint(
                fields=["programme", "kind"],
                condition=~models.Q(kind="team"),
                name="credits_one_budget_and_usage_account",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="team", organisation__isnull=False)
                | (~models.Q(kind="team") & models.Q(organisation__isnull=True)),
                name="credits_team_account_has_team",
            ),
        ]

    def __str__(self):
        if self.organisation_id:
            return str(self.organisation)
        return self.get_kind_display()


class LedgerEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("ledger entries are never changed: book a correcting entry")

    def delete(self):
        raise TypeError("ledger entries are never deleted: book a correcting entry")

    def touching(self, account):
        return self.filter(models.Q(source=account) | models.Q(target=account))


class LedgerEntry(models.Model):
    class Kind(models.TextChoices):
        BUDGET = "budget", _("budget")
        GRANT = "grant", _("grant")
        CONSUMPTION = "consumption", _("consumption")
        RETURN = "return", _("return")
        ADJUSTMENT = "adjustment", _("adjustment")

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    source = models.ForeignKey(
        Account, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    target = models.ForeignKey(
        Account, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    amount = models.PositiveBigIntegerField(_("credits"))
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    provider = models.SlugField(_("provider"), max_length=40, blank=True)
    statement_line = models.CharField(_("statement line"), max_length=100, blank=True)
    gpu_hours = models.DecimalField(
        _("GPU-hours"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections"
    )
    booked_at = models.DateTimeField(_("booked at"), db_index=True)

    objects = LedgerEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["booked_at", "pk"]
        indexes = [
            # A statement walks an account's entries in (booked_at, id) order and adds up
            # the amounts newer than a page from the index alone.
            models.Index(
                fields=["source", "booked_at", "id", "amount"], name="credits_entry_source_walk"
            ),
            models.Index(
                fields=["target", "booked_at", "id", "amount"], name="credits_entry_target_walk"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="credits_amount_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(source__isnull=False) | models.Q(target__isnull=False),
                name="credits_entry_moves_something",
            ),
            models.CheckConstraint(
                condition=models.Q(booked_by__isnull=False) | ~models.Q(statement_line=""),
                name="credits_entry_attributable",
            ),
            models.UniqueConstraint(
                fields=["programme", "provider", "statement_line"],
                condition=~models.Q(statement_line=""),
                name="credits_statement_line_once",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("ledger entries are never changed: book a correcting entry")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("ledger entries are never deleted: book a correcting entry")


class DailyConsumption(models.Model):
    """The credits a programme's teams consumed on a day (in the site's time zone), kept
    in the transaction that books each consumption, so that the burn chart reads a row a
    day instead of adding up the ledger."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="consumption_days"
    )
    day = models.DateField(_("day"))
    credits = models.PositiveBigIntegerField(_("credits consumed"))

    class Meta:
        verbose_name = _("credits consumed on a day")
        verbose_name_plural = _("credits consumed by day")
        ordering = ["programme", "day"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "day"], name="credits_consumption_day_once"
            ),
        ]

    def __str__(self):
        return f"{self.day} {self.credits}"


class AllocationRun(models.Model):
    """An allocation of the budget committed by the secretariat: the plan it previewed,
    line by line, with the reasons, kept as it was committed."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="allocation_runs"
    )
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("run by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    funded = models.PositiveBigIntegerField(_("credits funded"))
    lines = models.JSONField(default=list)
    committed_at = models.DateTimeField(_("committed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("allocation run")
        verbose_name_plural = _("allocation runs")
        ordering = ["-committed_at", "-pk"]

    def __str__(self):
        return f"{self.programme} · {self.committed_at:%Y-%m-%d %H:%M}"


class StatementQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(programme__in=Programme.objects.run_by(user))


class Statement(models.Model):
    """A provider's usage statement uploaded by the secretariat: its checked lines,
    waiting to be applied (all or nothing), then when and by whom it was applied."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="statements")
    provider = models.SlugField(_("provider"), max_length=40)
    filename = models.CharField(_("file name"), max_length=255)
    lines = models.JSONField(default=list)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("usage statement")
        verbose_name_plural = _("usage statements")

    def __str__(self):
        return f"{self.provider} · {self.filename}"
