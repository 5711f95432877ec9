"""The proposals list sorts by its headers and downloads as filtered, never showing more
than the page would to the same person (issue 12)."""

import re

import pytest

from livinglab.orgs.models import Organisation
from livinglab.proposals.models import Proposal
from tests.lists.files import body_rows, first_column
from tests.pipeline import make_call, make_proposal


@pytest.fixture
def proposals(world):
    call = make_call(world)
    other = Organisation.objects.create(kind="company", name="遠帆數據有限公司")
    made = {
        "b": make_proposal(world, call, title="B 智慧路燈", status="submitted"),
        "a": make_proposal(world, call, title="A 空品感測", status="submitted"),
        "c": make_proposal(world, call, title="C 停車導引", status="accepted"),
        "draft": make_proposal(world, call, title="D 尚未送出的草稿"),
        "other": make_proposal(
            world, call, title="E 別家公司的提案", status="submitted", organisation=other
        ),
    }
    return made


def titles(html: str) -> list[str]:
    return re.findall(r'<td class="card-title"><a href="/proposals/\d+/">([^<]+)</a>', html)


def test_headers_sort_the_list_both_ways(client, world, proposals):
    client.force_login(world.proposer)
    html = client.get("/proposals/", {"sort": "proposal"}).content.decode()
    assert titles(html) == ["A 空品感測", "B 智慧路燈", "C 停車導引", "D 尚未送出的草稿"]
    assert 'aria-sort="ascending"><a class="sort-link" href="?sort=-proposal"' in html
    html = client.get("/proposals/", {"sort": "-proposal"}).content.decode()
    assert titles(html) == ["D 尚未送出的草稿", "C 停車導引", "B 智慧路燈", "A 空品感測"]
    html = client.get("/proposals/", {"sort": "status"}).content.decode()
    statuses = list(
        Proposal.objects.filter(organisation=world.company)
        .order_by("status", "pk")
        .values_list("title", flat=True)
    )
    assert titles(html) == statuses
    assert client.get("/proposals/", {"sort": "pk;drop"}).status_code == 200


def test_equal_values_keep_one_order(client, world, proposals):
    """Sorted by call (the same for all), the rows come in the order of their numbers."""
    client.force_login(world.proposer)
    html = client.get("/proposals/", {"sort": "call"}).content.decode()
    by_pk = list(
        Proposal.objects.filter(organisation=world.company)
        .order_by("pk")
        .values_list("title", flat=True)
    )
    assert titles(html) == by_pk


def test_the_download_is_the_filtered_list_in_its_order(client, world, proposals):
    client.force_login(world.proposer)
    page = client.get("/proposals/", {"status": "submitted", "sort": "-proposal"})
    assert 'href="/proposals/export.csv?status=submitted&amp;sort=-proposal"' in (
        page.content.decode()
    )
    wanted = {"status": "submitted", "sort": "-proposal"}
    for fmt, column in first_column(client, "/proposals/export", wanted).items():
        assert column == ["B 智慧路燈", "A 空品感測"], fmt
    rows = body_rows(client.get("/proposals/export.xlsx", {"sort": "proposal"}), "xlsx")
    assert [row[0] for row in rows] == titles(
        client.get("/proposals/", {"sort": "proposal"}).content.decode()
    )


def test_the_download_holds_only_what_the_page_shows_to_that_person(client, world, proposals):
    client.force_login(world.proposer)
    mine = first_column(client, "/proposals/export", {})["csv"]
    assert "E 別家公司的提案" not in mine and "D 尚未送出的草稿" in mine
    client.force_login(world.secretary)  # sees what was submitted, never a draft
    seen = first_column(client, "/proposals/export", {"sort": "proposal"})
    for fmt, column in seen.items():
        assert column == ["A 空品感測", "B 智慧路燈", "C 停車導引", "E 別家公司的提案"], fmt
    client.logout()
    assert client.get("/proposals/export.csv").status_code == 302
    client.force_login(world.reviewer)  # assigned nothing: an empty list
    assert first_column(client, "/proposals/export", {})["xlsx"] == []


def test_a_page_link_keeps_the_filters_and_the_order(client, world, proposals):
    call = proposals["a"].call
    for n in range(31):
        make_proposal(world, call, title=f"提案 {n:02}")
    client.force_login(world.proposer)
    html = client.get("/proposals/", {"status": "draft", "sort": "proposal"}).content.decode()
    assert 'href="?status=draft&amp;sort=proposal&amp;page=2"' in html
    html = client.get(
        "/proposals/", {"status": "draft", "sort": "proposal", "page": 2}
    ).content.decode()
    assert titles(html) == ["提案 29", "提案 30"]  # after the 30 of page 1, the draft D first
