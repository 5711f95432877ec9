"""On SQLite, a writer running transaction after transaction (a large import) gives way
to other writers between them: another connection's writes, waiting with a busy timeout
of one second, all succeed while it runs, although each of its transactions begins as
soon as the last one ends (SQLite's busy handler alone would let it win nearly every
time, and the others fail with "database is locked")."""

import threading
import time

import pytest
from django.db import OperationalError, connections, transaction

from livinglab.core.sqlite.base import DatabaseWrapper, giving_way

HOGGING_SECONDS = 2.0


def _wrapper(path, alias: str) -> DatabaseWrapper:
    settings = {
        "NAME": str(path),
        "ENGINE": "livinglab.core.sqlite",
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=1000;",
            "transaction_mode": "IMMEDIATE",
        },
        "TIME_ZONE": None,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
        "TEST": {},
    }
    return DatabaseWrapper(settings, alias=alias)


@pytest.fixture
def database(tmp_path, db):
    path = tmp_path / "turns.sqlite3"
    setup = _wrapper(path, "setup")
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE note (who TEXT)")
    setup.close()
    return path


def _hog(path, started: threading.Event, counted: list) -> None:
    connections["hog"] = _wrapper(path, "hog")  # this thread's connection under that alias
    try:
        with giving_way("hog"):
            until = time.monotonic() + HOGGING_SECONDS
            while time.monotonic() < until:
                with transaction.atomic(using="hog"), connections["hog"].cursor() as cursor:
                    cursor.execute("INSERT INTO note VALUES ('import')")
                    started.set()
                    busy = time.monotonic()
                    while time.monotonic() - busy < 0.02:  # a meeting's worth of work
                        pass
                counted.append(1)
    finally:
        connections["hog"].close()


def test_other_writers_get_in_between_its_transactions(database):
    started, counted = threading.Event(), []
    hog = threading.Thread(target=_hog, args=(database, started, counted))
    hog.start()
    started.wait(5)
    connections["other"] = other = _wrapper(database, "other")
    failed = []
    try:
        deadline = time.monotonic() + HOGGING_SECONDS - 0.5
        writes = 0
        while time.monotonic() < deadline:
            try:
                if writes % 2:
                    with transaction.atomic(using="other"), other.cursor() as cursor:
                        cursor.execute("INSERT INTO note VALUES ('report')")
                else:  # a writing statement outside a transaction takes its turn too
                    with other.cursor() as cursor:
                        cursor.execute("INSERT INTO note VALUES ('sign-in')")
            except OperationalError as exc:
                failed.append(str(exc))
            writes += 1
            time.sleep(0.05)
    finally:
        hog.join()
        other.close()
        del connections["other"]
    assert failed == []
    assert writes > 10 and len(counted) > 10  # both went on writing
