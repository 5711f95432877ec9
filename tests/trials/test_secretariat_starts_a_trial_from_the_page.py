"""The secretariat finds accepted proposals waiting for a trial and starts one by form."""

import datetime as dt

from django.utils import timezone

from livinglab.trials.models import Trial
from tests.trials.conftest import make_proposal, make_site


def _form(world, site, **extra):
    today = timezone.localdate()
    data = {
        "title": "內湖智慧號誌試驗",
        "summary": "",
        "body": world.body.pk,
        "agency": world.transport.pk,
        "site": site.pk,
        "starts_on": today.isoformat(),
        "ends_on": (today + dt.timedelta(days=90)).isoformat(),
        "milestones": f"{(today + dt.timedelta(days=30)).isoformat()} 感測器安裝完成",
    }
    data.update(extra)
    return data


def test_accepted_proposal_is_listed_and_started(client, world):
    proposal = make_proposal(world)
    make_proposal(world, status="submitted", title="尚在審查的提案")
    site = make_site(world)
    client.force_login(world.secretary)
    listing = client.get("/trials/start/").content.decode()
    assert proposal.title in listing and "尚在審查的提案" not in listing
    response = client.post(f"/trials/start/{proposal.pk}/", _form(world, site))
    trial = Trial.objects.get()
    assert response.status_code == 302 and response["Location"] == trial.get_absolute_url()
    assert trial.milestones.get().title == "感測器安裝完成"
    assert proposal.title not in client.get("/trials/start/").content.decode()


def test_full_site_is_refused_with_a_message_on_the_form(client, world):
    site = make_site(world, capacity=1)
    client.force_login(world.secretary)
    client.post(f"/trials/start/{make_proposal(world).pk}/", _form(world, site))
    second = make_proposal(world)
    response = client.post(f"/trials/start/{second.pk}/", _form(world, site))
    assert response.status_code == 400
    assert site.name in response.content.decode()
    assert Trial.objects.count() == 1


def test_bad_milestone_line_is_explained(client, world):
    client.force_login(world.secretary)
    proposal = make_proposal(world)
    response = client.post(
        f"/trials/start/{proposal.pk}/",
        _form(world, make_site(world), milestones="下個月 安裝"),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400 and "Line 1" in response.content.decode()
    assert not Trial.objects.exists()


def test_others_cannot_reach_the_start_pages(client, world):
    proposal = make_proposal(world)
    for username in ("proposer", "officer", "reviewer"):
        client.force_login(getattr(world, username))
        assert client.get("/trials/start/").status_code == 403
        assert client.post(f"/trials/start/{proposal.pk}/", {}).status_code == 403
    assert not Trial.objects.exists()
