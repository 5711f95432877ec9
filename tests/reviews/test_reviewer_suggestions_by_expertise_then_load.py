"""Suggested reviewers: most shared topics first, then the least loaded, then by name."""

from livinglab.reviews.suggestions import Candidate, suggest_reviewers


def person(key, name, expertise, load):
    return Candidate(key=key, name=name, expertise=frozenset(expertise), load=load)


WANG = person(1, "王", {"transport", "ageing"}, 3)
LIN = person(2, "林", {"transport"}, 0)
CHEN = person(3, "陳", {"health"}, 0)
HUANG = person(4, "黃", {"transport", "ageing"}, 1)


def test_more_shared_topics_first_then_lighter_load():
    found = suggest_reviewers([WANG, LIN, CHEN, HUANG], ["transport", "ageing"])
    assert [s.key for s in found] == [4, 1, 2, 3]
    assert found[0].shared == ("transport", "ageing")
    assert found[-1].shared == ()


def test_equal_expertise_spreads_the_load():
    found = suggest_reviewers([WANG, HUANG], ["transport"])
    assert [s.key for s in found] == [4, 1]


def test_excluded_people_are_never_suggested():
    found = suggest_reviewers([WANG, LIN, HUANG], ["transport"], exclude={4, 2})
    assert [s.key for s in found] == [1]


def test_limit_and_repeated_topics():
    found = suggest_reviewers([WANG, LIN, CHEN, HUANG], ["ageing", "ageing"], limit=2)
    assert [s.key for s in found] == [4, 1]
    assert found[0].shared == ("ageing",)


def test_ties_keep_a_stable_order_by_name():
    a = person(10, "甲", set(), 0)
    b = person(11, "乙", set(), 0)
    assert [s.key for s in suggest_reviewers([b, a], [])] == [
        s.key for s in suggest_reviewers([a, b], [])
    ]
