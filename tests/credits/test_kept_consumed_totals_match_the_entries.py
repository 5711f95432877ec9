"""What each account keeps of the credits it consumed is what its consumption entries
add up to, whatever else is booked around them; the dashboard reads it, and the
migration that brought it counted what had been booked before."""

import importlib

from django.apps import apps
from django.db.models import Sum

from livinglab.credits import dashboard, ledger
from livinglab.credits.models import Account, LedgerEntry
from tests.credits.conftest import make_team


def consumed_by_entries(account):
    entries = LedgerEntry.objects.filter(source=account, kind="consumption")
    return entries.aggregate(total=Sum("amount"))["total"] or 0


def book_a_season(world, programme):
    other = make_team("乙醫聯網")
    for team in (world.company, other):
        ledger.grant(programme, team, 10_000, by=world.secretary)
    for n in range(6):
        ledger.consume(programme, world.company, 500 + n, provider="nchc", statement_line=f"A{n}")
    ledger.consume(programme, other, 2_000, provider="nchc", statement_line="B1")
    ledger.give_back(programme, world.company, 1_000, by=world.secretary, reason="撤回")
    ledger.adjust(programme, other, -300, by=world.secretary, reason="更正")
    return other


def test_consumption_alone_counts_and_stays_equal_to_the_entries(world, programme):
    other = book_a_season(world, programme)
    mine = ledger.team_account(programme, world.company)
    theirs = ledger.team_account(programme, other)

    assert (mine.consumed, theirs.consumed) == (3_015, 2_000)
    for account in Account.objects.filter(programme=programme):
        assert account.consumed == consumed_by_entries(account)
    assert ledger.balances_agree(programme)


def test_the_dashboard_reads_the_kept_totals(world, programme, django_assert_max_num_queries):
    book_a_season(world, programme)
    with django_assert_max_num_queries(4):
        board = dashboard.build(programme)

    by_team = {row.label: (row.granted, row.consumed) for _account, row in board.by_team}
    assert by_team == {"晨光感測股份有限公司": (9_000, 3_015), "乙醫聯網": (9_700, 2_000)}
    assert (board.total.granted, board.total.consumed) == (18_700, 5_015)


def test_a_kept_total_that_disagrees_is_caught(world, programme):
    book_a_season(world, programme)
    Account.objects.filter(programme=programme, kind="team").update(consumed=1)
    assert not ledger.balances_agree(programme)


def test_the_migration_counts_what_was_consumed_before_it(world, programme):
    book_a_season(world, programme)
    Account.objects.update(consumed=0)
    migration = importlib.import_module("livinglab.credits.migrations.0002_account_consumed")

    migration.count_what_was_consumed(apps, None)

    assert all(a.consumed == consumed_by_entries(a) for a in Account.objects.all())
    assert ledger.balances_agree(programme)
