"""What each account keeps of the credits it consumed, and what the programme keeps of
the credits consumed each day, are what the consumption entries add up to, whatever
else is booked around them; the dashboard and its burn chart read them, and the
migrations that brought them counted what had been booked before."""

import datetime as dt
import importlib

from django.apps import apps
from django.db.models import Sum
from django.utils import timezone

from livinglab.credits import dashboard, ledger
from livinglab.credits.models import Account, DailyConsumption, LedgerEntry
from tests.credits.conftest import make_team

MIGRATIONS = "livinglab.credits.migrations"


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
    with django_assert_max_num_queries(5):  # teams, domains, budget; teams counted, a page
        board = dashboard.build(programme)
        teams = dashboard.teams_page(programme, 1)

    by_team = {row.label: (row.granted, row.consumed) for _account, row in teams}
    assert by_team == {"晨光感測股份有限公司": (9_000, 3_015), "乙醫聯網": (9_700, 2_000)}
    assert (board.total.granted, board.total.consumed) == (18_700, 5_015)


def test_consumption_is_kept_by_day_as_the_entries_fall(world, programme):
    ledger.grant(programme, world.company, 10_000, by=world.secretary)
    midnight = dt.datetime(2026, 5, 1, tzinfo=timezone.get_default_timezone())
    for n, at in enumerate([midnight - dt.timedelta(minutes=1), midnight, midnight, midnight]):
        ledger.consume(
            programme, world.company, 10 + n, provider="nchc", statement_line=f"D{n}", at=at
        )

    kept = DailyConsumption.objects.filter(programme=programme).values_list("day", "credits")
    assert dict(kept) == {dt.date(2026, 4, 30): 10, dt.date(2026, 5, 1): 36}
    assert dashboard.burn(programme) == [(dt.date(2026, 4, 30), 10), (dt.date(2026, 5, 1), 46)]
    assert ledger.balances_agree(programme)
    DailyConsumption.objects.filter(day=dt.date(2026, 5, 1)).update(credits=35)
    assert not ledger.balances_agree(programme)


def test_a_kept_total_that_disagrees_is_caught(world, programme):
    book_a_season(world, programme)
    Account.objects.filter(programme=programme, kind="team").update(consumed=1)
    assert not ledger.balances_agree(programme)


def test_the_migrations_count_what_was_consumed_before_them(world, programme):
    book_a_season(world, programme)
    Account.objects.update(consumed=0)
    DailyConsumption.objects.all().delete()

    importlib.import_module(f"{MIGRATIONS}.0002_account_consumed").count_what_was_consumed(
        apps, None
    )
    importlib.import_module(f"{MIGRATIONS}.0003_consumption_by_day").count_consumption_by_day(
        apps, None
    )

    assert all(a.consumed == consumed_by_entries(a) for a in Account.objects.all())
    assert ledger.balances_agree(programme)
