"""The trials list sorts by its headers and downloads as filtered; a planned trial stays
out of the download of those who may not see it on the page (issue 12)."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from livinglab.sites.models import FieldSite
from livinglab.trials.models import Trial
from livinglab.trials.services import NewTrial, start_trial
from tests.lists.files import first_column
from tests.pipeline import make_call, make_proposal


@pytest.fixture
def trials(world):
    call = make_call(world, state="closed")
    today = timezone.localdate()
    made = {}
    for key, title, site, starts, status in (
        ("bus", "B 公車到站預測", "Z 信義區站牌", 40, "running"),
        ("air", "A 空品微型感測", "X 內湖科技園區", 20, "running"),
        ("park", "C 路邊停車導引", "Y 大安區路段", 10, "planned"),
    ):
        proposal = make_proposal(world, call, title=title, status="accepted")
        new = NewTrial(
            proposal=proposal,
            site=FieldSite.objects.create(name=site, agency=world.transport, is_public=True),
            agency=world.transport,
            body=world.body,
            starts_on=today - dt.timedelta(days=starts),
            ends_on=today + dt.timedelta(days=100),
        )
        trial = start_trial(world.secretary, new)
        Trial.objects.filter(pk=trial.pk).update(status=status)
        made[key] = trial
    return made


def titles(html: str) -> list[str]:
    return re.findall(r'<td class="card-title"><a href="/trials/\d+/">([^<]+)</a>', html)


def test_headers_sort_the_list_both_ways(client, world, trials):
    client.force_login(world.secretary)
    html = client.get("/trials/").content.decode()
    assert titles(html) == ["C 路邊停車導引", "A 空品微型感測", "B 公車到站預測"]  # newest first
    html = client.get("/trials/", {"sort": "site"}).content.decode()
    assert titles(html) == ["A 空品微型感測", "C 路邊停車導引", "B 公車到站預測"]
    assert 'aria-sort="ascending"><a class="sort-link" href="?sort=-site"' in html
    html = client.get("/trials/", {"sort": "-trial"}).content.decode()
    assert titles(html) == ["C 路邊停車導引", "B 公車到站預測", "A 空品微型感測"]
    html = client.get("/trials/", {"sort": "period"}).content.decode()
    assert titles(html) == ["B 公車到站預測", "A 空品微型感測", "C 路邊停車導引"]


def test_the_download_is_the_filtered_list_in_its_order(client, world, trials):
    client.force_login(world.secretary)
    html = client.get("/trials/", {"status": "running", "sort": "trial"}).content.decode()
    assert 'href="/trials/export.ods?status=running&amp;sort=trial"' in html
    columns = first_column(client, "/trials/export", {"status": "running", "sort": "trial"})
    for fmt, column in columns.items():
        assert column == ["A 空品微型感測", "B 公車到站預測"], fmt


def test_a_planned_trial_stays_out_of_the_download_of_those_who_may_not_see_it(
    client, world, trials
):
    everything = first_column(client, "/trials/export", {"sort": "trial"})  # the public
    for fmt, column in everything.items():
        assert column == ["A 空品微型感測", "B 公車到站預測"], fmt
    assert "C 路邊停車導引" not in client.get("/trials/").content.decode()
    client.force_login(world.proposer)  # the proposing company sees its planned trial
    assert "C 路邊停車導引" in first_column(client, "/trials/export", {})["csv"]


def test_an_unknown_format_is_not_found(client, world, trials):
    assert client.get("/trials/export.pdf").status_code == 404
