"""Applications for credits: a team's proposers apply with one of their proposals; the
programme's secretariat accepts an application (the allocation run shares the budget
over the accepted ones) or withdraws it, and the team may withdraw its own.

A withdrawn application drops out of the next allocation run; credits already consumed
stay with the team (see `allocation`).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab.core.access import require
from livinglab.credits.models import Application, Programme
from livinglab.orgs.roles import roles_of

CLOSED_PROPOSALS = ("draft", "withdrawn", "rejected")


def proposals_to_apply_with(user, programme: Programme):
    """The user's organisations' proposals, submitted and still alive, that have not
    applied to this programme yet."""
    from livinglab.proposals.models import Proposal

    return (
        Proposal.objects.filter(organisation_id__in=roles_of(user).proposer_org_ids)
        .exclude(status__in=CLOSED_PROPOSALS)
        .exclude(credit_applications__programme=programme)
        .select_related("organisation")
        .order_by("-submitted_at", "pk")
    )


def may_apply(user, programme: Programme) -> bool:
    return bool(roles_of(user).proposer_org_ids)


def apply(user, programme: Programme, proposal, requested: int) -> Application:
    """The proposal's organisation asks the programme for `requested` credits."""
    if proposal.organisation_id not in roles_of(user).proposer_org_ids:
        raise PermissionDenied("only the proposal's own proposers apply with it")
    if proposal.status in CLOSED_PROPOSALS:
        raise ValidationError(_("Only a submitted proposal can apply for credits."))
    if programme.ends_on < timezone.localdate():
        raise ValidationError(_("This programme has ended; it takes no more applications."))
    if requested <= 0:
        raise ValidationError(_("Ask for more than zero credits."))
    try:
        with transaction.atomic():
            return Application.objects.create(
                programme=programme, proposal=proposal, requested=requested
            )
    except IntegrityError:
        raise ValidationError(_("This proposal has already applied to this programme.")) from None


def accept(user, application: Application) -> Application:
    require(user, "accept", application)
    return _set_status(application, Application.Status.ACCEPTED)


def withdraw(user, application: Application) -> Application:
    require(user, "withdraw", application)
    return _set_status(application, Application.Status.WITHDRAWN)


def _set_status(application: Application, status: str) -> Application:
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        application.status = status
        application.save(update_fields=["status"])
    return application
