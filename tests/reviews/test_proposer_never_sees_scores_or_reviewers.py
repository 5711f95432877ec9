"""A proposer never sees scores, summaries, reviewers or review events of their proposal."""

from livinglab.proposals.services import history_for
from livinglab.reviews.models import Assignment, GateAnswer, ReviewSummary, Score

from .conftest import submitted


def test_querysets_show_the_proposer_nothing(reviews):
    submitted(reviews, reviews.first, [5, 4, 4, 3])
    proposer = reviews.world.proposer
    assert Score.objects.count() == 4
    assert not Score.objects.visible_to(proposer).exists()
    assert not GateAnswer.objects.visible_to(proposer).exists()
    assert not ReviewSummary.objects.visible_to(proposer).exists()
    assert not Assignment.objects.visible_to(proposer).exists()


def test_history_hides_review_events_from_the_proposer(reviews):
    submitted(reviews, reviews.first, [5, 4, 4, 3])
    kinds = set(
        history_for(reviews.world.proposer, reviews.proposal).values_list("kind", flat=True)
    )
    assert not {k for k in kinds if k.startswith("review_")}
    all_kinds = set(
        history_for(reviews.world.secretary, reviews.proposal).values_list("kind", flat=True)
    )
    assert {"review_assigned", "review_no_conflict", "review_submitted"} <= all_kinds


def test_pages_and_api_refuse_the_proposer(client, reviews):
    a = submitted(reviews, reviews.first, [5, 4, 4, 3])
    client.force_login(reviews.world.proposer)
    assert client.get(f"/reviews/assignments/{a.pk}/").status_code == 404
    assert client.get(f"/reviews/proposals/{reviews.proposal.pk}/").status_code == 403
    assert client.get(f"/reviews/calls/{reviews.call.pk}/").status_code in (403, 404)
    assert client.get(f"/reviews/calls/{reviews.call.pk}/ranking.xlsx").status_code in (403, 404)
    assert client.get(f"/api/reviews/calls/{reviews.call.pk}/ranking").status_code in (403, 404)
    assert client.get("/api/reviews/assignments").json() == []


def test_a_reviewer_reads_no_ranked_list(client, reviews):
    submitted(reviews, reviews.first, [5, 4, 4, 3])
    client.force_login(reviews.first)
    assert client.get(f"/reviews/calls/{reviews.call.pk}/").status_code == 403
    assert client.get(f"/api/reviews/calls/{reviews.call.pk}/ranking").status_code == 403
    assert client.get(f"/reviews/proposals/{reviews.proposal.pk}/").status_code == 403
