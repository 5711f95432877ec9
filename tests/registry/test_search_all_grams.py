"""Short words need every pair of characters: one semi-join per pair."""

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
    # The first pair is joined (its index gives the order), the others are semi-joins.
    sql = str(search(Case.objects.all(), "捕獸鋏").query)
    assert sql.count('JOIN "search_casegram"') == 1 and "HAVING" not in sql
    assert sql.count('FROM "search_casegram" U0') == 1 and "EXISTS" in sql
    assert "HAVING" in str(search(Case.objects.all(), "捕獸鋏宣導").query)  # 3 in 4 pairs


def test_a_search_is_counted_in_its_order(registry):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from livinglab.tracking.registry import capped_count

    with CaptureQueriesContext(connection) as queries:
        assert capped_count(search(Case.objects.all(), "捕獸鋏"), 10) == 1
        assert capped_count(Case.objects.all(), 10) == 4
    searched, listed = (q["sql"] for q in queries.captured_queries)
    assert "ORDER BY" in searched and "LIMIT 11" in searched  # read in order up to the cap
    assert "ORDER BY" not in listed
