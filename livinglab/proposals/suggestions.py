"""Needs and field sites suggested for a proposal by the matching ranker, with the reasons
it gives (shared terms, concepts, domain, site capabilities). Only what the reader may see
is ranked: a proposer is never shown another agency's draft need or a closed site."""

from dataclasses import dataclass

from livinglab.matching import Item, Site, rank_needs, rank_sites
from livinglab.needs.models import Need
from livinglab.sites.models import FieldSite

SHOWN = 3


@dataclass(frozen=True)
class Suggestion:
    target: object  # a Need or a FieldSite
    reasons: list[str]


def _proposal_item(proposal) -> Item:
    text = "\n".join(
        [proposal.summary, proposal.solution, proposal.site_wanted, proposal.expected_kpis]
    )
    domain = proposal.domain.key if proposal.domain_id else None
    return Item(id=str(proposal.pk), title=proposal.title, text=text, domain=domain)


def _site(site) -> Site:
    capabilities = tuple(capability.name for capability in site.capabilities.all())
    return Site(id=str(site.pk), name=site.name, capabilities=capabilities, text=site.description)


def needs_for(user, proposal, k: int = SHOWN) -> list[Suggestion]:
    needs = list(
        Need.objects.visible_to(user)
        .filter(status=Need.Status.PUBLISHED)
        .select_related("domain")
        .prefetch_related("tags", "field_sites__capabilities")
    )
    if not needs:
        return []
    by_id = {str(need.pk): need for need in needs}
    sites = {str(s.pk): _site(s) for need in needs for s in need.field_sites.all()}
    items = [
        Item(
            id=str(need.pk),
            title=need.title,
            text="\n".join([need.problem, need.figures, need.site_wishes]),
            domain=need.domain.key if need.domain_id else None,
            tags=tuple(tag.key for tag in need.tags.all()),
            sites=tuple(str(site.pk) for site in need.field_sites.all()),
        )
        for need in needs
    ]
    matches = rank_needs(_proposal_item(proposal), items, k, sites=sites)
    return [Suggestion(by_id[match.id], match.reason_texts) for match in matches]


def sites_for(user, proposal, k: int = SHOWN) -> list[Suggestion]:
    sites = list(FieldSite.objects.visible_to(user).prefetch_related("capabilities"))
    if not sites:
        return []
    by_id = {str(site.pk): site for site in sites}
    matches = rank_sites(_proposal_item(proposal), [_site(site) for site in sites], k)
    return [Suggestion(by_id[match.id], match.reason_texts) for match in matches]
