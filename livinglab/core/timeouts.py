"""How long one database statement may run for a web request.

A slow kind of request (a search at a region's size, a large export) must not keep a
worker busy long after its visitor has gone, starving every other page. `livinglab serve`
sets LIVINGLAB_STATEMENT_SECONDS for its workers only, so background tasks, imports and
management commands are never cut short. PostgreSQL enforces it with `statement_timeout`;
SQLite with a progress handler that interrupts a statement running past it.
"""

import time

# SQLite calls the progress handler every this many virtual-machine instructions.
_SQLITE_STEPS = 20_000


def postgres_options(seconds: int) -> dict:
    return {"options": f"-c statement_timeout={seconds * 1000}"} if seconds > 0 else {}


def limit_sqlite(connection, seconds: float) -> None:
    """Interrupt any statement of this (open) SQLite connection that runs past `seconds`
    (it then raises OperationalError: interrupted)."""
    running = {"since": None}

    def timed(execute, sql, params, many, context):
        running["since"] = time.monotonic()
        try:
            return execute(sql, params, many, context)
        finally:
            running["since"] = None

    def too_long() -> int:
        since = running["since"]
        return int(since is not None and time.monotonic() - since > seconds)

    connection.connection.set_progress_handler(too_long, _SQLITE_STEPS)
    connection.execute_wrappers.append(timed)


def on_connection_created(sender, connection, **kwargs) -> None:
    from django.conf import settings

    seconds = settings.LIVINGLAB_STATEMENT_SECONDS
    if seconds > 0 and connection.vendor == "sqlite":
        limit_sqlite(connection, seconds)
