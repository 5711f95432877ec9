"""The pipeline desk: a proposer's drafts and proposals with the latest reason, an
officer's agency needs, the secretariat's calls and proposals waiting; constant queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.needs.models import Need
from livinglab.proposals import services
from tests.pipeline import make_call, make_need, make_proposal


def test_each_role_sees_its_own_section(client, world):
    need = make_need(world)
    draft_need = make_need(
        world, "交通局的需求草稿", status=Need.Status.DRAFT, agency=world.transport
    )
    call = make_call(world, needs=[need])
    make_proposal(world, call, need, title="還在寫的草稿")
    sent = make_proposal(world, call, need, title="等待決定的提案", status="submitted")
    services.decide(world.secretary, sent, "revise", "請補充場域需求")

    client.force_login(world.proposer)
    page = client.get("/lab/").content.decode()
    assert "還在寫的草稿" in page and "等待決定的提案" in page
    assert "請補充場域需求" in page

    client.force_login(world.officer)
    page = client.get("/lab/").content.decode()
    assert need.title in page
    assert draft_need.title not in page  # another agency's
    assert "還在寫的草稿" not in page

    client.force_login(world.secretary)
    other = make_proposal(world, call, need, title="剛送出的提案", status="submitted")
    page = client.get("/lab/").content.decode()
    assert call.title in page and other.title in page
    assert "還在寫的草稿" not in page


def test_the_desk_queries_do_not_grow_with_proposals(client, world):
    need = make_need(world)
    call = make_call(world, needs=[need])

    def count(user):
        client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/lab/").status_code == 200
        return len(queries)

    for i in range(2):
        make_proposal(world, call, need, title=f"提案 {i}", status="submitted")
    few = count(world.proposer), count(world.secretary)
    for i in range(20):
        make_proposal(world, call, need, title=f"更多提案 {i}", status="submitted")
        make_proposal(world, call, need, title=f"更多草稿 {i}")
    assert (count(world.proposer), count(world.secretary)) == few
