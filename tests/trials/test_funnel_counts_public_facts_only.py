"""The funnel counts proposals → accepted → running → adopted / closed per call and domain;
the public sees only the trial stages, counted from public trials."""

import pytest

from livinglab.trials.funnel import build_funnel
from livinglab.trials.services import change_status, start_trial
from tests.trials.conftest import make_call, make_domain, make_proposal, make_site, new_trial


@pytest.fixture
def pipeline(world):
    """Two calls; five submitted proposals, three accepted, of which two are trials."""
    spring, autumn = make_call(world, "春季徵案"), make_call(world, "秋季徵案")
    health = make_domain("health")
    make_proposal(world, call=spring, status="submitted")
    make_proposal(world, call=spring, status="rejected")
    make_proposal(world, call=spring, status="draft")  # never counted
    accepted = [
        make_proposal(world, call=spring),
        make_proposal(world, call=spring, domain=health),
        make_proposal(world, call=autumn, domain=health),
    ]
    running = start_trial(
        world.secretary, new_trial(world, proposal=accepted[0], site=make_site(world, "甲"))
    )
    change_status(world.secretary, running, "running")
    planned = start_trial(
        world.secretary, new_trial(world, proposal=accepted[1], site=make_site(world, "乙"))
    )
    return {"spring": spring, "autumn": autumn, "running": running, "planned": planned}


def test_secretariat_sees_every_stage_per_call(world, pipeline):
    funnel = build_funnel(world.secretary)
    rows = {row.label: row.stage for row in funnel.by_call}
    assert (rows["春季徵案"].proposals, rows["春季徵案"].accepted) == (4, 2)
    assert rows["春季徵案"].running == 2
    assert (rows["秋季徵案"].proposals, rows["秋季徵案"].accepted, rows["秋季徵案"].running) == (
        1,
        1,
        0,
    )
    assert funnel.total.proposals == 5 and funnel.total.accepted == 3


def test_per_domain(world, pipeline):
    rows = {row.label: row.stage for row in build_funnel(world.secretary).by_domain}
    assert rows["智慧醫療"].accepted == 2 and rows["智慧醫療"].running == 1
    assert rows["智慧交通"].proposals == 3 and rows["智慧交通"].running == 1


def test_public_sees_only_public_trials(client, world, pipeline):
    from django.contrib.auth.models import AnonymousUser

    funnel = build_funnel(AnonymousUser())
    assert funnel.shows_proposals is False
    assert funnel.total.proposals is None and funnel.total.accepted is None
    assert funnel.total.running == 1  # the planned trial is not public yet
    page = client.get("/trials/funnel/").content.decode()
    assert "春季徵案" in page and "秋季徵案" not in page


def test_ending_moves_a_trial_along_the_funnel(world, pipeline):
    change_status(world.secretary, pipeline["running"], "closed", lessons="成本過高")
    total = build_funnel(world.secretary).total
    assert (total.running, total.closed, total.adopted) == (1, 1, 0)


def test_funnel_page_reads_in_a_fixed_number_of_queries(
    client, world, pipeline, django_assert_max_num_queries
):
    client.force_login(world.secretary)
    with django_assert_max_num_queries(12):
        assert client.get("/trials/funnel/").status_code == 200
