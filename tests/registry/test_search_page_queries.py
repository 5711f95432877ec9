"""A search page reads as many queries for fifty matches as for one, whatever the word."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.tracking.models import Case

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("word", ["鋏", "捕獸", "捕獸鋏", "捕獸鋏回收", "捕獸鋏回收清除"])
def test_search_queries_do_not_grow_with_matches(client, registry, word):
    Case.objects.create(body=registry.world.body, title="捕獸鋏回收清除")
    with CaptureQueriesContext(connection) as few:
        assert client.get("/cases/", {"q": word}).status_code == 200
    for n in range(30):
        Case.objects.create(body=registry.world.body, title=f"捕獸鋏回收清除{n}")
    with CaptureQueriesContext(connection) as many:
        html = client.get("/cases/", {"q": word}).content.decode()
    assert html.count('<td class="num" data-label=') >= 30
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_search_reads_no_more_queries_than_the_list(client, registry):
    with CaptureQueriesContext(connection) as listed:
        client.get("/cases/")
    with CaptureQueriesContext(connection) as searched:
        client.get("/cases/", {"q": "捕獸鋏"})
    # SQLite: the page's own queries read the index. PostgreSQL: the matches are
    # collected once through the index, in a transaction that tells the planner to use
    # it, and are then counted already. Nothing per row or per gram.
    extra = 0 if connection.vendor == "sqlite" else len(["BEGIN", "SET", "collect", "COMMIT"]) - 1
    assert len(searched.captured_queries) == len(listed.captured_queries) + extra
