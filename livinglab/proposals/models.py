"""Proposals (提案) from companies, startups, schools, associations and citizens.

A proposer writes for an organisation (their company, school or association, or a
personal one made at sign-up); everyone who proposes for that organisation sees its
proposals. A proposal answers a need of a call, or none when the call welcomes
unsolicited proposals. Its history (`ProposalEvent`) records every change of status,
who made it and the reason the proposer reads.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from livinglab.orgs.roles import roles_of
from livinglab.search.text import normalise, saving_search_text

TRL_MIN, TRL_MAX = 1, 9


class ProposerOrganisation(models.Model):
    """What kind of proposer an organisation is, and who made it on the platform."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("company")
        STARTUP = "startup", _("startup")
        SCHOOL = "school", _("school or academia")
        ASSOCIATION = "association", _("association")
        PERSON = "person", _("person")

    organisation = models.OneToOneField(
        "orgs.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="proposer_profile",
    )
    kind = models.CharField(_("kind of proposer"), max_length=20, choices=Kind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("proposing organisation")
        verbose_name_plural = _("proposing organisations")

    def __str__(self):
        return str(self.organisation)


class JoinRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        roles = roles_of(user)
        if roles.is_admin:
            return self
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(Q(user=user) | Q(organisation_id__in=roles.proposer_org_ids))

    def pending(self):
        return self.filter(status=JoinRequest.Status.PENDING)


class JoinRequest(models.Model):
    """A person asks to propose for an existing organisation; one of its proposers (or
    an administrator, when it has none) approves or refuses."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    message = models.CharField(_("message"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)

    objects = JoinRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(status="pending"),
                name="one_pending_join_request",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.organisation}"


def _has_review_assignments() -> bool:
    """Whether the reviews app is installed (it adds `review_assignments` to Proposal)."""
    return any(f.name == "review_assignments" for f in Proposal._meta.get_fields())


class ProposalQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A proposer sees their organisations' proposals, drafts included; the call's
        body's secretariat sees those ever submitted; a reviewer those assigned to them
        without a conflict (the `reviews` app's assignments); the public none."""
        roles = roles_of(user)
        if roles.is_admin:
            return self
        if user is None or not user.is_authenticated:
            return self.none()
        visible = Q(pk__in=[])
        if roles.proposer_org_ids:
            visible |= Q(organisation_id__in=roles.proposer_org_ids)
        if roles.secretariat_body_ids:
            visible |= Q(call__body_id__in=roles.secretariat_body_ids, submitted_at__isnull=False)
        if _has_review_assignments():
            assigned = Proposal.objects.filter(
                submitted_at__isnull=False,
                review_assignments__reviewer=user,
                review_assignments__conflict=False,
            )
            visible |= Q(pk__in=assigned.values("pk"))
        return self.filter(visible)

    def submitted(self):
        """Those waiting for the secretariat or the reviewers."""
        return self.filter(status__in=[Proposal.Status.SUBMITTED, Proposal.Status.UNDER_REVIEW])

    def drafts(self):
        return self.filter(status=Proposal.Status.DRAFT)

    def search(self, text: str):
        for word in normalise(text).split()[:8]:
            self = self.filter(search_text__contains=word)
        return self

    def rows_in_order(self, *ordering, start: int = 0, stop: int = 50) -> list:
        """A slice of listing rows: the ids sorted on the proposals table alone first, then
        only those rows read with their call, need and organisation (sorting tens of
        thousands of joined rows costs ten times as much)."""
        ids = list(self.order_by(*ordering).values_list("pk", flat=True)[start:stop])
        found = {p.pk: p for p in Proposal.objects.filter(pk__in=ids).for_listing()}
        return [found[pk] for pk in ids]

    def for_listing(self):
        """What a list row shows, and no more: the long texts are left in the database,
        so that sorting thousands of rows moves little data."""
        return self.select_related("call", "need", "organisation").only(
            "title",
            "status",
            "submitted_at",
            "updated_at",
            "call__title",
            "call__closes_at",
            "need__title",
            "organisation__name",
        )


class Proposal(models.Model):
    """提案: what a proposer offers to do, for a need of a call or unsolicited."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("proposal", "draft")
        SUBMITTED = "submitted", pgettext_lazy("proposal", "submitted")
        WITHDRAWN = "withdrawn", pgettext_lazy("proposal", "withdrawn")
        UNDER_REVIEW = "under_review", pgettext_lazy("proposal", "under review")
        REVISE = "revise", pgettext_lazy("proposal", "asked to revise")
        ACCEPTED = "accepted", pgettext_lazy("proposal", "accepted")
        REJECTED = "rejected", pgettext_lazy("proposal", "rejected")

    call = models.ForeignKey(
        "needs.Call", verbose_name=_("call"), on_delete=models.PROTECT, related_name="proposals"
    )
    need = models.ForeignKey(
        "needs.Need",
        verbose_name=_("need"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
        help_text=_("Empty for an unsolicited proposal."),
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("proposing organisation"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    title = models.CharField(pgettext_lazy("proposal", "title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, max_length=2000)
    solution = models.TextField(_("solution"), blank=True, max_length=8000)
    team = models.TextField(_("team"), blank=True, max_length=4000)
    trl = models.PositiveSmallIntegerField(
        _("technology readiness level"),
        null=True,
        blank=True,
        validators=[MinValueValidator(TRL_MIN), MaxValueValidator(TRL_MAX)],
        help_text=_("1 (basic principles observed) to 9 (proven in operation)."),
    )
    site_wanted = models.TextField(_("field site wanted"), blank=True, max_length=2000)
    period_months = models.PositiveSmallIntegerField(
        _("period (months)"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    budget = models.PositiveBigIntegerField(_("budget (NTD)"), null=True, blank=True)
    funding = models.CharField(
        _("who pays"),
        max_length=300,
        blank=True,
        help_text=_("For example: our own funds, a central-government grant, the agency."),
    )
    credits_requested = models.PositiveIntegerField(_("compute credits requested"), default=0)
    expected_kpis = models.TextField(_("expected KPIs"), blank=True, max_length=4000)
    domain = models.ForeignKey(
        "needs.Domain",
        verbose_name=_("domain"),
        on_delete=models.PROTECT,
        related_name="proposals",
        limit_choices_to={"is_priority_tag": False},
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("proposal", "proposal")
        verbose_name_plural = pgettext_lazy("proposal", "proposals")
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "-updated_at"], name="proposal_org_recent"),
            models.Index(fields=["call", "status"], name="proposal_call_status"),
            # The secretariat's lists sort a call's proposals by these columns alone
            # (newest changed first; oldest waiting first): read from the index.
            models.Index(
                fields=["call", "updated_at", "submitted_at"], name="proposal_call_recent"
            ),
            models.Index(fields=["call", "status", "submitted_at"], name="proposal_call_waiting"),
            # The trials' funnel counts a body's proposals per call, domain and status
            # from this index alone.
            models.Index(fields=["call", "domain", "status"], name="proposal_call_domain"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(trl__isnull=True) | Q(trl__gte=TRL_MIN, trl__lte=TRL_MAX),
                name="proposal_trl_in_range",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = normalise(" ".join([self.title, self.summary, self.solution]))
        super().save(*args, **saving_search_text(kwargs))

    def get_absolute_url(self):
        return reverse("proposals:detail", args=[self.pk])

    @property
    def is_unsolicited(self) -> bool:
        return self.need_id is None

    def is_editable(self, now=None) -> bool:
        """Drafts and submitted proposals until the call closes; one asked to revise
        until it is submitted again."""
        if self.status == Proposal.Status.REVISE:
            return True
        editable = self.status in (Proposal.Status.DRAFT, Proposal.Status.SUBMITTED)
        return editable and self.call.is_open(now)


class ProposalEvent(models.Model):
    """One step of a proposal's history: who, when, what and the reason given.

    Other apps (reviews, trials) add events of their own kinds; `kind` is free text
    with these known values, and events the proposer must not read (who reviews it)
    are saved with `shown_to_proposer=False`.
    """

    class Kind(models.TextChoices):
        CREATED = "created", pgettext_lazy("proposal", "draft started")
        EDITED = "edited", pgettext_lazy("proposal", "edited")
        SUBMITTED = "submitted", pgettext_lazy("proposal", "submitted")
        WITHDRAWN = "withdrawn", pgettext_lazy("proposal", "withdrawn")
        UNDER_REVIEW = "under_review", pgettext_lazy("proposal", "review started")
        REVISE = "revise", pgettext_lazy("proposal", "asked to revise")
        ACCEPTED = "accepted", pgettext_lazy("proposal", "accepted")
        REJECTED = "rejected", pgettext_lazy("proposal", "rejected")
        ATTACHMENT_ADDED = "attachment_added", _("attachment added")
        ATTACHMENT_REMOVED = "attachment_removed", _("attachment removed")
        NOTE = "note", _("note")

    proposal = models.ForeignKey(
        Proposal,
        verbose_name=pgettext_lazy("proposal", "proposal"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    status = models.CharField(_("status after"), max_length=20, blank=True)
    reason = models.TextField(_("reason"), blank=True, max_length=4000)
    payload = models.JSONField(_("details"), default=dict, blank=True)
    shown_to_proposer = models.BooleanField(_("shown to the proposer"), default=True)

    class Meta:
        verbose_name = _("proposal event")
        verbose_name_plural = _("proposal events")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["proposal", "at"], name="proposal_event_order")]

    def __str__(self):
        return f"{self.proposal} · {self.kind}"

    @property
    def label(self) -> str:
        try:
            return ProposalEvent.Kind(self.kind).label
        except ValueError:
            return str(_OTHER_KINDS.get(self.kind, self.kind))


# Labels of the kinds other apps record on a proposal's history (see `name_event_kinds`).
_OTHER_KINDS: dict[str, object] = {}


def name_event_kinds(choices) -> None:
    """Have the history show another app's event kinds in words: `choices` is a
    `TextChoices` class (value and label); called from that app's `AppConfig.ready()`."""
    _OTHER_KINDS.update(dict(choices.choices))


class Attachment(models.Model):
    """A file given with a proposal, checked by its content when uploaded."""

    proposal = models.ForeignKey(
        Proposal,
        verbose_name=pgettext_lazy("proposal", "proposal"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to="proposals/%Y/%m/")
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("detected type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.filename
