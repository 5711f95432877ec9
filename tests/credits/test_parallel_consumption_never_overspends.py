"""Twelve usage lines of one team booked at the same moment, more than its balance covers:
the row lock on the team's account lets exactly as many through as the balance pays for,
the others are refused, and no balance goes below zero.

PostgreSQL runs the bookings truly at once; SQLite allows one writer at a time, so the
test is skipped there.
"""

import threading

import pytest
from django.db import connection

from livinglab.credits import ledger
from livinglab.credits.models import LedgerEntry
from tests.credits.conftest import make_programme

WRITERS = 12

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="parallel writers need PostgreSQL (SQLite serialises every write)",
    ),
]


def test_parallel_consumption_books_only_what_the_balance_covers(world):
    programme = make_programme(world)
    ledger.grant(programme, world.company, 1_000, by=world.secretary)
    barrier = threading.Barrier(WRITERS)
    results: list = [None] * WRITERS

    def consume(n):
        from django.db import connections

        try:
            barrier.wait(timeout=30)
            ledger.consume(
                programme, world.company, 100, provider="nchc", statement_line=f"line-{n}"
            )
            results[n] = "booked"
        except ledger.LedgerError:
            results[n] = "refused"
        except Exception as error:  # reported by the test, not lost in the thread
            results[n] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=consume, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(map(str, results)) == ["booked"] * 10 + ["refused"] * 2
    account = ledger.team_account(programme, world.company)
    assert account.balance == 0
    assert LedgerEntry.objects.filter(kind="consumption").count() == 10
    assert ledger.usage_account(programme).balance == 1_000
    assert ledger.balances_agree(programme)
