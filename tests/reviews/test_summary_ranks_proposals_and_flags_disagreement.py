"""A proposal's summary (weighted mean, spread, disagreement, gates) and the call's ranks."""

from decimal import Decimal

from livinglab.reviews import ranking, services
from livinglab.reviews.models import ReviewSummary

from .conftest import submitted


def test_two_reviewers_far_apart_are_flagged(reviews):
    submitted(reviews, reviews.first, [5, 5, 5, 4])  # (4+4+4+3)/16 = 0.9375
    submitted(reviews, reviews.second, [2, 1, 2, 1])  # (1+0+1+0)/16 = 0.125
    summary = ReviewSummary.objects.get(proposal=reviews.proposal)
    assert summary.submitted == summary.assigned == 2
    assert summary.score == Decimal("0.531250")
    assert summary.spread == Decimal("0.812500")
    assert summary.disagreement and summary.passes_gates


def test_close_reviewers_are_not_flagged(reviews):
    submitted(reviews, reviews.first, [4, 4, 4, 4])
    submitted(reviews, reviews.second, [4, 3, 4, 3])
    summary = ReviewSummary.objects.get(proposal=reviews.proposal)
    assert not summary.disagreement
    assert summary.spread == Decimal("0.125000")


def test_weights_of_the_call_count(reviews):
    smart = reviews.factors[0]
    smart.weight = Decimal("3")
    smart.save()
    submitted(reviews, reviews.first, [5, 1, 1, 1])  # 3*1 / 6 = 0.5
    assert ReviewSummary.objects.get(proposal=reviews.proposal).score == Decimal("0.5")


def test_failing_a_gate_ranks_below_passing(reviews):
    no = [False, False, True]
    submitted(reviews, reviews.first, [5, 5, 5, 5], answers=no)
    submitted(reviews, reviews.first, [2, 2, 2, 2], proposal=reviews.other)
    rows = ranking.ranked(reviews.world.secretary, reviews.call)
    assert [(r.rank, r.proposal.pk) for r in rows] == [
        (1, reviews.other.pk),
        (2, reviews.proposal.pk),
    ]
    assert not rows[1].summary.passes_gates


def test_equal_scores_share_a_rank_and_unreviewed_follow(reviews):
    from livinglab.proposals.models import Proposal
    from tests.pipeline import make_proposal

    third = make_proposal(
        reviews.world, reviews.call, title="智慧路燈節能", status=Proposal.Status.SUBMITTED
    )
    submitted(reviews, reviews.first, [4, 4, 3, 3])
    submitted(reviews, reviews.first, [3, 3, 4, 4], proposal=reviews.other)
    rows = ranking.ranked(reviews.world.secretary, reviews.call)
    assert [r.rank for r in rows] == [1, 1, None]
    assert rows[0].tied and rows[1].tied
    assert rows[2].proposal == third


def test_a_conflict_leaves_the_count_of_reviewers(reviews):
    from .conftest import assigned

    submitted(reviews, reviews.first, [4, 4, 4, 4])
    a = assigned(reviews, reviews.third, declared=False)
    services.declare(reviews.third, a, conflict=True, reason="同事")
    summary = ReviewSummary.objects.get(proposal=reviews.proposal)
    assert summary.assigned == 1 and summary.submitted == 1 and summary.is_complete


def test_ranked_page_shows_the_flag(client, reviews):
    submitted(reviews, reviews.first, [5, 5, 5, 4])
    submitted(reviews, reviews.second, [2, 1, 2, 1])
    client.force_login(reviews.world.secretary)
    page = client.get(f"/reviews/calls/{reviews.call.pk}/").content.decode()
    assert "has-disagreement" in page and "53.1" in page and "81.3" in page


def test_a_page_of_the_ranked_list_keeps_ranks_of_the_whole_call(reviews):
    submitted(reviews, reviews.first, [2, 2, 2, 2])
    submitted(reviews, reviews.first, [5, 5, 5, 5], proposal=reviews.other)
    page = ranking.ranked_page(reviews.world.secretary, reviews.call, page=2, per_page=1)
    assert (page.count, page.page, page.pages) == (2, 2, 2)
    assert [(r.rank, r.proposal) for r in page.rows] == [(2, reviews.proposal)]
    past = ranking.ranked_page(reviews.world.secretary, reviews.call, page=9, per_page=1)
    assert past.page == 2
