"""A need's page runs the same number of queries with 3 or 30 proposals suggested from."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from livinglab.proposals.models import Proposal
from livinglab.sites.models import Capability, FieldSite
from tests.pipeline import make_call, make_need, make_proposal


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url)
    assert page.status_code == 200
    return len(queries), page.content.decode()


def test_need_page_queries_do_not_grow_with_proposals(client, world):
    need = make_need(world, "路口號誌尖峰調控", tags=["traffic"])
    site = FieldSite.objects.create(name="信義路智慧路口", agency=world.transport, is_public=True)
    site.capabilities.set(Capability.objects.all()[:3])
    site.needs.add(need)
    call = make_call(world, needs=[need])
    for i in range(3):
        make_proposal(world, call, need, title=f"號誌提案 {i}", status=Proposal.Status.SUBMITTED)
    client.force_login(world.secretary)
    url = reverse("needs:need", args=[need.pk])
    few, page = _count(client, url)
    assert "號誌提案 2" in page
    for i in range(27):
        make_proposal(world, call, None, title=f"另一提案 {i}", status=Proposal.Status.SUBMITTED)
    assert _count(client, url)[0] == few
