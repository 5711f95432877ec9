"""A score outside its factor's scale is refused with a clear message; nothing is saved,
not even the other, valid scores of the same form."""

import pytest
from django.core.exceptions import ValidationError

from livinglab.reviews import services
from livinglab.reviews.models import GateAnswer, Score

from .conftest import assigned, full_review


def test_service_refuses_and_saves_nothing(reviews):
    a = assigned(reviews, reviews.first)
    with pytest.raises(ValidationError) as refused:
        services.save_review(reviews.first, a, full_review(reviews, [5, 9, 3, 3]), submit=True)
    name = reviews.factors[1].name
    assert any(name in m and "1" in m and "5" in m and "9" in m for m in refused.value.messages)
    assert not Score.objects.exists() and not GateAnswer.objects.exists()
    a.refresh_from_db()
    assert a.submitted_at is None


def test_a_draft_with_a_bad_score_is_refused_too(reviews):
    a = assigned(reviews, reviews.first)
    services.save_review(reviews.first, a, full_review(reviews, [3, 3, 3, 3]))
    with pytest.raises(ValidationError):
        services.save_review(reviews.first, a, full_review(reviews, [0, 4, 4, 4]))
    assert sorted(Score.objects.values_list("value", flat=True)) == [3, 3, 3, 3]


def test_page_shows_the_message(client, reviews):
    a = assigned(reviews, reviews.first)
    client.force_login(reviews.first)
    data = {"action": "submit"}
    for f, v in zip(reviews.factors, [4, 4, 6, 4], strict=True):
        data[f"score_{f.pk}"] = v
    for g in reviews.gates:
        data[f"gate_{g.pk}"] = "yes"
        data[f"gate_reason_{g.pk}"] = "符合"
    response = client.post(f"/reviews/assignments/{a.pk}/review/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert reviews.factors[2].name in page and "6" in page
    assert not Score.objects.exists()


def test_api_answers_400_with_the_reasons(client, reviews):
    a = assigned(reviews, reviews.first)
    client.force_login(reviews.first)
    response = client.post(
        f"/api/reviews/assignments/{a.pk}/review",
        {"scores": [{"factor": reviews.factors[0].pk, "value": -1}], "submit": False},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert reviews.factors[0].name in response.json()["errors"][0]
    assert not Score.objects.exists()


def test_a_factor_of_another_call_is_refused(reviews):
    from tests.pipeline import make_call

    other_call = make_call(reviews.world, "另一期徵案")
    foreign = other_call.factors.first()
    a = assigned(reviews, reviews.first)
    review = full_review(reviews, [3, 3, 3, 3])
    review.scores[foreign.pk] = (3, "")
    with pytest.raises(ValidationError):
        services.save_review(reviews.first, a, review)
    assert not Score.objects.exists()


def test_submitting_needs_every_factor_and_gate_with_reasons(reviews):
    a = assigned(reviews, reviews.first)
    review = full_review(reviews, [3, 3, 3, 3])
    del review.scores[reviews.factors[3].pk]
    review.gates[reviews.gates[0].pk] = (False, "")
    with pytest.raises(ValidationError) as refused:
        services.save_review(reviews.first, a, review, submit=True)
    text = " ".join(refused.value.messages)
    assert reviews.factors[3].name in text and reviews.gates[0].question in text
    assert not Score.objects.exists()
