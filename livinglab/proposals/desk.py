"""The pipeline desk: what waits for each person, by the roles they hold.

A proposer sees their drafts and proposals with the latest reason given; an agency
officer, the agency's needs; the secretariat, its calls and the proposals waiting for a
decision. Other apps add a section of their own by shipping one of `EXTRA_SECTIONS`
(the reviews app: `reviews/_desk.html`, rendered with this page's context).
"""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, OuterRef, Q, Subquery
from django.shortcuts import render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone

from livinglab.needs.models import Call, Need
from livinglab.orgs.roles import roles_of
from livinglab.proposals.models import JoinRequest, Proposal, ProposalEvent

EXTRA_SECTIONS = ["reviews/_desk.html", "trials/_desk.html", "sites/_desk.html"]
# Sections other apps add to the search page (the trials app: its trials that match).
SEARCH_SECTIONS = ["trials/_search.html"]
LIMIT = 50


def extra_sections(names=EXTRA_SECTIONS) -> list[str]:
    found = []
    for name in names:
        try:
            get_template(name)
        except TemplateDoesNotExist:
            continue
        found.append(name)
    return found


def with_latest_reason(proposals):
    """Each proposal with the latest reason the proposer may read (one subquery)."""
    reasons = ProposalEvent.objects.filter(proposal=OuterRef("pk"), shown_to_proposer=True).exclude(
        reason=""
    )
    return proposals.annotate(
        latest_reason=Subquery(reasons.order_by("-at", "-pk").values("reason")[:1])
    )


def proposer_section(user, roles) -> dict:
    own = Proposal.objects.filter(organisation_id__in=roles.proposer_org_ids).for_listing()
    return {
        "drafts": list(own.filter(status=Proposal.Status.DRAFT)[:LIMIT]),
        "proposals": list(with_latest_reason(own.exclude(status=Proposal.Status.DRAFT))[:LIMIT]),
        "join_requests": list(
            JoinRequest.objects.pending()
            .filter(organisation_id__in=roles.proposer_org_ids)
            .exclude(user=user)
            .select_related("user", "organisation")
        ),
    }


def officer_section(roles) -> dict:
    needs = (
        Need.objects.filter(agency_id__in=roles.officer_org_ids)
        .select_related("agency", "domain")
        .annotate(
            proposal_count=Count(
                "proposals", filter=~Q(proposals__status=Proposal.Status.DRAFT), distinct=True
            )
        )
        .order_by("status", "-updated_at")
    )
    return {"needs": list(needs[:LIMIT])}


def secretariat_section(roles) -> dict:
    mine = Call.objects.all()
    if not roles.is_admin:
        mine = mine.filter(body_id__in=roles.secretariat_body_ids)
    waiting_filter = Q(
        proposals__status__in=[Proposal.Status.SUBMITTED, Proposal.Status.UNDER_REVIEW]
    )
    calls = mine.select_related("body").annotate(waiting=Count("proposals", filter=waiting_filter))
    waiting = Proposal.objects.filter(call__in=mine.values("pk")).submitted()
    return {
        "calls": list(calls[:LIMIT]),
        "waiting": waiting.rows_in_order("submitted_at", "pk", stop=LIMIT),
    }


@login_required
def desk(request):
    user = request.user
    roles = roles_of(user)
    context = {
        "now": timezone.now(),
        "open_calls": list(Call.objects.open().select_related("body")),
        "my_join_requests": list(
            JoinRequest.objects.pending().filter(user=user).select_related("organisation")
        ),
        "extra_sections": extra_sections(),
    }
    if roles.proposer_org_ids:
        context["proposer"] = proposer_section(user, roles)
    if roles.officer_org_ids:
        context["officer"] = officer_section(roles)
    if roles.is_secretariat:
        context["secretariat"] = secretariat_section(roles)
    return render(request, "proposals/desk.html", context)


@login_required
def search(request):
    """Needs and proposals the user may see whose text holds every word of the query,
    and what other apps' sections find (`SEARCH_SECTIONS`: trials)."""
    query = request.GET.get("q", "")[:100]
    needs, proposals = [], []
    if query.strip():
        needs = list(
            Need.objects.visible_to(request.user)
            .search(query)
            .select_related("agency", "domain")
            .order_by("-published_at", "-pk")[:LIMIT]
        )
        proposals = list(
            Proposal.objects.visible_to(request.user)
            .search(query)
            .for_listing()
            .order_by("-updated_at", "-pk")[:LIMIT]
        )
    context = {
        "query": query,
        "needs": needs,
        "proposals": proposals,
        "extra_sections": extra_sections(SEARCH_SECTIONS),
    }
    return render(request, "proposals/search.html", context)
