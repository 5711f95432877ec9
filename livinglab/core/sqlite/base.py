"""SQLite whose writers take turns, so that a long series of short write transactions
(a large import) lets other writers in between them.

SQLite has one writer at a time; the others wait in its busy handler, which sleeps and
tries again, every 100 ms once it has waited a while. A process that commits and begins
its next transaction at once almost always wins the next try, so a report saved during
a large import could wait out the whole busy timeout and fail with "database is locked",
although each of the import's transactions was short.

Here every write — each transaction, and each writing statement outside one — holds a
shared lock on a file beside the database (`<name>-writers`) from before it asks SQLite
for the write lock until it ends. A connection that `gives_way` waits, before each of its
transactions, until no one holds that lock: whoever was waiting when it committed goes
first, and waits at most for the transaction then running.
"""

import fcntl
import os
import re
import time
from contextlib import contextmanager

from django.db import connections
from django.db.backends.sqlite3 import base

# A writer that gives way waits at most this long for the others (a transaction held
# open longer is not one waiting for the write lock), then goes ahead all the same.
GIVE_WAY_SECONDS = 2.0
# And its own busy timeout, so that others' writes in the meantime are no error for it.
GIVING_WAY_BUSY_MS = 60_000

_WRITE = re.compile(r"\s*(?:INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.gives_way = False
        self._turns: int | None = None  # the lock file, opened at the first write
        self._turns_pid = 0  # by this process (a forked child opens its own)
        self._holding = False
        self.execute_wrappers.append(_one_statement_writes)

    def _start_transaction_under_autocommit(self):
        self._take_turn()
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._end_turn()
            raise

    def _commit(self):
        try:
            return super()._commit()
        finally:
            self._end_turn()

    def _rollback(self):
        try:
            return super()._rollback()
        finally:
            self._end_turn()

    def _close(self):
        try:
            return super()._close()
        finally:
            self._end_turn()
            if self._turns is not None and self._turns >= 0 and self._turns_pid == os.getpid():
                os.close(self._turns)
            self._turns = None

    def _turn_file(self) -> int:
        """The lock file's descriptor, or -1 for a database in memory (no other process)."""
        if self._turns is not None and self._turns_pid != os.getpid():
            self._turns, self._holding = None, False  # the parent's file: not this one's
        if self._turns is None:
            self._turns_pid = os.getpid()
            if self.is_in_memory_db():
                self._turns = -1
            else:
                path = f"{self.settings_dict['NAME']}-writers"
                self._turns = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        return self._turns

    def _take_turn(self) -> None:
        turns = self._turn_file()
        if turns < 0 or self._holding:
            return
        if self.gives_way:
            _wait_for_others(turns)
        fcntl.flock(turns, fcntl.LOCK_SH)
        self._holding = True

    def _end_turn(self) -> None:
        if self._holding and self._turns_pid == os.getpid():
            fcntl.flock(self._turns, fcntl.LOCK_UN)
        self._holding = False


def _wait_for_others(turns: int) -> None:
    """Until no one holds the writers' lock (or GIVE_WAY_SECONDS have passed)."""
    deadline = time.monotonic() + GIVE_WAY_SECONDS
    while True:
        try:
            fcntl.flock(turns, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if time.monotonic() > deadline:
                return
            time.sleep(0.001)
        else:
            fcntl.flock(turns, fcntl.LOCK_UN)
            return


def _one_statement_writes(execute, sql, params, many, context):
    """A writing statement outside a transaction is a transaction of its own: it takes
    its turn like one."""
    db = context["connection"]
    if db._holding or not db.get_autocommit() or not _WRITE.match(sql):
        return execute(sql, params, many, context)
    db._take_turn()
    try:
        return execute(sql, params, many, context)
    finally:
        db._end_turn()


@contextmanager
def giving_way(using: str = "default"):
    """Inside the block, this thread's connection to `using` lets other writers go first
    before each of its transactions and waits patiently for them (no-op on PostgreSQL,
    whose writers lock rows, not the database)."""
    db = connections[using]
    if not isinstance(db, DatabaseWrapper) or db.gives_way:
        yield
        return
    db.gives_way = True
    _busy_timeout(db, GIVING_WAY_BUSY_MS)
    try:
        yield
    finally:
        db.gives_way = False
        _busy_timeout(db, None)


def _busy_timeout(db, milliseconds: int | None) -> None:
    """Set this connection's busy timeout (None: back to the settings' own)."""
    if milliseconds is None:
        if db.connection is None:
            return  # a new connection starts with the settings' timeout
        milliseconds = _settings_busy_ms(db)
    with db.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")


def _settings_busy_ms(db) -> int:
    found = re.search(
        r"busy_timeout\s*=\s*(\d+)", db.settings_dict["OPTIONS"].get("init_command", "")
    )
    return (
        int(found.group(1)) if found else int(1000 * db.settings_dict["OPTIONS"].get("timeout", 5))
    )
