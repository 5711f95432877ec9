"""The pipeline's work: a proposer's drafts and proposals sent back, proposals to decide."""

from django.urls import reverse
from django.utils.translation import gettext as _

from livinglab.core.waiting import Waiting
from livinglab.needs.models import Call
from livinglab.proposals.models import Proposal


def for_user(user, roles) -> list[Waiting]:
    desk = reverse("proposals:desk")
    lines = []
    if roles.proposer_org_ids:
        own = Proposal.objects.filter(organisation_id__in=roles.proposer_org_ids)
        lines += [
            Waiting(
                _("Proposals sent back for revision"),
                own.filter(status=Proposal.Status.REVISE).count(),
                desk,
                urgent=True,
            ),
            Waiting(_("Proposal drafts not yet submitted"), own.drafts().count(), desk),
        ]
    if roles.is_secretariat:
        calls = Call.objects.all()
        if not roles.is_admin:
            calls = calls.filter(body_id__in=roles.secretariat_body_ids)
        screening = Proposal.objects.filter(call__in=calls.values("pk")).submitted().count()
        lines.append(Waiting(_("Proposals in screening"), screening, desk))
    return lines
