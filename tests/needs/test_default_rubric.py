from decimal import Decimal

from django.utils import translation

from tests.pipeline import make_call


def test_a_new_call_gets_three_gates_and_four_factors_from_one_to_five(world):
    with translation.override("zh-hant"):
        call = make_call(world)
    assert call.gates.count() == 3
    factors = list(call.factors.all())
    assert len(factors) == 4
    assert all((f.scale_min, f.scale_max, f.weight) == (1, 5, Decimal("1.00")) for f in factors)
    assert [g.order for g in call.gates.all()] == [0, 1, 2]


def test_default_rubric_leaves_an_existing_rubric_alone(world):
    from livinglab.needs.services import default_rubric

    call = make_call(world)
    call.factors.first().delete()
    default_rubric(call)
    assert call.factors.count() == 3
