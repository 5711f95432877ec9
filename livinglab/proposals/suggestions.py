"""Suggestions from the matching ranker, with the reasons it gives (shared terms, concepts,
domain, site capabilities), in the reader's language.

A proposal's page suggests needs, agencies and field sites; a need's page suggests
proposals. Only what the reader may see is ranked: a proposer is never shown another
agency's draft need, a closed site, another organisation's proposal or anyone's draft
(`visible_to` of each model decides, and drafts are never ranked as proposals).
"""

from dataclasses import dataclass

from django.db.models import Count, Max, Prefetch
from django.utils.translation import gettext as _

from livinglab.matching import (
    Item,
    Match,
    NeedIndex,
    Reason,
    Site,
    SiteIndex,
    rank_proposals,
)
from livinglab.needs.models import Domain, Need
from livinglab.orgs.models import Organisation
from livinglab.proposals.models import Proposal
from livinglab.sites.models import FieldSite

SHOWN = 3
PROPOSALS_SHOWN = 5
# A need's page ranks at most this many of the call's proposals (the newest submitted):
# the page stays fast in a call of tens of thousands.
MOST_PROPOSALS_RANKED = 1000
# Proposals a need's page may suggest: sent to the call, not drafts, not withdrawn or rejected.
LIVE = (
    Proposal.Status.SUBMITTED,
    Proposal.Status.UNDER_REVIEW,
    Proposal.Status.REVISE,
    Proposal.Status.ACCEPTED,
)


@dataclass(frozen=True)
class Suggestion:
    target: object  # a Need, FieldSite, Proposal or Organisation (an agency)
    reasons: list[str]
    score: float = 0.0


def _reason_text(reason: Reason, labels: dict[str, str], site_names: dict[str, str]) -> str:
    values = "、".join(reason.values)
    if reason.kind == "terms":
        return _("Shared terms: %(terms)s") % {"terms": values}
    if reason.kind == "concepts":
        return _("Related concepts: %(concepts)s") % {"concepts": values}
    if reason.kind == "domain":
        names = "、".join(labels.get(value, value) for value in reason.values)
        return _("Same domain: %(domain)s") % {"domain": names}
    if reason.kind == "tags":
        names = "、".join(labels.get(value, value) for value in reason.values)
        return _("Same priority problem: %(tags)s") % {"tags": names}
    if reason.kind == "sites":
        names = "、".join(site_names.get(value, value) for value in reason.values)
        return _("Same field site: %(sites)s") % {"sites": names}
    if reason.kind == "capabilities":
        return _("The field site offers: %(capabilities)s") % {"capabilities": values}
    return _("No shared term; ranked by overall similarity")


class _Reasons:
    """Reasons of matches as text; the taxonomy's names are read once, when needed."""

    def __init__(self, site_names: dict[str, str] | None = None) -> None:
        self.site_names = site_names or {}
        self.labels: dict[str, str] | None = None

    def __call__(self, match: Match) -> list[str]:
        if self.labels is None and any(r.kind in ("domain", "tags") for r in match.reasons):
            self.labels = {d.key: d.label for d in Domain.objects.only("key", "name", "name_en")}
        return [_reason_text(r, self.labels or {}, self.site_names) for r in match.reasons]


def _proposal_item(proposal) -> Item:
    text = "\n".join(
        [proposal.summary, proposal.solution, proposal.site_wanted, proposal.expected_kpis]
    )
    domain = proposal.domain.key if proposal.domain_id else None
    return Item(id=str(proposal.pk), title=proposal.title, text=text, domain=domain)


def _need_item(need) -> Item:
    return Item(
        id=str(need.pk),
        title=need.title,
        text="\n".join([need.problem, need.figures, need.site_wishes]),
        domain=need.domain.key if need.domain_id else None,
        tags=tuple(tag.key for tag in need.tags.all()),
        sites=tuple(str(site.pk) for site in need.field_sites.all()),
    )


def _site(site) -> Site:
    capabilities = tuple(capability.name for capability in site.capabilities.all())
    return Site(id=str(site.pk), name=site.name, capabilities=capabilities, text=site.description)


@dataclass(frozen=True)
class _IndexedNeeds:
    index: NeedIndex
    site_names: dict[str, str]


# Each process keeps its newest index of the needs and of the field sites while what they
# index is unchanged (its stamp, read in one query): a proposal's page then ranks them
# instead of indexing thousands of needs and hundreds of sites on every request.
_kept: dict[str, tuple[tuple, object]] = {}


def _kept_index(name: str, stamp: tuple, build):
    found = _kept.get(name)
    if found is None or found[0] != stamp:
        found = _kept[name] = (stamp, build())
    return found[1]


def _sites_stamp(sites_seen) -> tuple:
    """Which sites the reader may see (their ids: readers of other agencies see others'),
    and when the latest of them changed."""
    rows = list(sites_seen.order_by("pk").values_list("pk", "updated_at"))
    return (tuple(pk for pk, _ in rows), max((at for _, at in rows), default=None))


def _needs_index(user) -> _IndexedNeeds | None:
    needs = Need.objects.visible_to(user).filter(status=Need.Status.PUBLISHED)
    sites_seen = FieldSite.objects.visible_to(user)
    count_and_last = needs.aggregate(n=Count("pk"), last=Max("updated_at"))
    if not count_and_last["n"]:
        return None

    def build() -> _IndexedNeeds:
        rows = list(
            needs.select_related("domain").prefetch_related(
                "tags",
                Prefetch("field_sites", queryset=sites_seen.prefetch_related("capabilities")),
            )
        )
        sites = {str(s.pk): _site(s) for need in rows for s in need.field_sites.all()}
        agency_of = {str(need.pk): str(need.agency_id) for need in rows}
        return _IndexedNeeds(
            NeedIndex([_need_item(n) for n in rows], agency_of, sites=sites),
            {key: site.name for key, site in sites.items()},
        )

    stamp = (*count_and_last.values(), *_sites_stamp(sites_seen))
    return _kept_index("needs", stamp, build)


def _needs_and_agencies(user, proposal, k: int) -> tuple[list[Suggestion], list[Suggestion]]:
    """Needs and agencies come from one ranking of the published needs the reader may see
    (an agency is as good as its best need); kept on the proposal for the request."""
    cache = proposal.__dict__.setdefault("_suggested_needs_and_agencies", {})
    if (user.pk, k) in cache:
        return cache[user.pk, k]
    found: tuple[list[Suggestion], list[Suggestion]] = ([], [])
    indexed = _needs_index(user)
    if indexed is not None:
        best_needs, best_agencies = indexed.index.rank(_proposal_item(proposal), k)
        needs = Need.objects.select_related("domain", "agency").in_bulk(
            [int(m.id) for m in best_needs]
        )
        agencies = Organisation.objects.in_bulk([int(m.id) for m in best_agencies])
        reasons = _Reasons(indexed.site_names)
        found = (
            [Suggestion(needs[int(m.id)], reasons(m), m.score) for m in best_needs],
            [
                Suggestion(agencies[int(m.id)], reasons(m), m.score)
                for m in best_agencies
                if m.score > 0
            ],
        )
    cache[user.pk, k] = found
    return found


def needs_for(user, proposal, k: int = SHOWN) -> list[Suggestion]:
    return _needs_and_agencies(user, proposal, k)[0]


def agencies_for(user, proposal, k: int = SHOWN) -> list[Suggestion]:
    """Agencies whose published needs fit the proposal, each ranked and explained by its
    best-fitting need the reader may see."""
    return _needs_and_agencies(user, proposal, k)[1]


def sites_for(user, proposal, k: int = SHOWN) -> list[Suggestion]:
    sites_seen = FieldSite.objects.visible_to(user)
    stamp = _sites_stamp(sites_seen)
    if not stamp[0]:
        return []

    def build() -> SiteIndex:
        return SiteIndex([_site(site) for site in sites_seen.prefetch_related("capabilities")])

    matches = _kept_index("sites", stamp, build).rank(_proposal_item(proposal), k)
    by_id = FieldSite.objects.in_bulk([int(m.id) for m in matches])
    reasons = _Reasons()
    return [Suggestion(by_id[int(m.id)], reasons(m), m.score) for m in matches]


def proposals_for(user, need, k: int = PROPOSALS_SHOWN) -> list[Suggestion]:
    """Proposals of the need's calls that fit it, among those the reader may see (never a
    draft): the secretariat sees its calls' proposals, a proposer only their own."""
    proposals = list(
        Proposal.objects.visible_to(user)
        .filter(call__needs=need, status__in=LIVE)
        .select_related("domain", "organisation")
        .only(
            "title",
            "summary",
            "solution",
            "site_wanted",
            "expected_kpis",
            "status",
            "need_id",
            "call_id",
            "domain__key",
            "organisation__name",
        )
        .order_by("-submitted_at", "-pk")[:MOST_PROPOSALS_RANKED]
    )
    if not proposals:
        return []
    sites_seen = list(
        FieldSite.objects.visible_to(user).filter(needs=need).prefetch_related("capabilities")
    )
    sites = {str(site.pk): _site(site) for site in sites_seen}
    query = Item(
        id=f"need-{need.pk}",
        title=need.title,
        text="\n".join([need.problem, need.figures, need.site_wishes]),
        domain=need.domain.key,
        tags=tuple(tag.key for tag in need.tags.all()),
        sites=tuple(sites),
    )
    by_id = {str(p.pk): p for p in proposals}
    matches = rank_proposals(query, [_proposal_item(p) for p in proposals], k, sites=sites)
    reasons = _Reasons({key: site.name for key, site in sites.items()})
    return [Suggestion(by_id[m.id], reasons(m), m.score) for m in matches if m.score > 0]
