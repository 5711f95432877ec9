"""What agencies owe a body and what they report back.

An assignment is one agency's share of a tracked case (lead or supporting), taken from
the case's latest decision; its deadline comes from that decision until a secretary
edits it. Overdue is computed from the deadline and the case's state, never stored.
A progress report (辦理情形) is filed by an officer of the agency and accepted or
returned by the body's secretariat; only accepted reports reach the tracking table.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livinglab.orgs.roles import roles_of
from livinglab.tracking.models import Case, DecisionAgency, taipei_today


class AssignmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        roles = roles_of(user)
        if roles.is_admin:
            return self
        return self.filter(
            Q(case__body_id__in=roles.secretariat_body_ids)
            | Q(organisation_id__in=roles.officer_org_ids)
        )

    def current(self):
        """Of agencies still responsible for their case (not withdrawn)."""
        return self.filter(withdrawn_at__isnull=True)

    def open(self):
        """Of cases still tracked, for agencies still responsible for them."""
        return self.current().filter(case__state=Case.State.TRACKED)

    def for_agency(self, agencies):
        ids = [getattr(a, "pk", a) for a in agencies]
        return self.filter(organisation_id__in=ids)

    def overdue(self, today=None):
        """Open and past the deadline in Taipei: what every page calls overdue."""
        today = today or taipei_today()
        return self.open().filter(deadline__lt=today)

    def due_within(self, days: int, today=None):
        today = today or taipei_today()
        return self.open().filter(
            deadline__gte=today, deadline__lte=today + timezone.timedelta(days=days)
        )

    def plate_order(self):
        """Overdue and soonest first; those without a deadline last."""
        return self.order_by(models.F("deadline").asc(nulls_last=True), "case__title", "pk")


class Assignment(models.Model):
    """One agency's share of a tracked case."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="assignments"
    )
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=DecisionAgency.Role.choices,
        default=DecisionAgency.Role.LEAD,
    )
    decision = models.ForeignKey(
        "tracking.Decision",
        verbose_name=_("from decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    deadline_edited = models.BooleanField(
        _("deadline set by hand"),
        default=False,
        help_text=_("Set when a secretary changed the deadline; new decisions keep it."),
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
    )
    withdrawn_at = models.DateTimeField(
        _("withdrawn at"),
        null=True,
        blank=True,
        help_text=_(
            "Set when the agency is no longer responsible for the case; the assignment and "
            "its reports stay on the record."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["deadline", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "organisation"], name="unique_assignment_per_case_agency"
            )
        ]
        indexes = [models.Index(fields=["organisation", "deadline"])]

    def __str__(self):
        return f"{self.case} · {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.withdrawn_at is None and self.case.state == Case.State.TRACKED

    def is_overdue(self, today=None) -> bool:
        today = today or taipei_today()
        return self.is_open and self.deadline is not None and self.deadline < today


class Proposal(models.TextChoices):
    KEEP = "keep", _("keep tracking")
    DELIST = "delist", _("delist")
    REGULAR = "regular", _("turn into regular exchange")


class ProgressReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The secretariat sees its bodies' reports; an officer, their agency's and the
        accepted reports of other agencies on cases they share."""
        roles = roles_of(user)
        if roles.is_admin:
            return self
        if not (roles.officer_org_ids or roles.secretariat_body_ids):
            return self.none()  # a visitor or a reviewer: spare building a query of nothing
        own = Q(assignment__organisation_id__in=roles.officer_org_ids)
        shared = Q(
            status=ProgressReport.Status.ACCEPTED,
            assignment__case__in=Assignment.objects.filter(
                organisation_id__in=roles.officer_org_ids
            ).values("case"),
        )
        return self.filter(
            Q(assignment__case__body_id__in=roles.secretariat_body_ids) | own | shared
        )

    def accepted(self):
        return self.filter(status=ProgressReport.Status.ACCEPTED)

    def submitted(self):
        return self.filter(status=ProgressReport.Status.SUBMITTED)


class ProgressReport(models.Model):
    """辦理情形: what an agency did, how far along it is and what it proposes."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("waiting for review")
        ACCEPTED = "accepted", _("accepted")
        RETURNED = "returned", _("returned")
        WITHDRAWN = "withdrawn", _("withdrawn")

    assignment = models.ForeignKey(
        Assignment, verbose_name=_("assignment"), on_delete=models.CASCADE, related_name="reports"
    )
    text = models.TextField(_("progress"), max_length=4000)
    percent_complete = models.PositiveSmallIntegerField(_("percent complete"), default=0)
    expected_completion = models.DateField(_("expected completion"), null=True, blank=True)
    proposal = models.CharField(
        _("proposal"), max_length=20, choices=Proposal.choices, default=Proposal.KEEP
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("filed at"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_comment = models.TextField(_("review comment"), blank=True, max_length=2000)
    from_spreadsheet = models.BooleanField(
        _("from a spreadsheet"),
        default=False,
        help_text=_("Entered by the secretariat on behalf of the agency from a bulk update."),
    )

    objects = ProgressReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["assignment", "status", "-submitted_at"])]

    def __str__(self):
        return f"{self.assignment} · {self.submitted_at:%Y-%m-%d}"


class ReportRevision(models.Model):
    """A change an agency made to its report before the review: an edit (what the report
    said before and after) or the withdrawal; appended, never edited."""

    class Kind(models.TextChoices):
        EDITED = "edited", _("edited")
        WITHDRAWN = "withdrawn", _("withdrawn")

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="revisions")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    before = models.JSONField(_("before"), default=dict, blank=True)
    after = models.JSONField(_("after"), default=dict, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("report revision")
        verbose_name_plural = _("report revisions")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.report_id} · {self.kind} · {self.at:%Y-%m-%d %H:%M}"

    def changes(self) -> list[tuple[str, str, str]]:
        """(label, before, after) of each field an edit changed, as a page shows them."""
        labels = {
            "text": _("progress"),
            "percent_complete": _("percent complete"),
            "expected_completion": _("expected completion"),
            "proposal": _("proposal"),
        }
        rows = []
        for name, label in labels.items():
            old, new = self.before.get(name), self.after.get(name)
            if old != new:
                rows.append((str(label), self._shown(name, old), self._shown(name, new)))
        return rows

    @staticmethod
    def _shown(name: str, value) -> str:
        if value in (None, ""):
            return "—"
        if name == "percent_complete":
            return f"{value}%"
        if name == "proposal":
            try:
                return str(Proposal(value).label)
            except ValueError:
                return str(value)
        return str(value)


class Attachment(models.Model):
    """A file filed with a progress report, checked by its content when uploaded."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="work/%Y/%m/")
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.filename


class NotificationPreference(models.Model):
    """How a person wants to hear about agency work; absent means the defaults."""

    DEFAULT_DAYS_AHEAD = 7

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="work_preference"
    )
    email_digest = models.BooleanField(
        _("e-mail digest of deadlines"),
        default=True,
        help_text=_("A daily e-mail when assignments of your agency fall due or are overdue."),
    )
    days_ahead = models.PositiveSmallIntegerField(
        _("days ahead"),
        default=DEFAULT_DAYS_AHEAD,
        help_text=_("Remind me of deadlines this many days before they fall due."),
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return str(self.user)


class NotificationQuerySet(models.QuerySet):
    def visible_to(self, user):
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(user=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """A message on the site (the bell). The text is rendered from `kind` when shown, so
    that it appears in the reader's language."""

    class Kind(models.TextChoices):
        REPORT_ACCEPTED = "report_accepted", _("progress report accepted")
        REPORT_RETURNED = "report_returned", _("progress report returned")
        REPORT_TO_REVIEW = "report_to_review", _("progress report to review")
        BULK_TO_REVIEW = "bulk_to_review", _("progress reports from a spreadsheet to review")
        REMINDER = "reminder", _("deadline reminder")
        # The living-lab pipeline: the subject is the proposal's, call's or trial's title.
        PROPOSAL_STATUS = "proposal_status", _("proposal status changed")
        REVIEW_ASSIGNED = "review_assigned", _("review assigned")
        REVIEW_DUE = "review_due", _("review due soon")
        PROPOSAL_TO_DECIDE = "proposal_to_decide", _("proposal waiting for a decision")
        REVIEW_CONFLICT = "review_conflict", _("conflict of interest declared by a reviewer")
        TRIAL_STATUS = "trial_status", _("trial status changed")
        ASSIGNMENT_NEW = "assignment_new", _("new assignment for the agency")
        # The regulatory sandbox: the subject is the trial's title or the permit's number.
        SANDBOX_CONSENT = "sandbox_consent", _("sandbox application waiting for consent")
        SANDBOX_STATUS = "sandbox_status", _("sandbox application or permit changed")
        SANDBOX_INCIDENT = "sandbox_incident", _("serious incident under a sandbox permit")
        SANDBOX_REMINDER = "sandbox_reminder", _("sandbox permit reminder")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    subject = models.CharField(_("about"), max_length=300)
    count = models.PositiveIntegerField(default=1)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return f"{self.user} · {self.kind} · {self.subject}"


class ReminderLog(models.Model):
    """One reminder sent: an assignment, to a person, of a kind, for a date bucket.

    The bucket of a "due soon" reminder is the deadline itself (a changed deadline is
    reminded again); that of an "overdue" reminder is the Monday of the week, so overdue
    work is reminded once a week however often the command runs.
    """

    class Kind(models.TextChoices):
        DUE = "due", _("due soon")
        OVERDUE = "overdue", _("overdue")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    bucket = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "recipient", "kind", "bucket"], name="unique_reminder"
            )
        ]

    def __str__(self):
        return f"{self.assignment_id} → {self.recipient_id} {self.kind} {self.bucket}"


class BulkUpdateQuerySet(models.QuerySet):
    def visible_to(self, user):
        roles = roles_of(user)
        if roles.is_admin:
            return self
        return self.filter(body_id__in=roles.secretariat_body_ids)


class BulkUpdate(models.Model):
    """A spreadsheet of progress uploaded by the secretariat: checked rows waiting to be
    applied (all or nothing), then the record of who applied it and when."""

    body = models.ForeignKey("meetings.Body", on_delete=models.CASCADE, related_name="+")
    uploader = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=255)
    rows = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)
    applied_at = models.DateTimeField(null=True, blank=True)

    objects = BulkUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("bulk update")
        verbose_name_plural = _("bulk updates")

    def __str__(self):
        return f"{self.body} · {self.filename}"
