"""Setting up a programme: the secretariat of a body creates it and changes its terms
(budget, period, cap, smallest grant, expiry), its priority domains with their weights
and the providers whose statements it accepts with their conversion to credits.

The budget written here is what the next allocation run funds and shares; nothing is
booked when the terms change, so credits already granted or consumed stay as they are
until the secretariat previews and books a new run.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.credits.models import PriorityDomain, Programme, ProviderRate
from livinglab.orgs.roles import roles_of

TERMS = (
    "name",
    "body",
    "budget",
    "starts_on",
    "ends_on",
    "team_cap",
    "minimum_grant",
    "credits_expire_on",
)


@dataclass(frozen=True)
class Rate:
    provider: str
    gpu_class: str
    credits_per_hour: Decimal


def bodies_run_by(user):
    """The bodies whose programmes the user may create (all bodies for an administrator)."""
    from livinglab.meetings.models import Body

    roles = roles_of(user)
    bodies = (
        Body.objects.all()
        if roles.is_admin
        else Body.objects.filter(pk__in=roles.secretariat_body_ids)
    )
    return bodies.order_by("name")


def may_create_programme(user) -> bool:
    return bodies_run_by(user).exists()


def create_programme(user, *, domains, rates, **terms) -> Programme:
    """A new programme of a body the user runs, with its priority domains and rates."""
    if not bodies_run_by(user).filter(pk=terms["body"].pk).exists():
        raise PermissionDenied("only a body's secretariat creates its programmes")
    with transaction.atomic():
        programme = Programme(**terms)
        _check(programme)
        programme.save()
        _replace(programme, domains, rates)
    return programme


def change_programme(user, programme: Programme, *, domains, rates, **terms) -> Programme:
    """New terms for a programme; the body may only move to another body the user runs."""
    require(user, "manage", programme)
    body = terms.get("body", programme.body)
    if body.pk != programme.body_id and not bodies_run_by(user).filter(pk=body.pk).exists():
        raise PermissionDenied("a programme moves only to a body its secretariat runs")
    with transaction.atomic():
        programme = Programme.objects.select_for_update().get(pk=programme.pk)
        for name, value in terms.items():
            setattr(programme, name, value)
        _check(programme)
        programme.save()
        _replace(programme, domains, rates)
    return programme


def _check(programme: Programme) -> None:
    programme.full_clean(exclude=["body"])  # see Programme.clean; the body was checked


def _replace(programme: Programme, domains, rates) -> None:
    """The programme's priority domains and rates become exactly those given."""
    weights = {}
    for domain, weight in domains:
        if domain.pk in weights:
            raise ValidationError(_("%(domain)s is listed twice.") % {"domain": domain})
        if weight <= 0:
            raise ValidationError(_("A domain's weight must be more than zero."))
        weights[domain.pk] = weight
    seen = set()
    for rate in rates:
        key = (rate.provider, rate.gpu_class)
        if key in seen:
            raise ValidationError(
                _("%(provider)s %(gpu)s is listed twice.")
                % {"provider": rate.provider, "gpu": rate.gpu_class}
            )
        if rate.credits_per_hour <= 0:
            raise ValidationError(_("A GPU-hour must convert to more than zero credits."))
        seen.add(key)
    programme.priority_domains.all().delete()
    PriorityDomain.objects.bulk_create(
        PriorityDomain(programme=programme, domain_id=pk, weight=weight)
        for pk, weight in weights.items()
    )
    programme.rates.all().delete()
    ProviderRate.objects.bulk_create(
        ProviderRate(
            programme=programme,
            provider=rate.provider,
            gpu_class=rate.gpu_class,
            credits_per_hour=rate.credits_per_hour,
        )
        for rate in rates
    )
