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
        return self.filter(
            Q(is_public=True)
            | Q(pk__in=roles.secretariat_body_ids | roles.reviewer_body_ids)
            | Q(members__in=roles.officer_org_ids)
        ).distinct()


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
