from django.conf import settings
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from livinglab.orgs.roles import roles_of


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user):
        # The directory of agencies and companies is public information; a person who
        # proposes for themselves is not an organisation the public may look up.
        roles = roles_of(user)
        if roles.is_admin or roles.is_secretariat:
            return self
        return self.filter(Q(is_personal=False) | Q(pk__in=roles.proposer_org_ids))

    def cities(self):
        return self.filter(kind=Organisation.Kind.CITY)

    def agencies(self):
        return self.filter(kind__in=[Organisation.Kind.AGENCY, Organisation.Kind.UNIT])

    def search(self, text: str):
        text = text.strip()
        if not text:
            return self
        return self.filter(
            Q(name__icontains=text)
            | Q(short_name__icontains=text)
            | Q(aliases__name__icontains=text)
        ).distinct()


class Organisation(models.Model):
    class Kind(models.TextChoices):
        CITY = "city", _("city government")
        AGENCY = "agency", _("agency")
        UNIT = "unit", _("unit of an agency")
        COMPANY = "company", _("company")
        SCHOOL = "school", _("school or academia")
        ASSOCIATION = "association", _("association")
        OTHER = "other", _("other")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    name = models.CharField(_("official name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    city = models.ForeignKey(
        "self",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "city"},
    )
    website = models.URLField(_("website"), blank=True)
    is_personal = models.BooleanField(
        _("a person, not an organisation"),
        default=False,
        help_text=_("Someone proposing for themselves: never listed to the public."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("orgs:detail", args=[self.pk])

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class OrganisationAlias(models.Model):
    """Another name an organisation is written as (產發局 for 產業發展局)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("alias"), max_length=100, db_index=True)

    class Meta:
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_alias_per_org")
        ]
        ordering = ["name"]

    def __str__(self):
        return self.name


class MembershipQuerySet(models.QuerySet):
    def visible_to(self, user):
        roles = roles_of(user)
        if roles.is_admin:
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(user=user)
            | Q(body_id__in=roles.secretariat_body_ids)
            | Q(organisation_id__in=roles.officer_org_ids, role=Membership.Role.OFFICER)
        )


class Membership(models.Model):
    """A role a person holds in an organisation or a body."""

    class Role(models.TextChoices):
        SECRETARIAT = "secretariat", _("secretariat")
        OFFICER = "officer", _("agency officer")
        REVIEWER = "reviewer", _("reviewer")
        PROPOSER = "proposer", _("proposer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    body = models.ForeignKey(
        "meetings.Body",
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            # Coalesce so that two memberships without a body still count as the same.
            models.UniqueConstraint(
                "user",
                "role",
                Coalesce("organisation", Value(0)),
                Coalesce("body", Value(0)),
                name="unique_membership",
            ),
            models.CheckConstraint(
                condition=~Q(role="secretariat") | Q(body__isnull=False),
                name="secretariat_needs_body",
            ),
            models.CheckConstraint(
                condition=~Q(role="officer") | Q(organisation__isnull=False),
                name="officer_needs_organisation",
            ),
        ]

    def __str__(self):
        where = self.body or self.organisation or "—"
        return f"{self.user} · {self.get_role_display()} · {where}"
