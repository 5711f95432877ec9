"""`make demo` loads needs in two calls (one open now, one closed) and a dozen proposals
from several organisations; loading twice changes nothing."""

from django.utils import timezone

from livinglab.needs.models import Call, Need
from livinglab.proposals.models import Proposal


def test_demo_pipeline_loads_once(db):
    from livinglab.demo.people import load_people
    from livinglab.demo.pipeline import load_pipeline
    from livinglab.orgs.services import load_agency_directory

    load_agency_directory()
    load_people()
    first = load_pipeline()
    assert first == load_pipeline()
    assert first["proposals"] >= 12
    now = timezone.now()
    assert [c.status_at(now) for c in Call.objects.order_by("-opens_at")] == ["open", "closed"]
    assert Need.objects.public().values("domain").distinct().count() >= 5
    assert Need.objects.filter(status="draft").exists()
    assert Proposal.objects.values("organisation").distinct().count() >= 5
    statuses = set(Proposal.objects.values_list("status", flat=True))
    assert {"draft", "submitted", "accepted", "rejected", "revise"} <= statuses
    # the demo proposer has drafts and decided proposals to look at
    assert Proposal.objects.filter(submitted_by__username="proposer", status="draft").exists()
    assert Proposal.objects.filter(submitted_by__username="proposer", status="accepted").exists()
