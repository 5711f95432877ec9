from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.pipeline import make_call, make_need, make_proposal


def test_proposal_list_queries_do_not_grow_with_proposals(client, world):
    need = make_need(world)
    call = make_call(world, needs=[need])
    client.force_login(world.proposer)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/proposals/").status_code == 200
        return len(queries)

    make_proposal(world, call, need)
    few = count()
    for i in range(25):
        make_proposal(world, call, need if i % 2 else None, title=f"提案 {i}")
    assert count() == few
