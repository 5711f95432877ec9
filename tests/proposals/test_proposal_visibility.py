"""Who sees which proposal: the proposing organisation, the call's secretariat once it
was submitted, never another proposer's draft, never the public."""

from django.contrib.auth.models import AnonymousUser

from livinglab.orgs.models import Membership, Organisation
from livinglab.proposals.models import Proposal
from tests.conftest import _user
from tests.pipeline import make_call, make_need, make_proposal


def test_each_role_sees_only_the_proposals_it_may(world):
    need = make_need(world)
    call = make_call(world, needs=[need])
    draft = make_proposal(world, call, need, title="草稿")
    sent = make_proposal(world, call, need, title="已送出", status=Proposal.Status.SUBMITTED)
    rival_org = Organisation.objects.create(kind="company", name="另一家新創股份有限公司")
    rival = _user("rival")
    Membership.objects.create(user=rival, role="proposer", organisation=rival_org)
    rivals_draft = make_proposal(world, call, need, title="他人草稿", organisation=rival_org)

    def seen_by(user):
        return set(Proposal.objects.visible_to(user))

    assert seen_by(world.proposer) == {draft, sent}
    assert seen_by(rival) == {rivals_draft}
    assert seen_by(world.secretary) == {sent}
    assert seen_by(world.admin) == {draft, sent, rivals_draft}
    for outsider in (AnonymousUser(), world.officer, world.reviewer, world.other_officer):
        assert seen_by(outsider) == set()


def test_a_withdrawn_draft_never_reaches_the_secretariat(world):
    call = make_call(world)
    make_proposal(
        world, call, title="撤回的草稿", status=Proposal.Status.WITHDRAWN, submitted_at=None
    )
    assert not Proposal.objects.visible_to(world.secretary).exists()
