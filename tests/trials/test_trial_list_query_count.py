"""The trial list reads in the same number of queries for 2 trials or 12."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.trials.services import change_status, start_trial
from tests.trials.conftest import make_proposal, make_site, new_trial


def _add(world, count, start=0):
    for number in range(start, start + count):
        trial = start_trial(
            world.secretary,
            new_trial(world, proposal=make_proposal(world), site=make_site(world, f"場域{number}")),
        )
        change_status(world.secretary, trial, "running")


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_list_and_register_do_not_grow_with_trials(client, world):
    _add(world, 2)
    few = (_queries(client, "/trials/"), _queries(client, "/trials/register.xlsx"))
    _add(world, 10, start=2)
    many = (_queries(client, "/trials/"), _queries(client, "/trials/register.xlsx"))
    assert few == many
    page = client.get("/trials/").content.decode()
    assert page.count("/trials/") >= 12
