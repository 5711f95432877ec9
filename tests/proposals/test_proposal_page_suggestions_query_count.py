"""A proposal's page runs the same number of queries whatever the number of needs,
agencies and sites its suggestions are ranked from."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from livinglab.orgs.models import Organisation
from livinglab.sites.models import Capability, FieldSite
from tests.pipeline import make_call, make_need, make_proposal


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _more(world, n, prefix):
    capabilities = list(Capability.objects.all()[:2])
    for i in range(n):
        agency = Organisation.objects.create(kind="agency", name=f"{prefix}局 {i}")
        need = make_need(world, f"{prefix}需求 {i}", agency=agency, tags=["traffic"])
        site = FieldSite.objects.create(name=f"{prefix}場域 {i}", agency=agency, is_public=True)
        site.capabilities.set(capabilities)
        site.needs.add(need)


def test_proposal_page_queries_do_not_grow_with_needs_agencies_and_sites(client, world):
    proposal = make_proposal(world, make_call(world), title="以路側感測器調整號誌時相")
    _more(world, 2, "甲")
    client.force_login(world.proposer)
    url = reverse("proposals:detail", args=[proposal.pk])
    few = _count(client, url)
    _more(world, 20, "乙")
    assert _count(client, url) == few
