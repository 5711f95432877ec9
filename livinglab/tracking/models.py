"""Cases, the decisions taken about them and their history.

A case's `state`, `closure`, `pending` and `merged_into` are a cache of its events:
only `tracking.services.lifecycle.record` writes them, in the transaction that appends
the event, so the two can never disagree.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livinglab.meetings.models import Body
from livinglab.orgs.roles import roles_of

TAIPEI = ZoneInfo("Asia/Taipei")


def taipei_today() -> dt.date:
    """Deadlines fall due by the calendar of Taipei, whatever zone the server runs in."""
    return timezone.localdate(timezone=TAIPEI)


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user):
        roles = roles_of(user)
        if roles.is_admin:
            return self
        bodies = Body.objects.visible_to(user).values("pk")
        if not roles.officer_org_ids:
            return self.filter(body__in=bodies)
        # An officer also sees their agency's cases in bodies that are not public.
        return self.filter(
            Q(body__in=bodies) | Q(pk__in=self.for_agency(roles.officer_org_ids).values("pk"))
        )

    def for_body(self, body):
        return self.filter(body=body)

    def proposed(self):
        return self.filter(state=Case.State.PROPOSED)

    def tracked(self):
        return self.filter(state=Case.State.TRACKED)

    def closed(self):
        return self.filter(state=Case.State.CLOSED)

    def open(self):
        return self.exclude(state=Case.State.CLOSED)

    def pending(self):
        return self.exclude(pending="")

    def for_agency(self, agencies):
        """Cases one or several agencies (objects or ids) are responsible for."""
        if not isinstance(agencies, list | tuple | set | frozenset):
            agencies = [agencies]
        ids = [getattr(a, "pk", a) for a in agencies]
        return self.filter(
            pk__in=CaseAgency.objects.filter(organisation_id__in=ids).values("case_id")
        )

    def for_meeting(self, meeting):
        return self.filter(pk__in=CaseLink.objects.filter(decision__meeting=meeting).values("case"))

    def overdue(self, today=None):
        """Tracked cases with an agency's assignment past its deadline: the one definition
        of overdue (`work.Assignment`, reached by its relation), shared by every page."""
        today = today or taipei_today()
        # Asked per case (EXISTS), not as `pk IN (every late case)`: SQLite built that
        # whole list first, 240 ms at 100k cases for a registry page of 50.
        assignment = Case._meta.get_field("assignments").related_model
        late = assignment.objects.filter(
            case=OuterRef("pk"), deadline__lt=today, withdrawn_at__isnull=True
        )
        return self.tracked().filter(Exists(late))

    def search_names(self, text: str):
        """Plain substring search on titles and aliases; the registry adds full text."""
        return self.filter(Q(title__icontains=text) | Q(aliases__name__icontains=text)).distinct()


class Case(models.Model):
    """A matter a body follows meeting after meeting until it is closed."""

    class State(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        TRACKED = "tracked", _("tracked")
        CLOSED = "closed", _("closed")

    class Closure(models.TextChoices):
        DELISTED = "delisted", _("delisted")
        REGULAR = "regular", _("regular exchange")
        MERGED = "merged", _("merged")

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="cases"
    )
    title = models.CharField(_("title"), max_length=300)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PROPOSED, editable=False
    )
    closure = models.CharField(
        _("closure"), max_length=20, choices=Closure.choices, blank=True, editable=False
    )
    pending = models.CharField(
        _("pending"),
        max_length=300,
        blank=True,
        editable=False,
        help_text=_("Set while a decision waits for the parent body, e.g. a referred delisting."),
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="merged_cases",
    )
    created_in = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("first seen in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    deadline = models.DateField(
        _("current deadline"), null=True, blank=True, help_text=_("Of the latest decision.")
    )
    last_decided_on = models.DateField(_("last decided on"), null=True, blank=True)
    agencies = models.ManyToManyField(
        "orgs.Organisation",
        through="CaseAgency",
        verbose_name=_("responsible agencies"),
        related_name="cases",
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-last_decided_on", "-pk"]
        indexes = [
            models.Index(fields=["body", "state", "-last_decided_on"]),
            models.Index(fields=["state", "deadline"]),
            models.Index(fields=["-last_decided_on", "-id"]),
            # The registry sorted by its "case" and "state" headers (pk last, both ways).
            models.Index(fields=["title", "id"], name="case_title_order"),
            models.Index(fields=["state", "closure", "id"], name="case_state_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(state="closed") | Q(closure=""), name="closure_only_when_closed"
            ),
            models.CheckConstraint(
                condition=Q(closure="merged") | Q(merged_into__isnull=True),
                name="merged_into_only_when_merged",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("tracking:case", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.state != self.State.CLOSED

    def is_overdue(self, today=None) -> bool:
        """Whether an agency's assignment on this tracked case is past its deadline."""
        if self.state != self.State.TRACKED:
            return False
        return self.assignments.filter(deadline__lt=today or taipei_today()).exists()


class CaseAlias(models.Model):
    """Another name of a case: an old name after a rename or merge, or a variant as written."""

    class Kind(models.TextChoices):
        RENAMED = "renamed", _("old name (renamed)")
        MERGED = "merged", _("name of a merged case")
        VARIANT = "variant", _("variant as written")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # The merge that brought this name in, so that undoing the merge can take it back.
    from_case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("case alias")
        verbose_name_plural = _("case aliases")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["case", "name"], name="unique_alias_per_case")
        ]
        indexes = [models.Index(fields=["name"])]

    def __str__(self):
        return self.name


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user):
        if roles_of(user).is_admin:
            return self
        return self.filter(meeting__body__in=Body.objects.visible_to(user).values("pk"))


class Decision(models.Model):
    """One item of a meeting's decisions: what the body decided about one or more cases."""

    class Status(models.TextChoices):
        TRACKED = "tracked", _("tracked")
        DELISTED = "delisted", _("delisted")
        NEW = "new", _("new")
        MERGED = "merged", _("merged")
        RENAMED = "renamed", _("renamed")
        REGULAR = "regular", _("regular exchange")
        NOTED = "noted", _("noted")

    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    position = models.PositiveIntegerField(_("position in the meeting"))
    path = models.JSONField(_("numbering path"), default=list)
    text = models.TextField(_("text"))
    span_start = models.PositiveIntegerField(_("start in source"), default=0)
    span_end = models.PositiveIntegerField(_("end in source"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    deadline_mention = models.CharField(_("deadline as written"), max_length=100, blank=True)
    # The reader's agencies as written and resolved, kept when no organisation matched.
    agency_mentions = models.JSONField(_("agencies as written"), default=list, blank=True)
    agencies = models.ManyToManyField(
        "orgs.Organisation",
        through="DecisionAgency",
        verbose_name=_("agencies"),
        related_name="decisions",
        blank=True,
    )
    cases = models.ManyToManyField(
        Case,
        through="CaseLink",
        through_fields=("decision", "case"),
        verbose_name=_("cases"),
        related_name="decisions",
    )

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="unique_decision_position")
        ]
        indexes = [models.Index(fields=["deadline"])]

    def __str__(self):
        return self.text[:60]

    @property
    def label(self) -> str:
        return "、".join(self.path)


class DecisionAgency(models.Model):
    """An agency a decision assigns work to, lead (主辦) or supporting (協辦)."""

    class Role(models.TextChoices):
        LEAD = "lead", _("lead agency")
        SUPPORTING = "supporting", _("supporting agency")

    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="decision_agencies"
    )
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="decision_roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.LEAD)
    mention = models.CharField(_("as written"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("decision agency")
        verbose_name_plural = _("decision agencies")
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "organisation"], name="unique_agency_per_decision"
            )
        ]
        indexes = [models.Index(fields=["organisation", "decision"])]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class CaseAgency(models.Model):
    """An agency responsible for a case: the union of its decisions' agencies."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="case_agencies")
    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.PROTECT, related_name="case_roles"
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=DecisionAgency.Role.choices,
        default=DecisionAgency.Role.LEAD,
    )

    class Meta:
        verbose_name = _("responsible agency")
        verbose_name_plural = _("responsible agencies")
        constraints = [
            models.UniqueConstraint(fields=["case", "organisation"], name="unique_case_agency")
        ]
        indexes = [models.Index(fields=["organisation", "case"])]

    def __str__(self):
        return f"{self.case} · {self.organisation}"


class CaseLinkQuerySet(models.QuerySet):
    def visible_to(self, user):
        roles = roles_of(user)
        if roles.is_admin:
            return self
        return self.filter(case__body_id__in=roles.secretariat_body_ids)

    def active(self):
        return self.filter(split_at__isnull=True)

    def review_queue(self):
        """Links the identity matcher was not sure of, waiting for the secretariat."""
        return self.active().filter(needs_review=True, reviewed_at__isnull=True)


class CaseLink(models.Model):
    """A decision is about a case: how sure the matcher was and whether a person checked."""

    class Method(models.TextChoices):
        EXACT = "exact", _("same name")
        ALIAS = "alias", _("a known alias")
        SIMILAR = "similar", _("similar name")
        NEW = "new", _("new case")
        MANUAL = "manual", _("chosen by a person")

    class Role(models.TextChoices):
        SUBJECT = "subject", _("the case decided about")
        MERGED_SOURCE = "merged_source", _("merged into another case")

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="links")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links")
    name = models.CharField(_("name as written"), max_length=300)
    method = models.CharField(_("method"), max_length=20, choices=Method.choices)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SUBJECT)
    confidence = models.FloatField(_("confidence"), default=1.0)
    needs_review = models.BooleanField(_("needs review"), default=False)
    suggested_case = models.ForeignKey(
        Case,
        verbose_name=_("suggested case"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The existing case the matcher thought of but was not sure about."),
    )
    suggested_score = models.FloatField(
        _("likeness to the suggested case"),
        null=True,
        blank=True,
        help_text=_("How alike the matcher found the name and the suggested case (0–1)."),
    )
    suggested_name = models.CharField(
        _("name it was found like"),
        max_length=300,
        blank=True,
        help_text=_("The suggested case's title or alias that the name resembled."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    split_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Set when a person moved this decision away.")
    )

    objects = CaseLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("case link")
        verbose_name_plural = _("case links")
        ordering = ["decision__meeting__date", "decision__position", "pk"]
        indexes = [
            models.Index(fields=["case", "decision"]),
            models.Index(
                fields=["needs_review"],
                name="case_link_review_queue",
                condition=Q(needs_review=True, reviewed_at__isnull=True),
            ),
        ]

    def __str__(self):
        return f"{self.name} → {self.case}"


class CaseEvent(models.Model):
    """One change in a case's history; appended, never edited."""

    class Kind(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        TRACKED = "tracked", _("tracked")
        DELISTED = "delisted", _("delisted")
        REGULAR = "regular", _("turned into regular exchange")
        MERGED = "merged", _("merged")
        MERGED_IN = "merged_in", _("other cases merged in")
        UNMERGED = "unmerged", _("merge undone")
        RENAMED = "renamed", _("renamed")
        NOTED = "noted", _("decision recorded")
        REFERRED = "referred", _("referred to the parent body")
        SPLIT = "split", _("decision moved to another case")
        LINKED = "linked", _("decision moved here")
        CORRECTED = "corrected", _("decision corrected by hand")
        AGENCIES = "agencies", _("agencies set by hand")
        DEADLINE = "deadline", _("deadline set by hand")
        IN_CHARGE = "in_charge", _("person in charge changed")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # The date the change took effect: the meeting's date, or today for manual changes.
    on = models.DateField(_("effective date"))
    meeting = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.ForeignKey(
        Decision, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("recorded at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)
    payload = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["on", "pk"]
        indexes = [models.Index(fields=["case", "on", "id"])]

    def __str__(self):
        return f"{self.case} · {self.get_kind_display()} · {self.on}"
