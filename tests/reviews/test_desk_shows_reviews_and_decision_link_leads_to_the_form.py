"""The pipeline desk shows a reviewer's reviews due and the secretariat's call work; the
proposal page's decision link leads to the decision form on the reviews page."""

from .conftest import assigned


def test_desk_lists_reviews_due(client, reviews):
    a = assigned(reviews, reviews.first, declared=False)
    client.force_login(reviews.first)
    page = client.get("/lab/").content.decode()
    assert f"/reviews/assignments/{a.pk}/" in page
    client.force_login(reviews.world.secretary)
    page = client.get("/lab/").content.decode()
    assert f"/reviews/calls/{reviews.call.pk}/" in page


def test_desk_shows_nothing_of_reviews_to_a_proposer(client, reviews):
    assigned(reviews, reviews.first, declared=False)
    client.force_login(reviews.world.proposer)
    page = client.get("/lab/").content.decode()
    assert "/reviews/assignments/" not in page and "desk-reviews" not in page


def test_decision_link_redirects_to_the_form(client, reviews):
    client.force_login(reviews.world.secretary)
    response = client.get(f"/reviews/proposals/{reviews.proposal.pk}/decide/")
    assert response.status_code == 302
    assert response["Location"] == f"/reviews/proposals/{reviews.proposal.pk}/#decision"
    client.force_login(reviews.world.proposer)
    assert client.get(f"/reviews/proposals/{reviews.proposal.pk}/decide/").status_code == 403
