"""A proposal's score: the weighted mean of factor scores placed on 0..1 by their scale,
averaged over reviewers, with the spread between reviewers and a disagreement flag."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from livinglab.reviews.aggregation import (
    DISAGREEMENT_MARGIN,
    Factor,
    aggregate,
    factor_spreads,
    gates_passed,
    reviewer_total,
)

CITY = [
    Factor("smart", Decimal("0.3")),
    Factor("scale", Decimal("0.3")),
    Factor("market", Decimal("0.2")),
    Factor("export", Decimal("0.2")),
]


def test_top_marks_everywhere_is_one_and_bottom_marks_zero():
    assert reviewer_total(CITY, dict.fromkeys(["smart", "scale", "market", "export"], 5)) == 1
    assert reviewer_total(CITY, dict.fromkeys(["smart", "scale", "market", "export"], 1)) == 0


def test_weights_count_in_the_mean():
    # smart and scale (0.6 of the weight) at 5, the rest at 1: 0.6
    total = reviewer_total(CITY, {"smart": 5, "scale": 5, "market": 1, "export": 1})
    assert total == Fraction(3, 5)


def test_factors_on_different_scales_are_normalised_before_weighing():
    factors = [Factor("a", 1, 1, 5), Factor("b", 1, 0, 10)]
    # 4 on 1..5 is 0.75; 7 on 0..10 is 0.7; equal weights: 0.725
    assert reviewer_total(factors, {"a": 4, "b": 7}) == Fraction(29, 40)


def test_all_weights_zero_counts_factors_equally():
    factors = [Factor("a", 0), Factor("b", 0)]
    assert reviewer_total(factors, {"a": 5, "b": 1}) == Fraction(1, 2)


def test_a_missing_factor_is_an_error_not_a_zero():
    with pytest.raises(ValueError, match="not scored"):
        reviewer_total(CITY, {"smart": 5})


def test_a_value_outside_the_scale_is_an_error():
    with pytest.raises(ValueError, match="outside"):
        reviewer_total(CITY, {"smart": 6, "scale": 5, "market": 1, "export": 1})
    with pytest.raises(ValueError, match="outside"):
        Factor("x", 1, 1, 5).normalise(0)


def test_a_scale_must_have_room():
    with pytest.raises(ValueError):
        Factor("x", 1, 3, 3)


def test_mean_and_spread_of_reviewers():
    result = aggregate([Fraction(1, 2), Fraction(3, 4), Fraction(1, 4)])
    assert result.reviews == 3
    assert result.score == Fraction(1, 2)
    assert result.spread == Fraction(1, 2)
    assert result.lowest == Fraction(1, 4) and result.highest == Fraction(3, 4)
    assert result.disagreement


def test_no_reviews_has_no_score_and_no_flag():
    result = aggregate([])
    assert result.score is None and result.spread is None and not result.disagreement


def test_one_reviewer_never_disagrees():
    result = aggregate([Fraction(1, 10)])
    assert result.spread == 0 and not result.disagreement


def test_disagreement_only_beyond_the_margin():
    assert not aggregate([Fraction(0), DISAGREEMENT_MARGIN]).disagreement
    assert aggregate([Fraction(0), DISAGREEMENT_MARGIN + Fraction(1, 1000)]).disagreement
    assert aggregate([Fraction(0), Fraction(1, 10)], margin=Decimal("0.05")).disagreement


def test_factor_spreads_show_where_reviewers_part():
    spreads = factor_spreads(
        CITY,
        [
            {"smart": 5, "scale": 3, "market": 2, "export": 2},
            {"smart": 1, "scale": 3, "market": 3, "export": 2},
        ],
    )
    assert spreads == {"smart": 1, "scale": 0, "market": Fraction(1, 4), "export": 0}


def test_a_gate_fails_only_when_most_reviewers_say_no():
    tally, passed = gates_passed([("duty", True), ("duty", False), ("policy", True)])
    assert tally["duty"].yes == 1 and tally["duty"].no == 1
    assert passed
    tally, passed = gates_passed([("duty", False), ("duty", False), ("duty", True)])
    assert not tally["duty"].passed and not passed


@settings(deadline=None)  # exact fractions; a busy machine must not fail it on time
@given(
    st.lists(
        st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(1, 5), st.integers(1, 5)),
        min_size=1,
        max_size=8,
    )
)
def test_score_lies_between_the_lowest_and_highest_reviewer(reviews):
    totals = [
        reviewer_total(CITY, dict(zip(["smart", "scale", "market", "export"], r, strict=True)))
        for r in reviews
    ]
    result = aggregate(totals)
    assert 0 <= result.lowest <= result.score <= result.highest <= 1
    assert result.spread == result.highest - result.lowest
