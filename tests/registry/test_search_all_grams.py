"""A word needs every gram of its pieces, and whatever its length it is one lookup in
the database's inverted index: never a count of grams per case (GROUP BY/HAVING),
never a lookup per gram or per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.search.index import search
from livinglab.search.text import query_grams
from livinglab.tracking.models import Case
from livinglab.tracking.registry import capped_count

pytestmark = pytest.mark.django_db(transaction=True)


def titles(query):
    return set(search(Case.objects.all(), query).values_list("title", flat=True))


def test_every_pair_of_a_short_word_must_be_there(registry):
    Case.objects.create(body=registry.world.body, title="捕獸夾回收")  # 捕獸 but not 獸鋏
    assert titles("捕獸鋏") == {"山區捕獸鋏及山豬吊宣導及清除交流"}
    assert titles("捕獸") == {"山區捕獸鋏及山豬吊宣導及清除交流", "捕獸夾回收"}


def _index_queries(captured) -> list[str]:
    sql = [q["sql"] for q in captured]
    if connection.vendor == "sqlite":
        return [s for s in sql if '"search_casedoc_fts"' in s]
    return [s for s in sql if "string_to_array" in s]


@pytest.mark.parametrize(
    "word", ["鋏", "捕獸", "捕獸鋏", "交流合作", "捕獸鋏宣導", "食農教育交流合作", "半導體"]
)
def test_a_word_of_any_length_is_one_lookup(registry, word):
    with CaptureQueriesContext(connection) as captured:
        list(search(Case.objects.all(), word).values_list("pk", flat=True)[:50])
    looked_up = _index_queries(captured.captured_queries)
    assert len(looked_up) == 1, looked_up
    assert "HAVING" not in looked_up[0] and "GROUP BY" not in looked_up[0]
    if connection.vendor == "sqlite":  # every gram in the one lookup
        assert all(f'"{gram}"' in str(captured.captured_queries) for gram in query_grams(word))


def test_a_search_is_counted_as_far_as_the_cap(registry):
    with CaptureQueriesContext(connection) as queries:
        assert capped_count(search(Case.objects.all(), "捕獸鋏"), 10) == 1
        assert capped_count(Case.objects.all(), 10) == 4
    sql = [q["sql"] for q in queries.captured_queries]
    listed = sql[-1]
    assert "ORDER BY" not in listed
    if connection.vendor == "sqlite":  # read in the index's order, up to the cap
        searched = next(s for s in sql if '"search_casedoc_fts"' in s)
        assert "ORDER BY" in searched and "LIMIT 11" in searched
    else:  # the matches collected through the index are counted already
        assert sum("string_to_array" in s for s in sql) == 1
        assert sum("COUNT(" in s for s in sql) == 1  # the unsearched list's
