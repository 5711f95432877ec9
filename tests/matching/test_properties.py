"""The ranker never crashes on arbitrary text and returns only known ids, best first."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from livinglab.matching import Item, rank_needs

words = st.sampled_from(
    ["停車", "長照", "parking", "臺北", "ＡＩ", "5G", "，", " ", "\n", "🙂", "\x00", "𠀀"]
)
texts = st.one_of(st.text(), st.lists(words).map("".join))
items = st.builds(
    Item,
    id=st.text(min_size=1, max_size=5),
    title=texts,
    text=texts,
    domain=st.one_of(st.none(), st.sampled_from(["housing", "transport", "health", ""]), st.text()),
    tags=st.lists(st.sampled_from(["traffic", "ageing", "carbon", ""]), max_size=3).map(tuple),
    sites=st.lists(st.text(max_size=3), max_size=2).map(tuple),
)


@settings(max_examples=150, deadline=None)
@given(
    proposal=items,
    needs=st.lists(items, max_size=6, unique_by=lambda item: item.id),
    k=st.integers(0, 8),
)
def test_ranking_never_crashes_and_returns_known_ids_best_first(proposal, needs, k):
    matches = rank_needs(proposal, needs, k=k)
    assert len(matches) == min(k, len(needs))
    assert {match.id for match in matches} <= {need.id for need in needs}
    assert len({match.id for match in matches}) == len(matches)
    scores = [match.score for match in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(match.reason_texts for match in matches)
