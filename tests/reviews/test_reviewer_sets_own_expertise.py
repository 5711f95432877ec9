"""A reviewer sets the topics they know; suggestions follow them."""

from livinglab.needs.models import Domain
from livinglab.reviews import services
from livinglab.reviews.models import Expertise


def test_reviewer_sets_expertise_and_is_suggested_first(client, reviews):
    client.force_login(reviews.third)
    wanted = Domain.objects.filter(key__in=["transport", "traffic"])
    response = client.post("/reviews/expertise/", {"domains": [d.pk for d in wanted]})
    assert response.status_code == 302
    assert set(
        Expertise.objects.filter(reviewer=reviews.third).values_list("domain__key", flat=True)
    ) == {"transport", "traffic"}
    keys = [s.key for s in services.suggest(reviews.world.secretary, reviews.proposal)]
    assert (
        keys[0] == reviews.third.pk
    )  # knows both; 李 knows the same and has as little open, so the name decides


def test_only_reviewers_have_the_page(client, reviews):
    client.force_login(reviews.world.proposer)
    assert client.get("/reviews/expertise/").status_code == 403
