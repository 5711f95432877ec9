"""Which reviewers to suggest for a proposal: plain Python, no Django.

A candidate is better the more of the proposal's topics (its domain, its need's domain
and priority tags) they hold as expertise; among equals, the one with fewer open reviews
comes first, so that work spreads over the committee; then by name, so that the order
is stable. People with a conflict on the proposal, or already assigned to it, are left
out by the caller passing them in `exclude`.
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    key: Hashable  # the reviewer's id
    name: str
    expertise: frozenset[str]  # topic keys: "transport", "ageing", …
    load: int  # reviews assigned and not yet submitted


@dataclass(frozen=True)
class Suggestion:
    candidate: Candidate
    shared: tuple[str, ...]  # the proposal's topics the reviewer knows, in the proposal's order

    @property
    def key(self):
        return self.candidate.key


def suggest_reviewers(
    candidates: Iterable[Candidate],
    topics: Iterable[str],
    exclude: Iterable[Hashable] = (),
    limit: int | None = None,
) -> list[Suggestion]:
    """Candidates ordered by shared topics (most first), then load (least first), then name."""
    wanted = list(dict.fromkeys(topics))  # keeps the proposal's order, without repeats
    left_out = set(exclude)
    suggestions = [
        Suggestion(candidate, tuple(topic for topic in wanted if topic in candidate.expertise))
        for candidate in candidates
        if candidate.key not in left_out
    ]
    suggestions.sort(key=lambda s: (-len(s.shared), s.candidate.load, s.candidate.name, str(s.key)))
    return suggestions if limit is None else suggestions[:limit]
