from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from livinglab.orgs.roles import roles_of


class BodyQuerySet(models.QuerySet):
    def visible_to(self, user):
        roles = roles_of(user)
        if roles.is_admin:
            return self
        # Only the conditions a user has: an anonymous visitor's bodies are read without
        # the join to members and its DISTINCT, which every registry query nests.
        visible = Q(is_public=True)
        if own := roles.secretariat_body_ids | roles.reviewer_body_ids:
            visible |= Q(pk__in=own)
        if not roles.officer_org_ids:
            return self.filter(visible)
        return self.filter(visible | Q(members__in=roles.officer_org_ids)).distinct()


class Body(models.Model):
    """A meeting series: a council, a working group, a committee."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The body this one reports to."),
    )
    members = models.ManyToManyField(
        "orgs.Organisation", verbose_name=_("members"), blank=True, related_name="bodies"
    )
    secretariat = models.ForeignKey(
        "orgs.Organisation",
        verbose_name=_("secretariat"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    hosting_rotation = models.CharField(
        _("hosting rotation"),
        max_length=200,
        blank=True,
        help_text=_("Member cities in the order they host, if the body rotates."),
    )
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Its case registry can be read by anyone.")
    )
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BodyQuerySet.as_manager()

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("meetings:body", args=[self.pk])


class MinutesDocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        roles = roles_of(user)
        if roles.is_admin:
            return self
        # Drafts belong to the secretariat; a confirmed record is as public as its body.
        return self.filter(
            Q(body_id__in=roles.secretariat_body_ids)
            | Q(
                status=MinutesDocument.Status.CONFIRMED,
                body__in=Body.objects.visible_to(user).values("pk"),
            )
        )

    def drafts(self):
        return self.filter(status=MinutesDocument.Status.DRAFT)


class MinutesDocument(models.Model):
    """One uploaded record, its decoded text and, until confirmed, the proposed import."""

    class Status(models.TextChoices):
        READING = "reading", _("reading")
        DRAFT = "draft", _("draft")
        CONFIRMED = "confirmed", _("confirmed")
        FAILED = "failed", _("failed")

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="documents"
    )
    filename = models.CharField(_("original file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256 of the content"), max_length=64)
    upload = models.FileField(_("uploaded file"), upload_to="minutes/%Y/%m/", blank=True)
    text = models.TextField(_("decoded text"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.READING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    error = models.TextField(_("error"), blank=True)
    # A background reading claims the record with a new `attempt` and keeps `heartbeat_at`
    # recent while it works; a reading that went silent was abandoned (its worker died).
    attempt = models.PositiveSmallIntegerField(_("background readings started"), default=0)
    heartbeat_at = models.DateTimeField(_("last sign of the background reading"), null=True)
    # A large import writes its meetings into this hidden body, one short transaction
    # each, and moves them into `body` in one quick switch when all are written.
    staging = models.ForeignKey(
        Body,
        verbose_name=_("body its meetings are staged in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The reader's proposal with case links; the secretary edits it before confirming.
    proposal = models.JSONField(_("proposal"), default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    objects = MinutesDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("minutes document")
        verbose_name_plural = _("minutes documents")
        ordering = ["-uploaded_at"]
        constraints = [
            # Importing the same record into the same body twice changes nothing.
            models.UniqueConstraint(fields=["body", "sha256"], name="unique_document_per_body")
        ]
        indexes = [models.Index(fields=["body", "status"])]

    def __str__(self):
        return self.filename


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        if roles_of(user).is_admin:
            return self
        return self.filter(body__in=Body.objects.visible_to(user).values("pk"))


class Meeting(models.Model):
    """One sitting of a body, as its record tells it."""

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings"
    )
    number = models.PositiveIntegerField(
        _("number"), null=True, blank=True, help_text=_("第 N 次 as written in the title.")
    )
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"), null=True, blank=True)
    time = models.TimeField(_("time"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=300, blank=True)
    chair = models.CharField(_("chair"), max_length=200, blank=True)
    recorder = models.CharField(_("recorder"), max_length=200, blank=True)
    document = models.ForeignKey(
        MinutesDocument,
        verbose_name=_("source document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    span_start = models.PositiveIntegerField(_("start in source"), default=0)
    span_end = models.PositiveIntegerField(_("end in source"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["body", "date", "pk"]
        constraints = [
            # A record that overlaps an earlier import links to the meeting already there.
            models.UniqueConstraint(
                fields=["body", "date", "title"], name="unique_meeting_per_body_date_title"
            )
        ]
        indexes = [models.Index(fields=["body", "-date"])]

    def __str__(self):
        return f"{self.title} ({self.date})" if self.date else self.title

    def get_absolute_url(self):
        return reverse("meetings:meeting", args=[self.pk])

    @property
    def source_text(self) -> str:
        """The part of the decoded source that is this meeting's record."""
        if self.document is None:
            return ""
        return self.document.text[self.span_start : self.span_end]
