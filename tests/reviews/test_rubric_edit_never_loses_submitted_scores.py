"""Editing the rubric of an open call never loses a submitted score or a gate answer:
removing a factor or gate that reviewers used is refused with a message naming it, and
nothing of the edit is saved; one nobody used can still be removed."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from livinglab.needs.services import FactorRow, GateRow, set_rubric
from livinglab.reviews.models import GateAnswer, ReviewSummary, Score

from .conftest import submitted


@pytest.fixture
def scored(reviews):
    """The call still open, one review submitted against its four factors and gates."""
    reviews.call.closes_at = timezone.now() + dt.timedelta(days=10)
    reviews.call.save()
    submitted(reviews, reviews.first, [5, 4, 3, 2])
    return reviews


def _rows(factors, gates):
    return (
        [GateRow(question=g.question, pk=g.pk) for g in gates],
        [FactorRow(name=f.name, guidance=f.guidance, pk=f.pk) for f in factors],
    )


def test_removing_a_scored_factor_is_refused_and_nothing_is_saved(scored):
    gates, factors = _rows(scored.factors[1:], scored.gates)
    factors[0].name = "可擴散性（改寫）"
    with translation.override("zh-hant"), pytest.raises(ValidationError) as refused:
        set_rubric(scored.world.secretary, scored.call, gates, factors)
    assert refused.value.messages == [
        f"審查委員已為「{scored.factors[0].name}」評分：已有評分的評分項目不能刪除"
        "（可改寫其文字或權重）。本次修改未儲存。"
    ]
    assert scored.call.factors.count() == 4
    assert Score.objects.count() == 4
    assert not scored.call.factors.filter(name="可擴散性（改寫）").exists()  # all or nothing
    assert ReviewSummary.objects.get(proposal=scored.proposal).score is not None


def test_removing_an_answered_gate_is_refused_too(scored):
    gates, factors = _rows(scored.factors, scored.gates[:2])
    with pytest.raises(ValidationError) as refused:
        set_rubric(scored.world.secretary, scored.call, gates, factors)
    assert scored.gates[2].question in refused.value.messages[0]
    assert GateAnswer.objects.count() == 3 and scored.call.gates.count() == 3


def test_a_factor_nobody_scored_can_still_be_removed(scored):
    gates, factors = _rows(scored.factors, scored.gates)
    factors.append(FactorRow(name="能源效益"))
    set_rubric(scored.world.secretary, scored.call, gates, factors)
    gates, factors = _rows(scored.factors, scored.gates)  # the new one left out
    set_rubric(scored.world.secretary, scored.call, gates, factors)
    assert list(scored.call.factors.values_list("name", flat=True)) == [
        f.name for f in scored.factors
    ]
    assert Score.objects.count() == 4


def test_the_rubric_page_says_why(client, scored):
    factors = scored.factors
    data = {
        "gates-TOTAL_FORMS": "0",
        "gates-INITIAL_FORMS": "0",
        "factors-TOTAL_FORMS": str(len(factors)),
        "factors-INITIAL_FORMS": str(len(factors)),
    }
    for i, factor in enumerate(factors):
        data.update(
            {
                f"factors-{i}-pk": factor.pk,
                f"factors-{i}-name": factor.name,
                f"factors-{i}-scale_min": 1,
                f"factors-{i}-scale_max": 5,
                f"factors-{i}-weight": "1",
            }
        )
    data["factors-3-DELETE"] = "on"
    client.force_login(scored.world.secretary)
    page = client.post(f"/calls/{scored.call.pk}/rubric/", data, headers={"accept-language": "en"})
    assert page.status_code == 200
    html = page.content.decode()
    assert f"Reviewers have already scored “{factors[3].name}”" in html
    assert "Reviewers have already answered" in html  # the gates left out have answers too
    assert Score.objects.count() == 4 and GateAnswer.objects.count() == 3
