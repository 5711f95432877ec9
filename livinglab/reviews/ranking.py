"""A call's ranked list, counted by the database over the proposals' stored summaries.

Each proposal's aggregate (weighted mean, spread, disagreement, gates; see `aggregation`)
is written to its `ReviewSummary` when its reviews change. The list ranks those rows as
`aggregation.rank` does: proposals that pass the gates above those that fail one, then by
score; equal scores share a rank (1, 2, 2, 4), listed in the order the proposals were
made; proposals without a submitted review follow, unranked, in the same order.

Only one page is ever read: its keys walk the summaries' index `(call, gates, score,
proposal)` from an offset, a rank is one count of the rows above the page's first key,
and a tie at a page's edge one count of its key. A page costs a fixed number of queries
whatever the size of the call. Only the secretariat of the call's body reads it.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef

from livinglab.proposals.models import Proposal
from livinglab.reviews.models import ReviewSummary
from livinglab.reviews.policies import runs_call

# Proposals the list shows: submitted at least once and not withdrawn.
LISTED = (
    Proposal.Status.SUBMITTED,
    Proposal.Status.UNDER_REVIEW,
    Proposal.Status.REVISE,
    Proposal.Status.ACCEPTED,
    Proposal.Status.REJECTED,
)
NOT_LISTED = tuple(status for status in Proposal.Status.values if status not in LISTED)
PER_PAGE = 100


@dataclass
class RankedProposal:
    rank: int | None  # None: no submitted review yet
    tied: bool
    proposal: Proposal

    @property
    def summary(self) -> ReviewSummary | None:
        return getattr(self.proposal, "review_summary", None)


@dataclass
class RankedPage:
    rows: list[RankedProposal]
    count: int  # proposals listed in the call
    page: int
    pages: int


def _check_runs(user, call) -> None:
    if not runs_call(user, call):
        raise PermissionDenied("only the call's secretariat reads the ranked list")


def _hidden(call):
    """The call's proposals the list does not show: drafts and withdrawn ones (few)."""
    return Proposal.objects.filter(call=call, status__in=NOT_LISTED).values("pk")


def _scored(call):
    """The summaries that rank: scored, of a proposal the list shows."""
    return ReviewSummary.objects.filter(call=call, score__isnull=False).exclude(
        proposal_id__in=_hidden(call)
    )


def _unscored(call):
    """Listed proposals without a score, in the order they were made: the call's ids
    walked in order, each looked up in the summaries (no list of every scored one)."""
    scored = ReviewSummary.objects.filter(proposal=OuterRef("pk"), score__isnull=False)
    return (
        Proposal.objects.filter(call=call)
        .exclude(pk__in=_hidden(call))
        .exclude(Exists(scored))
        .order_by("pk")
    )


def _count(call, gates: bool, score=None, *, above: bool = False) -> int:
    """Scored rows with these gates and this score (or above it): one range of the index."""
    # `__in`: a plain `passes_gates=True` is written as a bare truth test, which the
    # index cannot seek on; `IN (1)` is an equality it can.
    rows = _scored(call).filter(passes_gates__in=[gates])
    if score is not None:
        rows = rows.filter(score__gt=score) if above else rows.filter(score=score)
    return rows.count()


def _ranks(call, keys: list[tuple], offset: int) -> list[tuple[int, bool]]:
    """(rank, tied) of each of a run of keys that starts `offset` rows into the ranked
    list. Counted: the rows above the first key, and the rows sharing the first and the
    last key (the only ones a tie can carry past the run's edges); each count is a range
    of the summaries' index."""
    first, last = keys[0], keys[-1]
    above = 0
    if offset:
        gates, score = first
        above = _count(call, gates, score, above=True)
        if not gates:
            above += _count(call, True)
    inside: dict[tuple, int] = {}
    for key in keys:
        inside[key] = inside.get(key, 0) + 1
    if offset:
        inside[first] = _count(call, *first)
    if last != first or not offset:
        inside[last] = _count(call, *last)
    ranks, previous, rank = [], None, above + 1
    for position, key in enumerate(keys, start=offset + 1):
        if previous is not None and key != previous:
            rank = position
        previous = key
        ranks.append((rank, inside[key] > 1))
    return ranks


def _window(user, call, offset: int, limit: int | None) -> list[RankedProposal]:
    """Rows `offset`..`offset + limit` of the list (to its end when `limit` is None)."""
    stop = None if limit is None else offset + limit
    keys = list(
        _scored(call)
        .order_by("-passes_gates", "-score", "proposal_id")
        .values_list("proposal_id", "passes_gates", "score")[offset:stop]
    )
    entries: list[tuple[int, int | None, bool]] = []  # (proposal id, rank, tied)
    if keys:
        ranks = _ranks(call, [(gates, score) for _pk, gates, score in keys], offset)
        entries += [
            (pk, rank, tied) for (pk, _g, _s), (rank, tied) in zip(keys, ranks, strict=True)
        ]
    if limit is None or len(keys) < limit:
        # The window reaches past the ranked rows: the unranked follow them.
        scored = offset + len(keys) if keys or not offset else _scored(call).count()
        start = max(offset - scored, 0)
        end = None if stop is None else stop - scored
        entries += [
            (pk, None, False) for pk in _unscored(call).values_list("pk", flat=True)[start:end]
        ]
    found = (
        Proposal.objects.visible_to(user)
        .select_related("review_summary", "organisation", "domain", "need")
        .in_bulk([pk for pk, _rank, _tied in entries])
    )
    return [
        RankedProposal(rank=rank, tied=tied, proposal=found[pk])
        for pk, rank, tied in entries
        if pk in found
    ]


def _listed(call) -> int:
    """How many proposals the call lists."""
    return Proposal.objects.filter(call=call, status__in=LISTED).count()


def ranked_window(user, call, offset: int = 0, limit: int | None = None):
    """`limit` proposals of the call from `offset` in rank order, and how many there are."""
    _check_runs(user, call)
    return _window(user, call, offset, limit), _listed(call)


def ranked_page(user, call, page: int = 1, per_page: int = PER_PAGE) -> RankedPage:
    """One page of the call's ranked list (the last one if `page` is past it)."""
    _check_runs(user, call)
    listed = _listed(call)
    pages = max(1, -(-listed // per_page))
    page = min(max(1, page), pages)
    rows = _window(user, call, (page - 1) * per_page, per_page)
    return RankedPage(rows=rows, count=listed, page=page, pages=pages)


def ranked(user, call) -> list[RankedProposal]:
    """Every proposal of the call in rank order (for the exports)."""
    return ranked_window(user, call)[0]
