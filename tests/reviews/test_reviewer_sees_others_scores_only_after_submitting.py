"""Other reviewers' scores show only once one's own review is submitted, by number."""

from livinglab.reviews import services
from livinglab.reviews.models import Score

from .conftest import assigned, full_review, submitted


def test_before_and_after_submitting(client, reviews):
    submitted(reviews, reviews.second, [1, 2, 1, 2])
    mine = assigned(reviews, reviews.first)
    services.save_review(reviews.first, mine, full_review(reviews, [5, 5, 4, 5]))

    visible = Score.objects.visible_to(reviews.first)
    assert set(visible.values_list("assignment__reviewer", flat=True)) == {reviews.first.pk}
    client.force_login(reviews.first)
    detail = client.get(f"/api/reviews/assignments/{mine.pk}").json()
    assert detail["others"] == []
    page = client.get(f"/reviews/assignments/{mine.pk}/").content.decode()
    assert "評語0" in page  # own draft comment, in the form
    assert "李委員" not in page

    services.save_review(reviews.first, mine, full_review(reviews, [5, 5, 4, 5]), submit=True)
    visible = Score.objects.visible_to(reviews.first)
    assert set(visible.values_list("assignment__reviewer", flat=True)) == {
        reviews.first.pk,
        reviews.second.pk,
    }
    detail = client.get(f"/api/reviews/assignments/{mine.pk}").json()
    assert [s["value"] for s in detail["others"][0]["scores"]] == [1, 2, 1, 2]
    assert detail["others"][0]["reviewer"] == "2"  # a number, not the person
    page = client.get(f"/reviews/assignments/{mine.pk}/").content.decode()
    assert "李委員" not in page


def test_drafts_of_others_stay_hidden_after_submitting(reviews):
    other = assigned(reviews, reviews.second)
    services.save_review(reviews.second, other, full_review(reviews, [2, 2, 2, 2]))
    submitted(reviews, reviews.first, [4, 4, 4, 4])
    visible = Score.objects.visible_to(reviews.first)
    assert reviews.second.pk not in set(visible.values_list("assignment__reviewer", flat=True))


def test_a_reviewer_of_another_proposal_sees_none(reviews):
    submitted(reviews, reviews.second, [1, 2, 1, 2])
    submitted(reviews, reviews.first, [3, 3, 3, 3], proposal=reviews.other)
    visible = Score.objects.visible_to(reviews.first)
    assert set(visible.values_list("assignment__proposal", flat=True)) == {reviews.other.pk}
