"""The demo reviews: agreement, a clear disagreement, a conflict moved, a review half
done and one not started; loading twice changes nothing."""

from livinglab.demo.people import load_people
from livinglab.demo.reviews import load_reviews
from livinglab.meetings.models import Body
from livinglab.proposals.models import Proposal
from livinglab.reviews.models import Assignment, ReviewSummary
from tests.pipeline import make_call, make_proposal


def test_demo_reviews(world):
    load_people()
    body = Body.objects.get(name="臺北市智慧城市推動委員會")
    call = make_call(world, "115年度第一期智慧城市徵案", state="closed", body=body)
    proposals = [
        make_proposal(world, call, title=f"示範提案{n}", status=Proposal.Status.SUBMITTED)
        for n in range(6)
    ]
    assert load_reviews() == 5
    summaries = {s.proposal_id: s for s in ReviewSummary.objects.all()}
    assert not summaries[proposals[0].pk].disagreement
    assert summaries[proposals[1].pk].disagreement
    conflict = Assignment.objects.get(conflict=True)
    assert conflict.proposal == proposals[2] and conflict.replaced_by.submitted_at
    assert not summaries[proposals[3].pk].passes_gates
    waiting = Assignment.objects.filter(reviewer__username="reviewer").pending()
    assert {a.proposal for a in waiting} == {proposals[3], proposals[4]}
    assert not Assignment.objects.filter(proposal=proposals[5]).exists()

    count = Assignment.objects.count()
    assert load_reviews() == 0
    assert Assignment.objects.count() == count
