"""A word needs every gram of its pieces: one join and one semi-join per other gram,
never a count of grams per case (GROUP BY/HAVING), whatever the word's length."""

import pytest

from livinglab.search.index import search
from livinglab.tracking.models import Case

pytestmark = pytest.mark.django_db(transaction=True)


def titles(query):
    return set(search(Case.objects.all(), query).values_list("title", flat=True))


def test_every_pair_of_a_short_word_must_be_there(registry):
    Case.objects.create(body=registry.world.body, title="捕獸夾回收")  # 捕獸 but not 獸鋏
    assert titles("捕獸鋏") == {"山區捕獸鋏及山豬吊宣導及清除交流"}
    assert titles("捕獸") == {"山區捕獸鋏及山豬吊宣導及清除交流", "捕獸夾回收"}


def test_one_lookup_per_pair(registry):
    # The rarest pair is joined (its index gives the order), the others are semi-joins.
    sql = str(search(Case.objects.all(), "捕獸鋏").query)
    assert sql.count('JOIN "search_casegram"') == 1 and "HAVING" not in sql
    assert sql.count('FROM "search_casegram" U0') == 1 and "EXISTS" in sql


@pytest.mark.parametrize(
    ("word", "lookups"),
    [
        ("鋏", 0),
        ("捕獸", 0),
        ("捕獸鋏", 1),
        ("交流合作", 1),
        ("捕獸鋏宣導", 2),
        ("食農教育交流合作", 3),
    ],
)
def test_a_word_of_any_length_is_a_walk(registry, word, lookups):
    sql = str(search(Case.objects.all(), word).query)
    assert sql.count('JOIN "search_casegram"') == 1
    assert sql.count("EXISTS") == lookups
    assert "HAVING" not in sql and "GROUP BY" not in sql


def test_the_rarest_gram_is_walked(registry):
    from livinglab.search.index import rarest_first

    for n in range(3):
        Case.objects.create(body=registry.world.body, title=f"鋏具回收{n}")
    # 捕獸 is in one case, 鋏 in four: whatever the query's order, 捕獸 leads.
    assert rarest_first(["鋏", "捕獸"]) == ["捕獸", "鋏"]
    sql = str(search(Case.objects.all(), "鋏 捕獸").query)
    assert "= 捕獸)" in sql.split("WHERE")[0]  # the joined gram


def test_a_search_is_counted_in_its_order(registry):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from livinglab.tracking.registry import capped_count

    with CaptureQueriesContext(connection) as queries:
        assert capped_count(search(Case.objects.all(), "捕獸鋏"), 10) == 1
        assert capped_count(Case.objects.all(), 10) == 4
    sized, searched, listed = (q["sql"] for q in queries.captured_queries)
    assert "LIMIT 2000" in sized  # the grams sized, up to a cap each
    assert "ORDER BY" in searched and "LIMIT 11" in searched  # read in order up to the cap
    assert "ORDER BY" not in listed
