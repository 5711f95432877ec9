"""A statement of a web request that runs past the limit is stopped (SQLite: interrupted;
PostgreSQL: statement_timeout), so abandoned slow requests cannot starve the server;
`livinglab serve` sets the limit for its workers only."""

import sqlite3
import time
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.db.backends.sqlite3.base import DatabaseWrapper

from livinglab.core import timeouts

COUNT_FOR_EVER = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
    "SELECT count(*) FROM (SELECT i FROM n LIMIT 2000000000)"
)


@pytest.fixture
def sqlite_connection(tmp_path, db):
    settings = {
        "NAME": str(tmp_path / "limit.sqlite3"),
        "ENGINE": "django.db.backends.sqlite3",
        "OPTIONS": {},
        "TIME_ZONE": None,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
        "TEST": {},
    }
    connection = DatabaseWrapper(settings, alias="limit")
    connection.ensure_connection()
    yield connection
    connection.close()


def test_a_statement_past_the_limit_is_interrupted(sqlite_connection):
    timeouts.limit_sqlite(sqlite_connection, 0.2)
    started = time.monotonic()
    with pytest.raises(OperationalError), sqlite_connection.cursor() as cursor:
        cursor.execute(COUNT_FOR_EVER)
    assert time.monotonic() - started < 5
    with sqlite_connection.cursor() as cursor:  # the next statement starts its own clock
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_without_a_limit_nothing_is_installed(sqlite_connection, settings):
    settings.LIVINGLAB_STATEMENT_SECONDS = 0
    timeouts.on_connection_created(None, sqlite_connection)
    assert sqlite_connection.execute_wrappers == []


def test_postgres_gets_a_statement_timeout_in_milliseconds():
    assert timeouts.postgres_options(30) == {"options": "-c statement_timeout=30000"}
    assert timeouts.postgres_options(0) == {}


def test_serve_limits_its_workers_and_passes_the_timeout_to_gunicorn(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    with (
        mock.patch("os.execv") as execv,
        mock.patch("livinglab.core.supervise.supervise") as supervise,
        mock.patch.dict("os.environ", {}, clear=False) as env,
    ):
        call_command("serve", "--timeout", "20", "--port", "8123", "--no-worker")
        argv = execv.call_args.args[1]
        assert "--timeout=25" in argv
        assert env["LIVINGLAB_STATEMENT_SECONDS"] == "20"
        supervise.assert_not_called()


def test_sqlite_module_supports_progress_handlers():
    assert hasattr(sqlite3.Connection, "set_progress_handler")
