"""The needs list (cards) sorts by the keys of its file's columns, the download follows the
page's order, and a draft never reaches the download of someone who may not read it
(issue 12)."""

import re

import pytest

from tests.lists.files import first_column
from tests.pipeline import make_need


@pytest.fixture
def needs(world):
    return {
        "b": make_need(world, "B 長者跌倒偵測", agency=world.transport),
        "a": make_need(world, "A 路口壅塞即時調控"),
        "c": make_need(world, "C 河川水位預警", agency=world.transport),
        "draft": make_need(world, "D 尚未公開的需求", status="draft"),
    }


def titles(html: str) -> list[str]:
    return re.findall(r'<h2><a href="/needs/\d+/">([^<]+)</a>', html)


def test_the_sort_links_order_the_cards_both_ways(client, world, needs):
    html = client.get("/needs/", {"sort": "title"}).content.decode()
    assert titles(html) == ["A 路口壅塞即時調控", "B 長者跌倒偵測", "C 河川水位預警"]
    assert 'class="sort-link is-active" href="?sort=-title"' in html
    html = client.get("/needs/", {"sort": "-title"}).content.decode()
    assert titles(html) == ["C 河川水位預警", "B 長者跌倒偵測", "A 路口壅塞即時調控"]
    html = client.get("/needs/", {"sort": "agency"}).content.decode()
    by_agency = sorted([needs["a"], needs["b"], needs["c"]], key=lambda n: (n.agency.name, n.pk))
    assert titles(html) == [n.title for n in by_agency]


def test_the_download_follows_the_pages_order(client, world, needs):
    wanted = {"sort": "-title"}
    for fmt, column in first_column(client, "/needs/export", wanted).items():
        assert column == ["C 河川水位預警", "B 長者跌倒偵測", "A 路口壅塞即時調控"], fmt


def test_a_draft_stays_out_of_the_download_of_the_public(client, world, needs):
    wanted = {"status": "all", "sort": "title"}
    public = first_column(client, "/needs/export", wanted)["csv"]
    assert "D 尚未公開的需求" not in public and len(public) == 3
    client.force_login(world.officer)  # an officer of the agency that writes it
    assert "D 尚未公開的需求" in first_column(client, "/needs/export", wanted)["xlsx"]
