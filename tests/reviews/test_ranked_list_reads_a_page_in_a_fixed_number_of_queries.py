"""A page of the ranked list costs the same few queries whatever the size of the call and
wherever the page lies: the first page, one in the middle of the scored proposals, the
page where the unscored ones begin and one among them."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.proposals.models import Proposal
from livinglab.reviews import ranking
from livinglab.reviews.models import ReviewSummary
from tests.pipeline import make_proposal

PER_PAGE = 3
# The listed count, a page of keys, up to four counts for ranks and ties at the edges,
# the unscored ids (and their start, on the page after the last scored one), the rows.
MOST = 9


def _grow(reviews, scored: int, unscored: int) -> None:
    for n in range(scored + unscored):
        p = make_proposal(
            reviews.world, reviews.call, title=f"提案{n}", status=Proposal.Status.UNDER_REVIEW
        )
        if n < scored:
            ReviewSummary.objects.create(
                proposal=p,
                call=reviews.call,
                assigned=1,
                submitted=1,
                score=Decimal(n % 3) / 4,
                spread=Decimal(0),
                passes_gates=n % 4 != 0,
            )


def _queries(reviews, page: int) -> int:
    with CaptureQueriesContext(connection) as captured:
        found = ranking.ranked_page(reviews.world.secretary, reviews.call, page, PER_PAGE)
        assert found.page == page and found.rows
    return len(captured.captured_queries)


def _pages(reviews, scored: int) -> dict[str, int]:
    """Page numbers: first, among the scored, where the unscored begin, among them."""
    return {
        "first": 1,
        "middle": scored // PER_PAGE // 2 + 1,
        "boundary": scored // PER_PAGE + 1,
        "unscored": scored // PER_PAGE + 3,
    }


def test_a_page_costs_the_same_at_any_size(reviews):
    _grow(reviews, scored=13, unscored=10)
    small = {name: _queries(reviews, number) for name, number in _pages(reviews, scored=13).items()}
    assert all(count <= MOST for count in small.values()), small

    _grow(reviews, scored=47, unscored=20)
    large = {name: _queries(reviews, number) for name, number in _pages(reviews, scored=60).items()}
    # Which counts a page needs depends on its keys (a tie at an edge, the gates), never
    # on how many rows there are.
    assert all(count <= MOST for count in large.values()), large


def test_the_page_a_secretary_opens_keeps_its_count(client, reviews, django_assert_max_num_queries):
    client.force_login(reviews.world.secretary)
    url = f"/reviews/calls/{reviews.call.pk}/?page=2"
    _grow(reviews, scored=150, unscored=0)
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    _grow(reviews, scored=100, unscored=30)
    with django_assert_max_num_queries(len(before.captured_queries)):
        assert client.get(url).status_code == 200
