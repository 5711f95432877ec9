"""The ranked list is counted by the database page by page, and gives every proposal the
rank and tie that `aggregation.rank` gives it over the whole call: gates first, then
score, equal scores sharing a rank across page edges, unscored ones last, withdrawn
and draft proposals left out."""

from decimal import Decimal

import pytest

from livinglab.proposals.models import Proposal
from livinglab.reviews import aggregation, ranking
from livinglab.reviews.models import ReviewSummary
from tests.pipeline import make_proposal

SCORES = [Decimal("0.25"), Decimal("0.5"), Decimal("0.5625"), Decimal("0.75"), None]


@pytest.fixture
def crowded(reviews):
    """Forty more proposals with summaries in a shuffled pattern (many ties), a few with
    no summary at all, one withdrawn and one draft that carry a score."""
    for n in range(40):
        p = make_proposal(
            reviews.world, reviews.call, title=f"提案{n}", status=Proposal.Status.UNDER_REVIEW
        )
        if n % 9 == 0:
            continue  # never assigned: no summary
        score = SCORES[n * 7 % len(SCORES)]
        ReviewSummary.objects.create(
            proposal=p,
            call=reviews.call,
            assigned=2,
            submitted=0 if score is None else 2,
            score=score,
            spread=None if score is None else Decimal("0.1"),
            passes_gates=score is None or n * 3 % 10 > 2,
        )
    for status in (Proposal.Status.WITHDRAWN, Proposal.Status.DRAFT):
        gone = make_proposal(reviews.world, reviews.call, title=status, status=status)
        ReviewSummary.objects.create(
            proposal=gone, call=reviews.call, submitted=1, score=Decimal("1"), spread=0
        )
    return reviews


def _expected(call):
    listed = Proposal.objects.filter(call=call, status__in=ranking.LISTED).order_by("pk")

    def key(p):
        s = getattr(p, "review_summary", None)
        return None if s is None or s.score is None else (s.passes_gates, s.score)

    return [(r.rank, r.tied, r.item.pk) for r in aggregation.rank(listed, key=key)]


@pytest.mark.parametrize("per_page", [1, 4, 7, 100])
def test_pages_put_together_are_the_whole_ranking(crowded, per_page):
    expected = _expected(crowded.call)
    secretary = crowded.world.secretary
    first = ranking.ranked_page(secretary, crowded.call, 1, per_page)
    assert first.count == len(expected) == 42  # the two first proposals and forty more
    got = []
    for number in range(1, first.pages + 1):
        page = ranking.ranked_page(secretary, crowded.call, number, per_page)
        got += [(r.rank, r.tied, r.proposal.pk) for r in page.rows]
    assert got == expected
    assert any(tied for _rank, tied, _pk in expected)  # the draw has ties to carry


def test_a_window_from_any_offset_is_the_same_slice(crowded):
    expected = _expected(crowded.call)
    secretary = crowded.world.secretary
    for offset in (0, 5, 13, 30, 41, 60):
        rows, count = ranking.ranked_window(secretary, crowded.call, offset, 9)
        assert count == 42
        assert [(r.rank, r.tied, r.proposal.pk) for r in rows] == expected[offset : offset + 9]


def test_the_export_reads_the_whole_list(crowded):
    rows = ranking.ranked(crowded.world.secretary, crowded.call)
    assert [(r.rank, r.tied, r.proposal.pk) for r in rows] == _expected(crowded.call)
    hidden = {Proposal.Status.WITHDRAWN, Proposal.Status.DRAFT}
    assert not any(r.proposal.status in hidden for r in rows)
