"""Search over needs and proposals: every word must be found, 臺/台 alike, and only in
what the user may read."""

from livinglab.needs.models import Need
from livinglab.orgs.models import Membership, Organisation
from tests.conftest import _user
from tests.pipeline import make_call, make_need, make_proposal


def test_search_finds_needs_and_own_proposals_but_not_others_drafts(client, world):
    need = make_need(world, "臺北車站地下街人流導引")
    hidden = make_need(world, "地下街漏水偵測草稿", status=Need.Status.DRAFT, agency=world.economic)
    call = make_call(world, needs=[need])
    own = make_proposal(world, call, need, title="地下街藍牙信標導引")
    rival_org = Organisation.objects.create(kind="company", name="對手公司")
    rival = _user("rival")
    Membership.objects.create(user=rival, role="proposer", organisation=rival_org)
    theirs = make_proposal(world, call, need, title="地下街影像人流統計", organisation=rival_org)

    client.force_login(world.proposer)
    page = client.get("/lab/search/?q=地下街").content.decode()
    assert need.title in page and own.title in page
    assert hidden.title not in page and theirs.title not in page

    assert need.title in client.get("/lab/search/?q=台北 導引").content.decode()
    assert need.title not in client.get("/lab/search/?q=台北 漏水").content.decode()

    client.force_login(world.other_officer)
    page = client.get("/lab/search/?q=地下街").content.decode()
    assert hidden.title in page  # their agency's draft
    assert own.title not in page and theirs.title not in page
