"""Compute credits at size: a team's statement and the programme dashboard over a long
ledger (SQLite or PostgreSQL), and 16 writers booking consumption at once (PostgreSQL).

Generation books --entries ledger entries (default 1,000,000) in bulk into one programme
of --teams teams (default 1,000): the budget, one grant per team, then consumption spread
over a year, a tenth of it by one busy team (the statement timed is that team's). The
balances are set from the entries, so that the ledger's invariant holds as if each entry
had gone through `ledger.book`.

Timed (--repeat, default 30) through the Django test client as the secretariat: the
busy team's statement page and the programme dashboard (target p95 < 200 ms).

With --postgres, a stress run follows in a fresh programme: --writers threads (default
16), each on its own connection, book consumption through `ledger.consume` for random
teams for --seconds (default 15); it prints entries per second and how many bookings the
ledger refused for want of credits, then checks that the sum of the balances equals the
credits that entered the programme, that each balance is what its entries add up to and
that none is negative.

Run: python bench/bench_credits.py [--entries 1000000] [--teams 1000] [--repeat 30]
     [--postgres postgresql://postgres@127.0.0.1:5432/postgres] [--writers 16] [--seconds 15]
Prints p50/p95 next to the target; never exits non-zero on a miss.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_registry import _configure, _create_database, _drop_database, get, p, timed  # noqa: E402

TARGET_MS = 200
BATCH = 5_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--teams", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--postgres", metavar="URL", help="a server; a throwaway database is used")
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=15.0)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="livinglab-bench-credits-"))
    database = _create_database(args.postgres) if args.postgres else None
    try:
        _configure(workdir, database)
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        world = generate(args.entries, args.teams)
        print(
            f"booked {world['entries']:,} ledger entries for {args.teams:,} teams in"
            f" {time.perf_counter() - started:.0f} s ({connection.vendor})"
        )
        measure(world, args.repeat)
        if database:
            stress(world, args.writers, args.seconds)
    finally:
        if database:
            _drop_database(args.postgres, database)
        shutil.rmtree(workdir, ignore_errors=True)


def generate(n_entries: int, n_teams: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from livinglab.credits import ledger
    from livinglab.credits.models import Account, LedgerEntry, Programme
    from livinglab.meetings.models import Body
    from livinglab.orgs.models import Membership, Organisation

    secretary = get_user_model().objects.create_user("secretary", password="bench")  # noqa: S106  a throwaway database
    body = Body.objects.create(name="算力點數審議會")
    Membership.objects.create(user=secretary, role="secretariat", body=body)
    programme = Programme.objects.create(
        name="算力點數壓力測試計畫",
        body=body,
        budget=10**15,
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
        team_cap=10**12,
        credits_expire_on=dt.date(2027, 3, 31),
    )
    teams = Organisation.objects.bulk_create(
        Organisation(kind="company", name=f"測試團隊{i:05d}股份有限公司") for i in range(n_teams)
    )
    budget, usage = ledger.budget_account(programme), ledger.usage_account(programme)
    accounts = Account.objects.bulk_create(
        Account(programme=programme, kind="team", organisation=team) for team in teams
    )
    rng = random.Random(7)
    start = timezone.now() - dt.timedelta(days=365)
    n_use = max(n_entries - 1 - n_teams, 0)
    granted = 1_000_000_000
    balances = {a.pk: granted for a in accounts}
    consumed = 0

    def rows():
        nonlocal consumed
        yield LedgerEntry(
            programme=programme,
            kind="budget",
            target=budget,
            amount=10**15,
            booked_by=secretary,
            booked_at=start,
        )
        for account in accounts:
            yield LedgerEntry(
                programme=programme,
                kind="grant",
                source=budget,
                target=account,
                amount=granted,
                booked_by=secretary,
                booked_at=start,
            )
        for i in range(n_use):
            account = accounts[0] if i % 10 == 0 else rng.choice(accounts)
            amount = rng.randint(1, 500)
            balances[account.pk] -= amount
            consumed += amount
            yield LedgerEntry(
                programme=programme,
                kind="consumption",
                source=account,
                target=usage,
                amount=amount,
                provider="nchc",
                statement_line=f"line-{i}",
                booked_at=start + dt.timedelta(seconds=31_536_000 * i // max(n_use, 1)),
            )

    batch, written = [], 0
    with transaction.atomic():
        for entry in rows():
            batch.append(entry)
            if len(batch) == BATCH:
                LedgerEntry.objects.bulk_create(batch)
                written += len(batch)
                batch = []
        LedgerEntry.objects.bulk_create(batch)
        written += len(batch)
        for account in accounts:
            account.balance = balances[account.pk]
        Account.objects.bulk_update(accounts, ["balance"], batch_size=BATCH)
        budget.balance = 10**15 - granted * n_teams
        usage.balance = consumed
        Account.objects.bulk_update([budget, usage], ["balance"])
    _analyse()
    return {
        "programme": programme,
        "secretary": secretary,
        "busy": accounts[0],
        "teams": teams,
        "entries": written,
    }


def _analyse() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure(world: dict, repeat: int) -> None:
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(world["secretary"])
    pages = {
        "team statement (busy team)": reverse("credits:account", args=[world["busy"].pk]),
        "programme dashboard": reverse("credits:programme", args=[world["programme"].pk]),
    }
    print(f"\n{'page':32} {'p50 ms':>8} {'p95 ms':>8}  target p95 < {TARGET_MS} ms")
    for name, url in pages.items():
        times = timed(get(client, url), repeat)
        mark = "ok" if p(times, 95) < TARGET_MS else "MISSED"
        print(f"{name:32} {p(times, 50):8.1f} {p(times, 95):8.1f}  {mark}")


def stress(world: dict, writers: int, seconds: float) -> None:
    """Writers book consumption at once for teams of a fresh programme; then the checks."""
    from django.db import connections
    from django.db.models import Q, Sum

    from livinglab.credits import ledger
    from livinglab.credits.models import Account, LedgerEntry, Programme

    secretary = world["secretary"]
    programme = Programme.objects.create(
        name="算力點數併發測試計畫",
        body=world["programme"].body,
        budget=10_000_000,
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
        team_cap=1_000_000,
        credits_expire_on=dt.date(2027, 3, 31),
    )
    teams = world["teams"][:50]
    ledger.fund(programme, 10_000_000, by=secretary)
    for team in teams:
        ledger.grant(programme, team, 20_000, by=secretary)
    booked, refused, failed = [0] * writers, [0] * writers, []
    stop = time.perf_counter() + seconds

    def writer(n: int) -> None:
        rng = random.Random(n)
        try:
            i = 0
            while time.perf_counter() < stop:
                team = rng.choice(teams)
                try:
                    ledger.consume(
                        programme,
                        team,
                        rng.randint(1, 60),
                        provider="nchc",
                        statement_line=f"w{n}-{i}",
                    )
                    booked[n] += 1
                except ledger.LedgerError:
                    refused[n] += 1
                i += 1
        except Exception as exc:  # noqa: BLE001  reported below, the run goes on
            failed.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    total = sum(booked)
    print(
        f"\nstress: {writers} writers for {elapsed:.1f} s booked {total:,} entries"
        f" ({total / elapsed:,.0f} entries/s); {sum(refused):,} refused for want of credits;"
        f" {len(failed)} writers failed{': ' + failed[0] if failed else ''}"
    )
    accounts = Account.objects.filter(programme=programme)
    balances = accounts.aggregate(total=Sum("balance"))["total"]
    entries = LedgerEntry.objects.filter(programme=programme).aggregate(
        into=Sum("amount", filter=Q(source=None)), out=Sum("amount", filter=Q(target=None))
    )
    funded = (entries["into"] or 0) - (entries["out"] or 0)
    negative = accounts.filter(balance__lt=0).count()
    agree = ledger.balances_agree(programme)
    print(
        f"sum of balances {balances:,} == credits entered by entries {funded:,}:"
        f" {'yes' if balances == funded else 'NO'}; each balance equals its entries:"
        f" {'yes' if agree else 'NO'}; negative balances: {negative}"
    )


if __name__ == "__main__":
    main()
