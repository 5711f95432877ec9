"""A proposal's page ranks field sites from an index kept while the sites the reader may
see are unchanged; a reader who may see fewer sites never gets another reader's index."""

from livinglab.matching import SiteIndex
from livinglab.proposals.suggestions import sites_for
from livinglab.sites.models import FieldSite
from tests.trials.conftest import make_proposal


def test_one_index_serves_many_pages_and_a_hidden_site_stays_hidden(world, monkeypatch):
    built = []
    original = SiteIndex.__init__

    def counting(self, *args, **kwargs):
        built.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(SiteIndex, "__init__", counting)
    FieldSite.objects.create(
        name="敦化南北路公車專用道",
        agency=world.transport,
        is_public=True,
        description="路口號誌與路側感測設備，可調整號誌時相。",
    )
    FieldSite.objects.create(
        name="交通局號誌測試場（內部）",
        agency=world.transport,
        is_public=False,
        description="號誌時相與路側感測的封閉測試路口。",
    )
    first = make_proposal(world, title="以路側感測器調整號誌時相")
    second = make_proposal(world, title="號誌時相依車流即時調整")

    seen_by_office = [s.target.name for s in sites_for(world.secretary, first)]
    assert "交通局號誌測試場（內部）" in seen_by_office
    for proposal in (first, second):
        names = [s.target.name for s in sites_for(world.proposer, proposal)]
        assert "交通局號誌測試場（內部）" not in names and "敦化南北路公車專用道" in names
    assert len(built) == 2  # the office's set, then the public set once for both pages
