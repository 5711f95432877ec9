"""The ranked list, the reviewer's queue and the API lists do not grow queries with rows."""

from livinglab.proposals.models import Proposal
from tests.pipeline import make_proposal

from .conftest import assigned, submitted


def _more(reviews, count):
    for n in range(count):
        p = make_proposal(
            reviews.world, reviews.call, title=f"提案{n}", status=Proposal.Status.SUBMITTED
        )
        submitted(reviews, reviews.first, [3, 4, 3, 4], proposal=p)
        assigned(reviews, reviews.second, proposal=p)


def _count(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_ranked_list_queue_and_api(client, reviews, django_assert_max_num_queries):
    _more(reviews, 2)
    urls = {
        "ranking": f"/reviews/calls/{reviews.call.pk}/",
        "api_ranking": f"/api/reviews/calls/{reviews.call.pk}/ranking",
        "export": f"/reviews/calls/{reviews.call.pk}/ranking.xlsx",
    }
    client.force_login(reviews.world.secretary)
    before = {k: _count(client, u, django_assert_max_num_queries, 30) for k, u in urls.items()}
    client.force_login(reviews.second)
    queue_before = _count(client, "/reviews/", django_assert_max_num_queries, 20)
    api_before = _count(client, "/api/reviews/assignments", django_assert_max_num_queries, 20)

    _more(reviews, 6)
    client.force_login(reviews.world.secretary)
    for key, url in urls.items():
        assert _count(client, url, django_assert_max_num_queries, 30) == before[key], key
    client.force_login(reviews.second)
    assert _count(client, "/reviews/", django_assert_max_num_queries, 20) == queue_before
    assert (
        _count(client, "/api/reviews/assignments", django_assert_max_num_queries, 20) == api_before
    )


def test_secretariat_landing_counts_in_few_queries(client, reviews, django_assert_max_num_queries):
    _more(reviews, 3)
    client.force_login(reviews.world.secretary)
    with django_assert_max_num_queries(16):
        page = client.get("/reviews/")
    assert reviews.call.title in page.content.decode()
