"""The needs list runs the same number of queries for 3 needs as for 30."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.pipeline import make_need


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_need_list_queries_do_not_grow_with_needs(client, world):
    for i in range(3):
        make_need(world, f"需求 {i}", tags=["carbon", "ageing"])
    few = _count(client, "/needs/")
    for i in range(27):
        make_need(world, f"另一需求 {i}", domain_key="health", tags=["ageing"])
    assert _count(client, "/needs/") == few
    assert few <= 8


def test_call_list_queries_do_not_grow_with_calls(client, world):
    from tests.pipeline import make_call

    make_call(world, "第一期")
    few = _count(client, "/calls/")
    for i in range(10):
        make_call(world, f"另一期 {i}", state="closed" if i % 2 else "open")
    assert _count(client, "/calls/") == few
