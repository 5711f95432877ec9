"""A team's statement merges what came in and what went out, newest first, with the
balance after each line, however many entries the team has."""

import datetime as dt

from django.utils import timezone

from livinglab.credits import ledger, team_statement


def test_the_newest_lines_in_and_out_with_running_balances(world, programme):
    start = timezone.now() - dt.timedelta(days=10)
    ledger.grant(programme, world.company, 1_000, by=world.secretary)
    for day in range(1, 6):
        ledger.consume(
            programme,
            world.company,
            day * 10,
            provider="nchc",
            statement_line=f"line-{day}",
            at=start + dt.timedelta(days=day),
        )
    ledger.give_back(programme, world.company, 100, by=world.secretary, reason="撤回")
    account = ledger.team_account(programme, world.company)
    rows = team_statement.page(account, size=3).rows
    assert [(entry.kind, change, balance) for entry, change, balance in rows] == [
        ("return", -100, 750),
        ("grant", 1_000, 850),  # booked now, after the back-dated consumption
        ("consumption", -50, -150),
    ]
    everything = team_statement.page(account).rows
    oldest_entry, oldest_change, oldest_balance = everything[-1]
    assert len(everything) == 7 and oldest_balance - oldest_change == 0  # it started empty
