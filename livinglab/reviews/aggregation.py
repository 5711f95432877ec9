"""Reviewers' scores brought together: plain Python, no Django, exact arithmetic.

A reviewer's total is the weighted mean of their factor scores, each first placed on
0..1 by its factor's scale (a 4 on a 1..5 scale is 0.75; a 7 on 0..10 is 0.7), so that
factors on different scales weigh only by their weight. A proposal's score is the mean
of its reviewers' totals; its spread is the highest total less the lowest; reviewers
disagree when that spread is larger than a margin. Ranking sorts by score and gives
equal scores the same rank (1, 2, 2, 4).

Arithmetic is done in `Fraction`s, so that two proposals with the same scores are equal
exactly and tie, whatever order the sums were taken in.
"""

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

Number = int | Decimal | Fraction

# Reviewers disagree when their totals lie further apart than a quarter of the scale:
# one whole point on the city's 1..5 scale on every factor (a 2 against a 3 is a shade
# of opinion; a 2 against a 4 on everything is two readings of the same proposal).
DISAGREEMENT_MARGIN = Fraction(1, 4)


@dataclass(frozen=True)
class Factor:
    """A scored factor of a call's rubric, as aggregation needs it."""

    key: Hashable
    weight: Number
    scale_min: int = 1
    scale_max: int = 5

    def __post_init__(self):
        if self.scale_max <= self.scale_min:
            raise ValueError(f"factor {self.key!r}: scale {self.scale_min}..{self.scale_max}")
        if self.weight < 0:
            raise ValueError(f"factor {self.key!r}: negative weight {self.weight}")

    def normalise(self, value: Number) -> Fraction:
        """`value` placed on 0..1 by the factor's scale; outside the scale is an error."""
        if not self.scale_min <= value <= self.scale_max:
            raise ValueError(
                f"factor {self.key!r}: {value} outside {self.scale_min}..{self.scale_max}"
            )
        return Fraction(value - self.scale_min) / (self.scale_max - self.scale_min)


def reviewer_total(factors: Sequence[Factor], values: Mapping[Hashable, Number]) -> Fraction:
    """The weighted mean of one reviewer's normalised scores (0..1).

    Every factor must be scored: a missing one is an error, not a zero, since a review
    is only counted once it is complete. Factors of weight 0 count for nothing; if all
    weigh 0, the factors count equally.
    """
    missing = [factor.key for factor in factors if factor.key not in values]
    if missing:
        raise ValueError(f"factors not scored: {missing!r}")
    if not factors:
        raise ValueError("a rubric without factors cannot be scored")
    weights = [Fraction(factor.weight) for factor in factors]
    if not any(weights):
        weights = [Fraction(1)] * len(factors)
    weighted = sum(
        (w * f.normalise(values[f.key]) for w, f in zip(weights, factors, strict=True)),
        Fraction(0),
    )
    return weighted / sum(weights)


@dataclass(frozen=True)
class Aggregate:
    """What a proposal's reviews add up to. `score` and `spread` are on 0..1."""

    reviews: int
    score: Fraction | None
    spread: Fraction | None
    disagreement: bool
    lowest: Fraction | None = None
    highest: Fraction | None = None

    @property
    def score_percent(self) -> float | None:
        return None if self.score is None else float(self.score * 100)

    @property
    def spread_percent(self) -> float | None:
        return None if self.spread is None else float(self.spread * 100)


NO_REVIEWS = Aggregate(reviews=0, score=None, spread=None, disagreement=False)


def aggregate(totals: Iterable[Fraction], margin: Number = DISAGREEMENT_MARGIN) -> Aggregate:
    """Mean, spread and the disagreement flag of reviewers' totals (each on 0..1)."""
    totals = [Fraction(total) for total in totals]
    if not totals:
        return NO_REVIEWS
    lowest, highest = min(totals), max(totals)
    spread = highest - lowest
    return Aggregate(
        reviews=len(totals),
        score=sum(totals, Fraction(0)) / len(totals),
        spread=spread,
        disagreement=spread > Fraction(margin),
        lowest=lowest,
        highest=highest,
    )


def factor_spreads(
    factors: Sequence[Factor], reviews: Iterable[Mapping[Hashable, Number]]
) -> dict[Hashable, Fraction]:
    """Per factor, how far apart reviewers' normalised scores lie (0 with one reviewer)."""
    reviews = list(reviews)
    spreads = {}
    for factor in factors:
        values = [
            factor.normalise(review[factor.key]) for review in reviews if factor.key in review
        ]
        spreads[factor.key] = max(values) - min(values) if values else Fraction(0)
    return spreads


@dataclass(frozen=True)
class Gates:
    """Reviewers' yes/no answers to one gate: it is passed unless most said no."""

    yes: int = 0
    no: int = 0

    @property
    def passed(self) -> bool:
        return self.no <= self.yes


def gates_passed(answers: Iterable[tuple[Hashable, bool]]) -> tuple[dict[Hashable, Gates], bool]:
    """Tally `(gate, yes?)` answers; the proposal passes when it passes every gate."""
    tally: dict[Hashable, Gates] = {}
    for gate, yes in answers:
        seen = tally.get(gate, Gates())
        tally[gate] = Gates(yes=seen.yes + bool(yes), no=seen.no + (not yes))
    return tally, all(gates.passed for gates in tally.values())


@dataclass(frozen=True)
class Ranked:
    rank: int | None  # None: not reviewed yet, listed last without a rank
    item: object
    tied: bool = field(default=False)


def rank(items: Iterable, key: Callable[[object], tuple | None]) -> list[Ranked]:
    """Items best first, with competition ranks: equal keys share a rank (1, 2, 2, 4).

    `key(item)` returns a tuple where larger is better, or None for an item that cannot
    be ranked yet (no reviews): those follow the ranked ones, in the order given.
    """
    keyed = [(key(item), position, item) for position, item in enumerate(items)]
    ranked = sorted(
        (entry for entry in keyed if entry[0] is not None),
        key=lambda entry: (tuple(-part for part in entry[0]), entry[1]),
    )
    unranked = [Ranked(rank=None, item=entry[2]) for entry in keyed if entry[0] is None]
    counts: dict[tuple, int] = {}
    for entry in ranked:
        counts[entry[0]] = counts.get(entry[0], 0) + 1
    result, previous, current = [], None, 0
    for position, (value, _, item) in enumerate(ranked, start=1):
        if value != previous:
            current, previous = position, value
        result.append(Ranked(rank=current, item=item, tied=counts[value] > 1))
    return result + unranked
