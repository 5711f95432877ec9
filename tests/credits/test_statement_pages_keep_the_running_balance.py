"""A team's statement is read a page at a time; every page, older or newer, shows the
same entries, changes and balances as one read of the whole statement, and a page costs
the same few queries however far back it is."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from livinglab.credits import ledger, team_statement
from livinglab.credits.models import LedgerEntry
from tests.credits.conftest import make_team


@pytest.fixture
def account(world, programme):
    """Grants, consumption (some back-dated, several at the very same moment), a return."""
    ledger.grant(programme, world.company, 20_000, by=world.secretary)
    ledger.grant(programme, make_team("乙醫聯網"), 5_000, by=world.secretary)
    start = timezone.now() - dt.timedelta(days=30)
    for n in range(1, 24):
        ledger.consume(
            programme,
            world.company,
            n * 7,
            provider="nchc",
            statement_line=f"L{n}",
            at=start + dt.timedelta(days=n // 3),  # three entries share each moment
        )
    ledger.give_back(programme, world.company, 1_000, by=world.secretary, reason="撤回")
    ledger.adjust(programme, world.company, 300, by=world.secretary, reason="更正")
    return ledger.team_account(programme, world.company)


def as_tuples(rows):
    return [(entry.pk, change, balance) for entry, change, balance in rows]


def test_older_pages_continue_the_whole_statement(account):
    whole = as_tuples(team_statement.page(account, size=1_000).rows)
    pages, before = [], None
    while True:
        page = team_statement.page(account, before=before, size=4)
        pages.append(as_tuples(page.rows))
        if page.older is None:
            break
        before = page.older

    assert len(whole) == 26 and len(pages) == 7
    assert pages[1] == whole[4:8]  # page two's balances are those of the full read
    assert [row for rows in pages for row in rows] == whole
    _oldest, change, balance = whole[-1]
    assert balance - change == 0  # the account started empty
    assert whole[0][2] == account.balance


def test_newer_pages_walk_back_to_the_newest(account):
    whole = as_tuples(team_statement.page(account, size=1_000).rows)
    oldest = team_statement.page(account, before=whole[-6][0], size=4)
    assert as_tuples(oldest.rows) == whole[-5:-1]

    newer = team_statement.page(account, after=oldest.newer, size=4)
    assert as_tuples(newer.rows) == whole[-9:-5] and newer.newer == whole[-9][0]
    near_the_top = team_statement.page(account, after=whole[2][0], size=4)
    assert as_tuples(near_the_top.rows) == whole[:4] and near_the_top.newer is None


def test_a_page_is_read_in_the_same_few_queries_wherever_it_is(
    client, world, account, django_assert_max_num_queries
):
    whole = as_tuples(team_statement.page(account, size=1_000).rows)
    client.force_login(world.secretary)
    url = reverse("credits:account", args=[account.pk])

    with django_assert_max_num_queries(12):
        first = client.get(url)
    with django_assert_max_num_queries(12):
        deep = client.get(url, {"before": whole[3][0]})

    assert first.status_code == deep.status_code == 200
    shown = [as_tuples(r.context["page"].rows) for r in (first, deep)]
    assert shown == [whole, whole[4:]]
    assert f'href="?after={whole[4][0]}"' in deep.content.decode()
    assert 'rel="next"' not in deep.content.decode()  # nothing older


def test_a_cursor_that_is_not_the_accounts_entry_is_not_found(client, world, programme, account):
    theirs = LedgerEntry.objects.filter(kind="grant").exclude(target=account).get()
    client.force_login(world.secretary)
    url = reverse("credits:account", args=[account.pk])

    assert client.get(url, {"before": theirs.pk}).status_code == 404
    assert client.get(url, {"after": "x1"}).status_code == 404
    api = client.get(f"/api/credits/accounts/{account.pk}", {"before": theirs.pk})
    assert api.status_code == 404
