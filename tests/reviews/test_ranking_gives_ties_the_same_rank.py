"""Ranking: best first, equal keys share a rank (1, 2, 2, 4), unreviewed ones last."""

from fractions import Fraction

from livinglab.reviews.aggregation import rank


def test_competition_ranks_with_ties():
    scores = {"a": Fraction(1, 2), "b": Fraction(3, 4), "c": Fraction(1, 2), "d": Fraction(1, 4)}
    ranked = rank(scores, key=lambda name: (scores[name],))
    assert [(r.rank, r.item, r.tied) for r in ranked] == [
        (1, "b", False),
        (2, "a", True),
        (2, "c", True),
        (4, "d", False),
    ]


def test_ties_are_exact_whatever_the_order_of_sums():
    # 0.1 + 0.2 is not 0.3 in floats; in fractions it is.
    one = Fraction(1, 10) + Fraction(2, 10)
    other = Fraction(3, 10)
    ranked = rank(["x", "y"], key=lambda name: (one if name == "x" else other,))
    assert [r.rank for r in ranked] == [1, 1]


def test_unrankable_items_follow_without_a_rank_in_given_order():
    ranked = rank(["late", "good", "later"], key=lambda n: None if n.startswith("late") else (1,))
    assert [(r.rank, r.item) for r in ranked] == [(1, "good"), (None, "late"), (None, "later")]


def test_earlier_parts_of_the_key_come_first():
    # passing the gates outranks a higher score that fails them
    rows = {"fails": (False, Fraction(9, 10)), "passes": (True, Fraction(1, 10))}
    ranked = rank(rows, key=lambda name: rows[name])
    assert [r.item for r in ranked] == ["passes", "fails"]


def test_empty():
    assert rank([], key=lambda item: (1,)) == []
