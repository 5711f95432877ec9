"""The API: a reviewer lists assignments, declares, saves, submits; the secretariat ranks."""

from livinglab.reviews.models import Assignment

from .conftest import assigned


def test_reviewer_journey_over_the_api(client, reviews):
    a = assigned(reviews, reviews.first, declared=False)
    client.force_login(reviews.first)
    listed = client.get("/api/reviews/assignments?pending=true").json()
    assert [x["id"] for x in listed] == [a.pk]
    assert listed[0]["state"] == "to_declare"
    detail = client.get(f"/api/reviews/assignments/{a.pk}").json()
    assert detail["factors"] == []  # the rubric follows the declaration

    declared = client.post(
        f"/api/reviews/assignments/{a.pk}/declare",
        {"conflict": False},
        content_type="application/json",
    )
    assert declared.status_code == 200 and declared.json()["state"] == "in_progress"
    detail = client.get(f"/api/reviews/assignments/{a.pk}").json()
    assert len(detail["factors"]) == 4 and len(detail["gates"]) == 3

    payload = {
        "scores": [{"factor": f["id"], "value": 4, "comment": "可行"} for f in detail["factors"]],
        "gates": [{"gate": g["id"], "answer": True, "reason": "符合"} for g in detail["gates"]],
        "submit": True,
    }
    done = client.post(
        f"/api/reviews/assignments/{a.pk}/review", payload, content_type="application/json"
    )
    assert done.status_code == 200, done.content
    assert done.json()["state"] == "submitted"
    assert Assignment.objects.get(pk=a.pk).submitted_at is not None

    client.force_login(reviews.world.secretary)
    answer = client.get(f"/api/reviews/calls/{reviews.call.pk}/ranking").json()
    assert answer["count"] == 2
    ranking = answer["items"]
    top = ranking[0]
    assert top["proposal"]["id"] == reviews.proposal.pk and top["rank"] == 1
    assert top["score"] == 75.0 and top["disagreement"] is False
    assert ranking[1]["rank"] is None


def test_declaring_a_conflict_without_reason_is_400(client, reviews):
    a = assigned(reviews, reviews.first, declared=False)
    client.force_login(reviews.first)
    response = client.post(
        f"/api/reviews/assignments/{a.pk}/declare",
        {"conflict": True, "reason": ""},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert Assignment.objects.get(pk=a.pk).declared_at is None


def test_anonymous_is_401(client, reviews):
    assert client.get("/api/reviews/assignments").status_code == 401


def test_ranking_api_pages_keep_the_ranks(client, reviews):
    from .conftest import submitted

    submitted(reviews, reviews.first, [2, 2, 2, 2])
    submitted(reviews, reviews.first, [5, 5, 5, 5], proposal=reviews.other)
    client.force_login(reviews.world.secretary)
    url = f"/api/reviews/calls/{reviews.call.pk}/ranking"
    second = client.get(url, {"limit": 1, "offset": 1}).json()
    assert second["count"] == 2
    assert [(r["rank"], r["proposal"]["id"]) for r in second["items"]] == [(2, reviews.proposal.pk)]
    assert client.get(url, {"limit": 0}).status_code == 422
