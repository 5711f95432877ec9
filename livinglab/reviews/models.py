"""Screening and review of proposals: who reviews what, their conflicts, gates and scores.

The secretariat of a call's body assigns reviewers to submitted proposals. A reviewer
first declares whether they have a conflict of interest; a conflicted assignment stays
on record (who declared it, when, why) but its reviewer never sees the proposal again,
and the secretariat moves the review to someone else (`replaced_by`). A reviewer
answers the call's gates and scores its factors, then submits once; after that the
review is read-only. `ReviewSummary` keeps a proposal's aggregate (weighted mean,
spread, disagreement, gates), recomputed from the scores in the transaction that
changes them, so that a call's ranked list reads one row per proposal.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from livinglab.orgs.roles import roles_of


class Event(models.TextChoices):
    """Kinds of `ProposalEvent` the reviews app records (never shown to the proposer),
    named on the proposal's history (see `apps.ReviewsConfig.ready`)."""

    ASSIGNED = "review_assigned", pgettext_lazy("proposal history", "reviewer assigned")
    NO_CONFLICT = (
        "review_no_conflict",
        pgettext_lazy("proposal history", "reviewer declared no conflict of interest"),
    )
    CONFLICT = (
        "review_conflict",
        pgettext_lazy("proposal history", "reviewer declared a conflict of interest"),
    )
    MOVED = "review_moved", pgettext_lazy("proposal history", "review moved to another reviewer")
    SUBMITTED = "review_submitted", pgettext_lazy("proposal history", "review submitted")


class Expertise(models.Model):
    """A topic (a domain or a priority tag) a reviewer knows: used to suggest reviewers."""

    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="review_expertise",
    )
    domain = models.ForeignKey(
        "needs.Domain", verbose_name=_("topic"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("expertise")
        verbose_name_plural = _("expertise")
        constraints = [
            models.UniqueConstraint(fields=["reviewer", "domain"], name="unique_expertise")
        ]

    def __str__(self):
        return f"{self.reviewer} · {self.domain}"


class AssignmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The call's body's secretariat sees every assignment; a reviewer their own,
        except those where they declared a conflict."""
        roles = roles_of(user)
        if roles.is_admin:
            return self
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(proposal__call__body_id__in=roles.secretariat_body_ids)
            | Q(reviewer=user, conflict=False)
        )

    def active(self):
        """Those that count: not conflicted."""
        return self.filter(conflict=False)

    def submitted(self):
        return self.filter(conflict=False, submitted_at__isnull=False)

    def pending(self):
        """Still to be done by their reviewer."""
        return self.filter(conflict=False, submitted_at__isnull=True)

    def of_reviewer(self, user):
        return self.filter(reviewer=user)

    def to_move(self):
        """Conflicted and not yet moved to another reviewer.

        Written as "not moved" rather than "moved to nobody": SQLite takes an IS NULL on
        the unique `replaced_by` for a single row and would walk every review not moved;
        this way it reads the few conflicts from their own index.
        """
        return self.filter(conflict=True).exclude(replaced_by__isnull=False)


class Assignment(models.Model):
    """One reviewer asked to review one proposal."""

    class State(models.TextChoices):
        TO_DECLARE = "to_declare", _("conflict of interest to declare")
        IN_PROGRESS = "in_progress", _("in progress")
        SUBMITTED = "submitted", _("submitted")
        CONFLICT = "conflict", _("conflict of interest declared")

    proposal = models.ForeignKey(
        "proposals.Proposal",
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="review_assignments",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="reviews_assigned",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), default=timezone.now)
    declared_at = models.DateTimeField(
        _("conflict of interest declared at"),
        null=True,
        blank=True,
        help_text=_("When the reviewer declared a conflict, or that they have none."),
    )
    conflict = models.BooleanField(_("conflict of interest"), default=False)
    conflict_reason = models.TextField(_("reason for the conflict"), blank=True, max_length=2000)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    replaced_by = models.OneToOneField(
        "self",
        verbose_name=_("moved to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "reviewer"], name="one_assignment_per_reviewer"
            ),
            models.CheckConstraint(
                condition=Q(conflict=False) | Q(submitted_at__isnull=True),
                name="conflicted_review_never_submitted",
            ),
        ]
        indexes = [
            models.Index(fields=["reviewer", "submitted_at"], name="review_assignment_queue"),
            # The few conflicted reviews (to move), found without reading the others.
            models.Index(
                fields=["proposal"], condition=Q(conflict=True), name="review_assignment_conflicts"
            ),
        ]

    def __str__(self):
        return f"{self.reviewer} → {self.proposal}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("reviews:assignment", args=[self.pk])

    @property
    def state(self) -> str:
        if self.conflict:
            return Assignment.State.CONFLICT
        if self.submitted_at is not None:
            return Assignment.State.SUBMITTED
        if self.declared_at is None:
            return Assignment.State.TO_DECLARE
        return Assignment.State.IN_PROGRESS

    def get_state_display(self) -> str:
        return Assignment.State(self.state).label

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class ReviewPartQuerySet(models.QuerySet):
    """A review's parts (gate answers, scores) are read by whoever may read the review."""

    def visible_to(self, user):
        return self.filter(assignment__in=visible_reviews(user))


class GateAnswer(models.Model):
    """A reviewer's yes or no to one of the call's gates, with the reason."""

    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("review assignment"),
        on_delete=models.CASCADE,
        related_name="gate_answers",
    )
    # PROTECT: a reviewer's answer is never lost to an edit of the rubric.
    gate = models.ForeignKey(
        "needs.Gate", verbose_name=_("gate"), on_delete=models.PROTECT, related_name="+"
    )
    answer = models.BooleanField(_("answer"))
    reason = models.TextField(_("reason"), blank=True, max_length=2000)

    objects = ReviewPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("gate answer")
        verbose_name_plural = _("gate answers")
        ordering = ["gate__order", "gate_id"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "gate"], name="one_answer_per_gate")
        ]

    def __str__(self):
        return f"{self.gate}: {self.answer}"


class Score(models.Model):
    """A reviewer's score of one factor, within the factor's scale, with a comment."""

    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("review assignment"),
        on_delete=models.CASCADE,
        related_name="scores",
    )
    # PROTECT: a submitted score is never lost to an edit of the rubric.
    factor = models.ForeignKey(
        "needs.Factor", verbose_name=_("factor"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.SmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True, max_length=4000)

    objects = ReviewPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["factor__order", "factor_id"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "factor"], name="one_score_per_factor")
        ]

    def __str__(self):
        return f"{self.factor}: {self.value}"


def visible_reviews(user):
    """Assignments whose answers and scores `user` may read.

    The secretariat of the call's body reads all; a reviewer reads their own, and the
    submitted reviews of others on a proposal only once they submitted theirs; a
    proposer (and anyone else) reads none.
    """
    roles = roles_of(user)
    if roles.is_admin:
        return Assignment.objects.all()
    if user is None or not user.is_authenticated:
        return Assignment.objects.none()
    done = Assignment.objects.filter(
        reviewer=user, conflict=False, submitted_at__isnull=False
    ).values("proposal_id")
    return Assignment.objects.filter(
        Q(proposal__call__body_id__in=roles.secretariat_body_ids)
        | Q(reviewer=user, conflict=False)
        | Q(proposal_id__in=done, conflict=False, submitted_at__isnull=False)
    )


class ReviewSummaryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Aggregates are the secretariat's: reviewers and proposers never see them."""
        roles = roles_of(user)
        if roles.is_admin:
            return self
        return self.filter(proposal__call__body_id__in=roles.secretariat_body_ids)


class ReviewSummary(models.Model):
    """A proposal's reviews added up (see `aggregation`); kept by `services.summarise`.

    `score` and `spread` are on 0..1 (shown as 0–100); `score` is empty until a review
    is submitted. Derived from the scores and answers, rewritten in the transaction that
    changes them, never edited by hand.
    """

    proposal = models.OneToOneField(
        "proposals.Proposal",
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="review_summary",
    )
    call = models.ForeignKey(
        "needs.Call", verbose_name=_("call"), on_delete=models.CASCADE, related_name="+"
    )
    assigned = models.PositiveSmallIntegerField(_("reviewers assigned"), default=0)
    submitted = models.PositiveSmallIntegerField(_("reviews submitted"), default=0)
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=6, null=True, blank=True)
    spread = models.DecimalField(_("spread"), max_digits=7, decimal_places=6, null=True, blank=True)
    disagreement = models.BooleanField(_("reviewers disagree"), default=False)
    passes_gates = models.BooleanField(_("passes the gates"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ReviewSummaryQuerySet.as_manager()

    class Meta:
        verbose_name = _("review summary")
        verbose_name_plural = _("review summaries")
        indexes = [
            # The ranked list walks a call's rows in rank order from this index alone,
            # equal scores by proposal (see `ranking`).
            models.Index(
                fields=["call", "-passes_gates", "-score", "proposal"], name="review_summary_order"
            )
        ]

    def __str__(self):
        return f"{self.proposal}: {self.score}"

    @property
    def score_percent(self):
        return None if self.score is None else float(self.score) * 100

    @property
    def spread_percent(self):
        return None if self.spread is None else float(self.spread) * 100

    @property
    def is_complete(self) -> bool:
        return self.assigned > 0 and self.submitted == self.assigned
