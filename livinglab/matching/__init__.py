"""Suggesting needs for proposals (and proposals for needs, sites and agencies for proposals).

Pure Python: imports no Django. The apps turn their rows into ``Item``s and call::

    from livinglab.matching import Item, rank_needs
    matches = rank_needs(proposal_item, need_items, k=3)
    for match in matches:
        match.id, match.score, match.reason_texts   # need id, score, ["共同詞：…", …]

A need's stated domain is trusted; a proposal's is the proposer's own choice and only
counts as half the evidence beside what its text says. To rank many queries against the
same candidates (a whole call), build one ``Ranker`` or use ``rank_all``.

How the apps' rows become items (the apps own this code; this package never sees a model):

- ``needs.Need`` -> ``Item(id=str(need.pk), title=need.title, text="\n".join([need.problem,
  need.figures, need.site_wishes]), domain=need.domain.key, tags=tuple(t.key for t in
  need.tags.all()), sites=tuple(str(s.pk) for s in need.field_sites.all()))``
- ``proposals.Proposal`` -> ``Item(id=str(p.pk), title=p.title, text="\n".join([p.summary,
  p.solution, p.site_wanted, p.expected_kpis]), domain=p.domain.key)``
- ``sites.FieldSite`` -> ``Site(id=str(s.pk), name=s.name, capabilities=tuple(c.name for c in
  s.capabilities.all()), text=s.description)``; pass ``{site.id: site}`` as ``sites=`` to
  ``rank_needs``/``rank_proposals`` so a need's sites' capabilities count, or the list to
  ``rank_sites``.
- ``orgs.Organisation`` (an agency) -> ``Item(id=str(a.pk), title=a.name, text=<its published
  needs' titles and problems>)`` for ``rank_agencies``; or, ranking needs anyway, the
  agencies of the best needs with ``rank_needs_and_groups`` (one index for both).

``Match.reasons`` are ``Reason(kind, values)``; ``Reason.text`` is Traditional Chinese, and
a page in English can render ``kind`` and ``values`` through gettext instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .model import Agency, Item, Match, Need, Proposal, Reason, Site
from .ranker import Ranker, Scorer

__all__ = [
    "Agency",
    "Item",
    "Match",
    "Need",
    "NeedIndex",
    "SiteIndex",
    "Proposal",
    "Ranker",
    "Reason",
    "Scorer",
    "Site",
    "rank_agencies",
    "rank_all",
    "rank_needs",
    "rank_needs_and_groups",
    "rank_proposals",
    "rank_sites",
]


def rank_all(
    queries: Iterable[Item],
    candidates: Sequence[Item],
    k: int = 3,
    *,
    queries_are_needs: bool = False,
    sites: Mapping[str, Site] | None = None,
) -> dict[str, list[Match]]:
    """The best ``k`` candidates for every query, by query id (in the queries' order)."""
    ranker = Ranker(candidates, trusted_domains=not queries_are_needs, sites=sites)
    items = list(queries)
    prepared = [ranker.prepare_query(query, queries_are_needs) for query in items]
    return {
        query.id: matches
        for query, matches in zip(items, ranker.rank_many(prepared, k), strict=True)
    }


def rank_needs(
    proposal: Proposal,
    needs: Sequence[Need],
    k: int = 3,
    *,
    sites: Mapping[str, Site] | None = None,
) -> list[Match]:
    """Needs suggested for a proposal, best first (``sites`` adds their capabilities)."""
    return rank_all([proposal], needs, k, sites=sites)[proposal.id]


def rank_proposals(
    need: Need,
    proposals: Sequence[Proposal],
    k: int = 3,
    *,
    sites: Mapping[str, Site] | None = None,
) -> list[Match]:
    """Proposals suggested for a need, best first."""
    return rank_all([need], proposals, k, queries_are_needs=True, sites=sites)[need.id]


class NeedIndex:
    """Needs indexed once, to suggest them (and their groups) to one proposal after
    another: indexing thousands of needs costs far more than ranking them for one query."""

    def __init__(
        self,
        needs: Sequence[Need],
        group_of: Mapping[str, str],
        *,
        sites: Mapping[str, Site] | None = None,
    ) -> None:
        self.ranker = Ranker(needs, trusted_domains=True, sites=sites)
        self.groups = [group_of[need.id] for need in needs]

    def rank(self, proposal: Proposal, k: int = 3) -> tuple[list[Match], list[Match]]:
        query = self.ranker.prepare_query(proposal, False)
        return self.ranker.rank(query, k), self.ranker.rank_groups(query, self.groups, k)


def rank_needs_and_groups(
    proposal: Proposal,
    needs: Sequence[Need],
    group_of: Mapping[str, str],
    k: int = 3,
    *,
    sites: Mapping[str, Site] | None = None,
) -> tuple[list[Match], list[Match]]:
    """Needs suggested for a proposal, and the groups of needs (their agencies, by need id
    in ``group_of``) ranked by their best need, with that need's reasons."""
    return NeedIndex(needs, group_of, sites=sites).rank(proposal, k)


class SiteIndex:
    """Field sites indexed once, to suggest them to one proposal after another."""

    def __init__(self, sites: Sequence[Site]) -> None:
        catalogue = {site.id: site for site in sites}
        self.ranker = Ranker(
            [site.as_item() for site in sites], trusted_domains=True, sites=catalogue
        )

    def rank(self, proposal: Proposal, k: int = 3) -> list[Match]:
        return self.ranker.rank(self.ranker.prepare_query(proposal, False), k)


def rank_sites(proposal: Proposal, sites: Sequence[Site], k: int = 3) -> list[Match]:
    """Field sites suggested for a proposal, by their names, capabilities and descriptions."""
    return SiteIndex(sites).rank(proposal, k)


def rank_agencies(proposal: Proposal, agencies: Sequence[Agency], k: int = 3) -> list[Match]:
    """Agencies suggested for a proposal; an agency's text is its mission and past needs."""
    return rank_all([proposal], agencies, k)[proposal.id]
