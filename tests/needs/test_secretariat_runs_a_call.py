"""The secretariat opens a call: dates entered in Taipei time, its needs, reviewers and
the default rubric, which it can then change."""

import datetime as dt
from decimal import Decimal

from livinglab.needs.models import Call, Need
from tests.pipeline import make_call, make_need


def _form(world, need, **extra):
    return {
        "title": "一一六年第一期智慧城市徵案",
        "body": world.body.pk,
        "description": "歡迎新創與學研團隊提案。",
        "opens_at": "2027-03-01T09:00",
        "closes_at": "2027-04-30T17:00",
        "review_due_at": "2027-05-31T17:00",
        "accepts_unsolicited": "on",
        "needs": [need.pk],
        "reviewers": [world.reviewer.pk],
        "is_published": "on",
        **extra,
    }


def test_a_call_is_made_in_taipei_time_with_the_default_rubric(client, world):
    need = make_need(world)
    client.force_login(world.secretary)
    response = client.post("/calls/new/", _form(world, need))
    call = Call.objects.get()
    assert response.status_code == 302
    assert call.opens_at == dt.datetime(2027, 3, 1, 1, 0, tzinfo=dt.UTC)  # 09:00 in Taipei
    assert call.closes_at == dt.datetime(2027, 4, 30, 9, 0, tzinfo=dt.UTC)
    assert list(call.needs.all()) == [need]
    assert list(call.reviewers.all()) == [world.reviewer]
    assert (call.gates.count(), call.factors.count()) == (3, 4)
    page = client.get(f"/calls/{call.pk}/").content.decode()
    assert "116年3月1日 09:00（臺北時間）" in page  # in Taipei time, as an ROC date


def test_a_call_must_close_after_it_opens(client, world):
    need = make_need(world)
    client.force_login(world.secretary)
    client.post("/calls/new/", _form(world, need, closes_at="2027-02-01T09:00"))
    assert not Call.objects.exists()


def test_a_draft_need_cannot_go_into_a_call(client, world):
    draft = make_need(world, status=Need.Status.DRAFT)
    client.force_login(world.secretary)
    client.post("/calls/new/", _form(world, draft))
    assert not Call.objects.exists()


def test_only_the_body_secretariat_runs_the_call(client, world):
    call = make_call(world)
    for user in (world.officer, world.proposer, world.reviewer):
        client.force_login(user)
        assert client.get("/calls/new/").status_code == 403
        assert client.get(f"/calls/{call.pk}/edit/").status_code == 403
        assert client.get(f"/calls/{call.pk}/rubric/").status_code == 403


def test_the_rubric_is_edited_gates_and_factors_with_scale_and_weight(client, world):
    call = make_call(world)
    gates, factors = list(call.gates.all()), list(call.factors.all())
    data = {
        "gates-TOTAL_FORMS": "4",
        "gates-INITIAL_FORMS": "3",
        "factors-TOTAL_FORMS": "5",
        "factors-INITIAL_FORMS": "4",
    }
    for i, gate in enumerate(gates):
        data[f"gates-{i}-pk"] = gate.pk
        data[f"gates-{i}-question"] = gate.question
    data["gates-2-DELETE"] = "on"
    data["gates-3-question"] = "是否有場域可供實證？"
    for i, factor in enumerate(factors):
        data.update(
            {
                f"factors-{i}-pk": factor.pk,
                f"factors-{i}-name": factor.name,
                f"factors-{i}-guidance": factor.guidance,
                f"factors-{i}-scale_min": 1,
                f"factors-{i}-scale_max": 5,
                f"factors-{i}-weight": "1",
            }
        )
    # the empty row as a browser sends it: the defaults of its scale and weight
    data.update({"factors-4-scale_min": "1", "factors-4-scale_max": "5", "factors-4-weight": "1"})
    data["factors-0-weight"] = "2.5"
    data["factors-0-scale_max"] = "10"
    client.force_login(world.secretary)
    response = client.post(f"/calls/{call.pk}/rubric/", data)
    assert response.status_code == 302, response.context["factors"].errors
    assert [g.question for g in call.gates.all()] == [
        gates[0].question,
        gates[1].question,
        "是否有場域可供實證？",
    ]
    first = call.factors.get(pk=factors[0].pk)
    assert (first.scale_max, first.weight) == (10, Decimal("2.50"))


def test_a_factor_with_an_empty_scale_is_refused(client, world):
    call = make_call(world)
    factor = call.factors.first()
    data = {
        "gates-TOTAL_FORMS": "0",
        "gates-INITIAL_FORMS": "0",
        "factors-TOTAL_FORMS": "1",
        "factors-INITIAL_FORMS": "1",
        "factors-0-pk": factor.pk,
        "factors-0-name": factor.name,
        "factors-0-scale_min": "5",
        "factors-0-scale_max": "5",
        "factors-0-weight": "1",
    }
    client.force_login(world.secretary)
    assert client.post(f"/calls/{call.pk}/rubric/", data).status_code == 200
    assert call.factors.count() == 4


def test_the_rubric_of_a_closed_call_stays_as_it_is(world):
    import pytest
    from django.core.exceptions import ValidationError

    from livinglab.needs.services import FactorRow, set_rubric

    call = make_call(world, state="closed")
    with pytest.raises(ValidationError):
        set_rubric(world.secretary, call, [], [FactorRow(name="只剩一項")])
    assert call.factors.count() == 4
