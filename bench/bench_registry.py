"""The case registry at a region's size: pages and API next to the raw SQL floor.

Generates bodies, meetings, cases (with aliases, agencies, decisions and events) in a
temporary SQLite file with bulk inserts, then times with the Django test client, as
the public: the registry list, a filtered list, a search, a case page and the API
list, each next to hand-written SQL returning the same rows (the floor).

Run: python bench/bench_registry.py [--cases 100000] [--events-per-case 10]
     python bench/bench_registry.py --postgres postgresql://user@host/db --cases 1000000
(--postgres uses an empty database it is given; its tables are created by migrate.)
Targets: p95 < 100 ms at 100k cases on SQLite, < 200 ms at 1M on PostgreSQL, and
within 3x of the raw query. Prints PASS/FAIL lines; never exits non-zero on a miss.

Search by word length (issue 16), `--search-only`. First measured 2026-12-06 on 2 cores
shared with other runs (load 8-9), where every word and the bare page missed both
targets; measured again on a quiet machine (load under 3), where they showed a cost the
generator had hidden: it made no agencies' assignments, and with them (one per case, as
imports make) the registry page took 260 ms on SQLite at 100k cases, search or not.
`Case.objects.overdue()` asked `pk IN (every case with a late assignment)`, which SQLite
built in full for each page of 50 (240 ms); asked per case (EXISTS) it is 0.7 ms. Then
the progress bar became a tag (its include was 5 ms of the page), pages read only each
case's latest stage, and the search box's rows stopped reading the filters' options.
Figures on the quiet machine, p50 / p95 ms and requests/s with 2 worker processes;
'page' as a link opens the registry, 'box' as the search box asks (rows alone):

  SQLite, 100k cases (10 events each), 100 requests per worker and word:
    word (chars)          page p50 p95  req/s   box p50 p95  req/s   db p50 p95
    交流 (2)                   22.7 26.7   82.4      16.2 19.6  120.1      3.2  3.6
    物流 (2)                   23.5 27.8   81.6      18.2 21.1  101.2      4.2  4.6
    捕獸鋏 (3)                 24.5 36.4   74.2      18.6 23.2  101.0      5.1  5.6
    交流合作 (4)               24.7 28.4   79.9      18.6 23.5   98.7      4.1  4.8
    林口物流 (4)               22.7 27.5   85.1      16.2 19.6  118.3      2.7  3.3
    交流示範 (no case)         12.0 14.3  161.3       7.2  8.6  266.5      2.9  3.1
    半導體 (no case)           11.5 14.1  149.6       6.6  8.1  289.4      0.9  1.6
    no search at all          19.0 23.6  101.1      11.7 14.9  161.9        -    -
  (two runs before this one, minutes apart: box 91-110, page 71-93 req/s; this
  virtual machine varies by a fifth from run to run.)
  PostgreSQL 15, 1M cases (3 events each), 50 requests per worker and word:
    交流 (2)                   87.4 102.4  22.1      81.2  91.1  24.2     42.6 44.3
    物流 (2)                   68.0  84.0  28.7      61.8  71.7  32.0     15.2 16.4
    捕獸鋏 (3)                 61.7  71.1  32.0      52.3  62.8  37.5     28.4 30.1
    交流合作 (4)               88.6  97.7  22.2      82.1 117.2  22.8     43.0 46.2
    林口物流 (4)               81.1  98.8  23.8      70.1  84.5  28.1     32.4 35.3
    交流示範 (no case)         43.6  54.2  44.8      34.1  42.1  58.7     11.2 11.7
    半導體 (no case)           14.3  16.7 136.0       7.1   8.9 261.3      1.2  1.6
    no search at all          24.3  32.3  75.7      15.3  18.6 123.1        -    -

PostgreSQL meets its target for every word (p95 under 120 ms against 200). On SQLite
the search box's rows reach about 100 requests/s for every word that finds cases; the
whole page does not (74-85), but neither does the page with no search at all (101): a
word costs its own queries (3-5 ms) over a page whose 50 rows are the floor, about 11 ms
of Python per page (five queries for their aliases, agencies, overdue state and
progress, and the template), and the layout and filter form another 6 ms. Words of any
length now cost the same: the stall issue 16 measured (22 against 111 requests/s) is
gone. Left: a cheaper page of rows (another template engine for it, or fewer rows),
which is not the search's cost.

The registry sorted by each header (issue 12), `--sorts --repeat 10`, measured
2026-12-06 on SQLite, 2 cores shared with other runs (load 4-9), first page as the
public, p50/p95 ms. 1M cases would take ~17 min to generate here, over the run's
budget, so 100k and 400k:
  100k, before the title and state indexes: case 294/337, state 373/460, last 328/457
    (each a scan of every case and a sort); number, body, -last 70-80.
  100k, with them (and no NULLS LAST on columns that are never empty): every header
    46-80 p50, from an index (case 79/326, state 46/47, last 56/74).
  400k, with them: number 33/35, body 29/34, but the default order, case, state and
    last 490-710 p50 (600-940 p95); a second run 290-500 p50. The plan of the page's
    query at 400k: SQLite walks the public bodies (visible_to's `body_id IN (…)`),
    reads each one's cases by the body index and sorts them all (temp B-tree), where
    at 100k it walked the sort's index and checked the body per row. The order's
    indexes are there; what is left is steering the planner (e.g. the visibility as a
    join or a per-row check) so that it keeps walking them at a region's size.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CITIES = ["臺北市政府", "新北市政府", "基隆市政府", "桃園市政府"]
AGENCIES = [
    "交通局",
    "產業發展局",
    "教育局",
    "環境保護局",
    "工務局",
    "社會局",
    "經濟發展局",
    "研究發展考核委員會",
    "觀光傳播局",
    "資訊局",
]
PLACES = [
    "雙北",
    "北桃",
    "基北",
    "山區",
    "濱海",
    "林口",
    "瑞芳",
    "五堵",
    "新店",
    "八里",
    "淡水",
    "大溪",
]
TOPICS = [
    "青創",
    "食農教育",
    "智慧農業",
    "電競產業",
    "跨境電商",
    "捕獸鋏宣導",
    "遊蕩犬處理",
    "地熱發電",
    "廢棄物清運",
    "公有市場",
    "觀光工廠",
    "物流",
    "數位轉型",
    "長照",
    "自行車道",
    "防災",
    "智慧路燈",
    "社會住宅",
    "空氣品質",
    "5G場域",
]
KINDS = [
    "交流合作",
    "經驗交流",
    "推動合作案",
    "觀摩交流",
    "聯合行銷",
    "示範計畫",
    "可行性評估",
    "宣導及清除",
]
SETTINGS = """
from livinglab.settings import *  # noqa
DATABASES = {{"default": {db!r}}}
STORAGES = {{"default": {{"BACKEND": "django.core.files.storage.FileSystemStorage"}},
            "staticfiles": {{"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}}}
ALLOWED_HOSTS = ["testserver"]
DEBUG = False
ROOT_URLCONF = "bench_urls"
"""
# The site's URLs plus two pages that read nothing: what any answer costs before a
# page does its own work (the same middleware, the same client).
URLS = """
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path

urlpatterns = [
    path("bench/empty/", lambda request: HttpResponse("")),
    path("bench/layout/", lambda request: render(request, "base.html")),
    path("", include("livinglab.urls")),
]
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--events-per-case", type=int, default=10)
    parser.add_argument("--decisions-per-case", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="PostgreSQL server to run on, e.g. postgresql://postgres@127.0.0.1:5432/postgres;"
        " a throwaway database is created there and dropped at the end",
    )
    parser.add_argument("--keep", action="store_true", help="Keep the generated database")
    parser.add_argument(
        "--search-only",
        action="store_true",
        help="Time only the searches by word length (2 workers), not the other pages",
    )
    parser.add_argument(
        "--search-requests",
        type=int,
        default=100,
        help="Requests per worker and word in the search throughput table",
    )
    parser.add_argument(
        "--sorts",
        action="store_true",
        help="Time only the registry sorted by each column header, both ways, with its plan",
    )
    parser.add_argument(
        "--reuse",
        metavar="DB",
        help="Time a database kept by --keep (a PostgreSQL URL or an SQLite file); no generating",
    )
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="livinglab-bench-"))
    if args.reuse:
        _configure(workdir, args.reuse if "://" in args.reuse else None, sqlite=args.reuse)
        facts = _facts_of_kept()
        print(f"reusing {args.reuse}: {facts['cases']:,} cases ({facts['vendor']})")
        _report_settings()
        _time_all(facts, args)
        shutil.rmtree(workdir, ignore_errors=True)
        return
    database = _create_database(args.postgres) if args.postgres else None
    try:
        _configure(workdir, database)
        _run(args)
    finally:
        if database and not args.keep:
            _drop_database(args.postgres, database)
        if args.keep:
            print(f"kept: {database or workdir / 'bench.sqlite3'}")
        if database or not args.keep:  # the work directory holds only settings then
            shutil.rmtree(workdir, ignore_errors=True)


def _run(args) -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    facts = generate(args.cases, args.events_per_case, args.decisions_per_case)
    steps = ", ".join(f"{k.split('_')[-1]} {v:.0f} s" for k, v in facts["timings"].items())
    print(
        f"generated {args.cases:,} cases, {facts['events']:,} events, {facts['decisions']:,}"
        f" decisions, {facts['grams']:,} search documents in {time.perf_counter() - started:.0f} s"
        f" ({facts['vendor']}; {steps})"
    )
    _report_settings()
    _time_all(facts, args)


def _time_all(facts: dict, args) -> None:
    postgres = facts["vendor"] == "postgresql"
    if args.sorts:
        report_sorts(facts, args.repeat)
        return
    if not args.search_only:
        report(measure(facts, args.repeat), 200 if postgres else 100)
    report_words(measure_words(args.search_requests), postgres)


def _report_settings() -> None:
    from django.conf import settings

    loaders = settings.TEMPLATES[0]["OPTIONS"].get("loaders")
    print(f"DEBUG={settings.DEBUG}, template loaders: {loaders or 'default (cached)'}")


def _facts_of_kept() -> dict:
    """The facts `generate` returned, read back from a kept database."""
    from django.db import connection

    from livinglab.orgs.models import Organisation
    from livinglab.tracking.models import Case

    agencies = list(
        Organisation.objects.filter(kind="agency").order_by("pk").values_list("pk", flat=True)
    )
    n_cases = Case.objects.count()
    return {
        "cases": n_cases,
        "vendor": connection.vendor,
        "agency": random.Random(5).choice(agencies),
        "case": n_cases // 2 + 1,
        "query": "捕獸鋏",
    }


def _create_database(server: str) -> str:
    """A new, empty database on the server at `server`; returns its URL."""
    import psycopg

    name = f"livinglab_bench_{os.getpid()}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return _with_database(server, name)


def _drop_database(server: str, url: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _with_database(url: str, name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def _configure(workdir: Path, postgres: str | None, sqlite: str | None = None) -> None:
    import dj_database_url

    db = (
        dj_database_url.parse(postgres, conn_max_age=60)  # as the settings do
        if postgres
        else {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": sqlite or str(workdir / "bench.sqlite3"),
            # The settings' own pragmas; only the generator's connection turns syncing off.
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                " PRAGMA busy_timeout=5000;"
            },
        }
    )
    (workdir / "bench_settings.py").write_text(SETTINGS.format(db=db))
    (workdir / "bench_urls.py").write_text(URLS)
    sys.path.insert(0, str(workdir))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench_settings",
        LIVINGLAB_TESTING="true",
        LIVINGLAB_HTTPS="false",
        LIVINGLAB_VAR_DIR=str(workdir),
    )
    import django

    django.setup()


# --- Data ---------------------------------------------------------------------------

MEETINGS_PER_BODY = 120
BIG_TABLES = [
    "tracking_case",
    "tracking_casealias",
    "tracking_caseagency",
    "tracking_decision",
    "tracking_caselink",
    "tracking_caseevent",
    "search_casedoc",
    "work_assignment",
    "work_progressreport",
]


def generate(
    n_cases: int,
    events_per_case: int,
    decisions_per_case: int,
    documents: bool = True,
    work: bool = True,
) -> dict:
    """Bulk-load a region's worth of cases; ids are assigned here, not by the database.

    Small tables (organisations, bodies, meetings) go through the ORM. The big ones are
    loaded without the ORM: COPY on PostgreSQL, executemany in one transaction per table
    on SQLite (synchronous=OFF, foreign keys off, on the generator's connection only).
    Secondary indexes of the big tables are dropped first and built after the load.
    Without `documents`, no search documents (for benches that do not search); without
    `work`, no agencies' assignments and progress reports (for benches that add their own).
    """
    from django.db import connection, transaction

    from livinglab.meetings.models import Body, Meeting
    from livinglab.orgs.models import Organisation
    from livinglab.search.models import CaseDoc, key_of
    from livinglab.search.text import grams_of
    from livinglab.tracking.models import Case, CaseAgency, CaseAlias, CaseEvent, CaseLink, Decision
    from livinglab.work.models import Assignment, ProgressReport

    rng = random.Random(4)
    d_per, e_per = decisions_per_case, events_per_case
    assert 1 <= d_per < MEETINGS_PER_BODY
    with transaction.atomic():
        cities = [
            Organisation.objects.create(kind="city", name=n, short_name=n[:3]) for n in CITIES
        ]
        agencies = Organisation.objects.bulk_create(
            Organisation(kind="agency", name=c.name + a, short_name=a, city=c, parent=c)
            for c in cities
            for a in AGENCIES
        )
        n_bodies = max(1, n_cases // 5000)
        Body.objects.bulk_create(Body(pk=b + 1, name=f"第{b + 1}工作小組") for b in range(n_bodies))
        start = dt.date(2015, 1, 1)
        dates = [start + dt.timedelta(days=30 * i) for i in range(MEETINGS_PER_BODY)]
        Meeting.objects.bulk_create(
            (
                Meeting(
                    pk=b * MEETINGS_PER_BODY + i + 1,
                    body_id=b + 1,
                    number=i + 1,
                    title=f"第{b + 1}工作小組第{i + 1}次會議",
                    date=dates[i],
                )
                for b in range(n_bodies)
                for i in range(MEETINGS_PER_BODY)
            ),
            batch_size=5000,
        )
    agency_ids = [a.pk for a in agencies]
    iso = [d.isoformat() for d in dates]

    # One pass of random choices per case, kept in plain lists.
    states = rng.choices(["tracked", "closed", "proposed"], weights=[5, 4, 1], k=n_cases)
    titles, firsts, closures, deadlines, agency_of = [], [], [], [], []
    for i in range(n_cases):
        titles.append(f"{rng.choice(PLACES)}{rng.choice(TOPICS)}{rng.choice(KINDS)}{i}")
        firsts.append(rng.randrange(MEETINGS_PER_BODY - d_per))
        closures.append(rng.choice(["delisted", "regular"]) if states[i] == "closed" else "")
        deadlines.append(rng.choice([30, 90, 3650]))
        agency_of.append(rng.choice(agency_ids))

    def body_of(i):
        return i % n_bodies

    def meeting_id(i, k):  # the meeting of case i's k-th decision
        return body_of(i) * MEETINGS_PER_BODY + firsts[i] + k + 1

    def case_rows():
        for i in range(n_cases):
            last = dates[firsts[i] + d_per - 1]
            yield (
                i + 1,
                body_of(i) + 1,
                titles[i],
                states[i],
                closures[i],
                meeting_id(i, 0),
                last.isoformat(),
                (last + dt.timedelta(days=deadlines[i])).isoformat(),
            )

    def alias_of(i):
        return titles[i][::-1][:12] + "案"

    def alias_rows():
        for n, i in enumerate(range(0, n_cases, 5)):
            yield (n + 1, i + 1, alias_of(i), "variant")

    def agency_rows():
        for i in range(n_cases):
            yield (i + 1, i + 1, agency_of[i])

    def assignment_rows():  # the case's agency's share, due on the case's deadline
        for i in range(n_cases):
            last = dates[firsts[i] + d_per - 1]
            deadline = (last + dt.timedelta(days=deadlines[i])).isoformat()
            yield (i + 1, i + 1, agency_of[i], "lead", deadline)

    zone = "+00:00" if connection.vendor == "postgresql" else ""

    def report_rows():  # an accepted report on every third tracked case, as agencies file
        n = 0
        for i in range(0, n_cases, 3):
            if states[i] == "tracked":
                n += 1
                filed = f"{dates[firsts[i] + d_per - 1].isoformat()} 02:00:00{zone}"
                yield (n, i + 1, "已完成場勘並召開協調會議。", 10 * (i % 10), "accepted", filed)

    def decision_text(i):
        return f"{titles[i]}：請{AGENCIES[i % len(AGENCIES)]}持續辦理並於下次會議報告。"

    def decision_rows():
        for i in range(n_cases):
            text = decision_text(i)
            for k in range(d_per):
                yield (i * d_per + k + 1, meeting_id(i, k), (i + 1) * 10 + k, text, "tracked")

    def link_rows():
        for i in range(n_cases):
            for k in range(d_per):
                n = i * d_per + k + 1
                yield (n, n, i + 1, titles[i], "exact")

    def event_rows():
        for i in range(n_cases):
            for k in range(e_per):
                j = min(k, d_per - 1)
                yield (
                    i * e_per + k + 1,
                    i + 1,
                    "tracked" if k == 0 else "noted",
                    iso[firsts[i] + j],
                    meeting_id(i, j),
                    i * d_per + j + 1,
                )

    agency_grams = {  # an agency's names, as `search.index.texts_of` reads them
        a.pk: grams_of(a.name) | grams_of(a.short_name) | grams_of(a.city.short_name + a.short_name)
        for a in agencies
    }

    def doc_rows():  # each keyed by its case's date, as the signals keep it
        for i in range(n_cases):
            grams = grams_of(titles[i]) | grams_of(decision_text(i)) | agency_grams[agency_of[i]]
            if i % 5 == 0:
                grams |= grams_of(alias_of(i))
            last = dates[firsts[i] + d_per - 1]
            yield (key_of(i + 1, last), i + 1, " ".join(sorted(grams)))

    loader = Loader(connection)
    with loader.without_secondary_indexes(BIG_TABLES):
        loader.load(
            Case,
            ["id", "body_id", "title", "state", "closure", "created_in_id"]
            + ["last_decided_on", "deadline"],
            case_rows(),
        )
        loader.load(CaseAlias, ["id", "case_id", "name", "kind"], alias_rows())
        loader.load(CaseAgency, ["id", "case_id", "organisation_id"], agency_rows())
        loader.load(Decision, ["id", "meeting_id", "position", "text", "status"], decision_rows())
        loader.load(CaseLink, ["id", "decision_id", "case_id", "name", "method"], link_rows())
        loader.load(
            CaseEvent, ["id", "case_id", "kind", "on", "meeting_id", "decision_id"], event_rows()
        )
        if work:
            loader.load(
                Assignment,
                ["id", "case_id", "organisation_id", "role", "deadline"],
                assignment_rows(),
            )
            loader.load(
                ProgressReport,
                ["id", "assignment_id", "text", "percent_complete", "status", "submitted_at"],
                report_rows(),
            )
        if documents:
            loader.load(CaseDoc, ["key", "case_id", "grams"], doc_rows())
    loader.finish()
    rng2 = random.Random(5)
    return {
        "cases": n_cases,
        "events": n_cases * e_per,
        "decisions": n_cases * d_per,
        "grams": loader.counts.get("search_casedoc", 0),
        "vendor": connection.vendor,
        "agency": rng2.choice(agency_ids),
        "case": n_cases // 2 + 1,
        "query": "捕獸鋏",
        "timings": loader.timings,
    }


class Loader:
    """Bulk inserts of generated rows, bypassing the ORM; the generator's only."""

    def __init__(self, connection):
        self.connection = connection
        self.vendor = connection.vendor
        self.counts: dict[str, int] = {}
        self.timings: dict[str, float] = {}
        connection.ensure_connection()
        with connection.cursor() as cursor:
            if self.vendor == "sqlite":
                # This connection only, and only while generating: the pages are timed
                # on a fresh connection with the settings' own pragmas.
                cursor.execute("PRAGMA synchronous=OFF")
                cursor.execute("PRAGMA foreign_keys=OFF")
                cursor.execute("PRAGMA cache_size=-262144")
            else:
                cursor.execute("SET synchronous_commit = off")
                cursor.execute("SET maintenance_work_mem = '512MB'")
                cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                if cursor.fetchone()[0]:  # no per-row foreign key triggers while loading
                    cursor.execute("SET session_replication_role = replica")

    @contextlib.contextmanager
    def without_secondary_indexes(self, tables):
        """Drop the big tables' secondary indexes (and unique constraints) and rebuild them."""
        with self.connection.cursor() as cursor:
            if self.vendor == "sqlite":
                marks = ",".join("%s" for _ in tables)
                cursor.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                    f" AND tbl_name IN ({marks})",
                    tables,
                )
                indexes = cursor.fetchall()
                for name, _sql in indexes:
                    cursor.execute(f'DROP INDEX "{name}"')
                restore = [sql for _name, sql in indexes]
            else:
                cursor.execute(
                    "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
                    " FROM pg_constraint WHERE contype = 'u' AND conrelid::regclass::text = ANY(%s)",
                    [tables],
                )
                uniques = cursor.fetchall()
                cursor.execute(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)"
                    " AND indexname NOT IN (SELECT conname FROM pg_constraint)",
                    [tables],
                )
                indexes = cursor.fetchall()
                for table, name, _definition in uniques:
                    cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
                for name, _definition in indexes:
                    cursor.execute(f'DROP INDEX "{name}"')
                restore = [f'ALTER TABLE "{t}" ADD CONSTRAINT "{n}" {d}' for t, n, d in uniques]
                restore += [definition for _name, definition in indexes]
        yield
        started = time.perf_counter()
        with self.connection.cursor() as cursor:
            for sql in restore:
                cursor.execute(sql)
        self.timings["indexes"] = time.perf_counter() - started

    def load(self, model, columns: list[str], rows) -> None:
        started = time.perf_counter()
        table = model._meta.db_table
        fields = {f.attname: f for f in model._meta.concrete_fields}
        names = [fields[c].column for c in columns]
        extra = [(f.column, _default_value(f)) for f in fields.values() if f.attname not in columns]
        names += [column for column, _value in extra]
        quoted = ", ".join(f'"{n}"' for n in names)
        count = 0
        if self.vendor == "postgresql":
            suffix = "".join("\t" + _copy_text(v) for _c, v in extra) + "\n"
            with self.connection.cursor() as cursor:
                with cursor.cursor.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
                    for chunk in _chunks(rows, 50_000):
                        count += len(chunk)
                        copy.write("".join(["\t".join(map(str, row)) + suffix for row in chunk]))
        else:
            tail = tuple(
                f.get_db_prep_save(v, self.connection) for f, v in _extra_fields(fields, columns)
            )
            marks = ", ".join("?" for _ in names)
            sql = f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})'
            raw = self.connection.connection
            raw.execute("BEGIN")
            for chunk in _chunks(rows, 50_000):
                count += len(chunk)
                raw.executemany(sql, [row + tail for row in chunk])
            raw.execute("COMMIT")
        self.counts[table] = count
        self.timings[table] = time.perf_counter() - started

    def finish(self) -> None:
        """Sequences after the given ids, statistics for the planner."""
        started = time.perf_counter()
        with self.connection.cursor() as cursor:
            if self.vendor == "postgresql":
                cursor.execute("SET session_replication_role = DEFAULT")
                for table in BIG_TABLES:
                    if table == "search_casedoc":  # keys given (`key_of`), never generated
                        continue
                    cursor.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                        f' COALESCE((SELECT MAX(id) FROM "{table}"), 1))'
                    )
                cursor.execute("VACUUM ANALYZE")
            else:
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.execute("ANALYZE")
        self.timings["analyze"] = time.perf_counter() - started


def _extra_fields(fields, columns):
    return [(f, _default_value(f)) for f in fields.values() if f.attname not in columns]


def _default_value(field):
    from django.utils import timezone

    if field.has_default():
        return field.get_default()
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return timezone.now()
    if field.null:
        return None
    if field.get_internal_type() in ("CharField", "TextField"):
        return ""
    raise ValueError(f"no value for {field}")


def _copy_text(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def _chunks(rows, size: int):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- Timing -------------------------------------------------------------------------


def timed_pair(page, floor, repeat: int) -> tuple[list[float], list[float]]:
    """Time a page and its floor alternately, so that a busy machine weighs on both."""
    page(), floor()  # warm up
    pages, floors = [], []
    for _ in range(repeat):
        for fn, times in ((page, pages), (floor, floors)):
            t = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t) * 1000)
    return pages, floors


def timed(fn, repeat: int) -> list[float]:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times


def get(client, url):
    def fetch():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    return fetch


def raw(steps):
    """Hand-written SQL on the same connection: each step is (sql, params), params being
    a function of the previous step's rows when a query needs the ids the last one found.
    Returns the rows of every step (to check they are the page's)."""
    from django.db import connection

    def run():
        found, rows = [], None
        with connection.cursor() as cursor:
            for sql, params in steps:
                if callable(params):
                    sql, params = params(sql, rows)
                cursor.execute(sql, params)
                rows = cursor.fetchall()
                found.append(rows)
        return found

    return run


def _ids_of(previous_step: int = 0):
    """Params for `... IN (%s)`: the ids in column 0 of the page's rows."""

    def params(sql, rows):
        ids = [row[0] for row in rows] or [0]
        return sql.replace("(%s)", "(" + ", ".join(["%s"] * len(ids)) + ")"), ids

    return params


VISIBLE = "c.body_id IN (SELECT id FROM meetings_body WHERE is_public)"
ROW_COLS = (
    "c.id, c.title, c.state, c.closure, c.pending, c.deadline, c.last_decided_on, b.name,"
    " b.short_name"
)
NEWEST = "ORDER BY c.last_decided_on DESC, c.id DESC"


def _list_floor(
    where: str, params: list, extra: list | None = None, join: str = "", order: str = NEWEST
) -> list:
    """What a registry page shows: the count (capped as the page caps it), 50 rows with
    their body, aliases and agencies, and the filter form's choices. `join` and `order`:
    a table joined for its order (the search's first gram) and that order."""
    from livinglab.tracking.registry import COUNT_CAP

    return [
        *(extra or []),
        (  # a search counts in its order (the gram index's), as far as the cap
            f"SELECT COUNT(*) FROM (SELECT c.id FROM tracking_case c {join} WHERE {VISIBLE}"
            f" AND {where} {order if join else ''} LIMIT {COUNT_CAP + 1}) s",
            params,
        ),
        (
            f"SELECT {ROW_COLS} FROM tracking_case c JOIN meetings_body b ON b.id = c.body_id"
            f" {join} WHERE {VISIBLE} AND {where} {order} LIMIT 51",
            params,
        ),
        *_row_details(),
        ("SELECT id, name FROM meetings_body WHERE is_public ORDER BY name", []),
        (
            "SELECT o.id, o.name FROM orgs_organisation o WHERE o.kind IN ('agency', 'unit')"
            " AND EXISTS (SELECT 1 FROM tracking_caseagency a WHERE a.organisation_id = o.id)"
            " ORDER BY o.name",
            [],
        ),
        ("SELECT id, name FROM orgs_organisation WHERE kind = 'city' ORDER BY name", []),
    ]


def _row_details() -> list:
    page_ids = _ids_of()
    agencies = (
        "SELECT a.case_id, o.short_name, o.name FROM tracking_caseagency a"
        " JOIN orgs_organisation o ON o.id = a.organisation_id WHERE a.case_id IN (%s) ORDER BY a.id"
    )

    def agencies_of_page(sql, rows):  # rows are the aliases; the ids are the page's
        return page_ids(sql, _page_rows[0])

    def aliases(sql, rows):
        _page_rows[:] = [rows]
        return page_ids(sql, rows)

    _page_rows: list = []
    return [
        (
            "SELECT case_id, name FROM tracking_casealias WHERE case_id IN (%s)"
            " ORDER BY created_at, id",
            aliases,
        ),
        (agencies, agencies_of_page),
    ]


def measure(facts: dict, repeat: int) -> list[tuple]:
    from django.db import connection
    from django.test import Client

    from livinglab.search.text import query_grams
    from livinglab.tracking.registry import COUNT_CAP

    client = Client()
    case, agency, q = facts["case"], facts["agency"], facts["query"]
    grams = query_grams(q)
    # Every gram, through the database's inverted index over the cases' documents: on
    # SQLite the FTS5 table, read in key order (newest first); on PostgreSQL the GIN
    # index, the few matches then sorted.
    if connection.vendor == "sqlite":
        search = "f.search_casedoc_fts = %s"
        search_params = [" ".join(f'"{gram}"' for gram in grams)]
        by_date = {
            "join": "JOIN search_casedoc d ON d.case_id = c.id"
            " JOIN search_casedoc_fts f ON f.rowid = d.key",
            "order": "ORDER BY f.rowid",
        }
    else:
        search = "string_to_array(d.grams, ' ') @> %s::text[]"
        search_params = [list(grams)]
        by_date = {"join": "JOIN search_casedoc d ON d.case_id = c.id", "order": NEWEST}
    agency_form = (
        "SELECT o.id FROM orgs_organisation o WHERE o.id = %s AND o.kind IN ('agency', 'unit')"
        " AND EXISTS (SELECT 1 FROM tracking_caseagency a WHERE a.organisation_id = o.id)",
        [agency],
    )
    links = (
        "SELECT l.case_id, l.id, l.confidence, l.needs_review, l.reviewed_at, d.id, d.position,"
        " d.status, d.text, d.deadline, m.id, m.date, m.title FROM tracking_caselink l"
        " JOIN tracking_decision d ON d.id = l.decision_id"
        " JOIN meetings_meeting m ON m.id = d.meeting_id"
        " WHERE l.case_id IN (%s) AND l.split_at IS NULL"
    )
    paths = [
        (
            "registry list",
            "/cases/",
            "capped count, 50 rows + body, aliases, agencies, 3 form choice lists",
            _list_floor("1 = 1", []),
        ),
        (
            "filtered list",
            f"/cases/?state=tracked&agency={agency}",
            "as the list, + the agency choice check; state and agency filter",
            _list_floor(
                "c.state = 'tracked' AND c.id IN"
                " (SELECT case_id FROM tracking_caseagency WHERE organisation_id = %s)",
                [agency],
                [agency_form],
            ),
        ),
        (
            "search",
            f"/cases/?q={q}",
            f"as the list; texts with the grams {'/'.join(grams)}, newest first",
            _list_floor(search, search_params, **by_date),
        ),
        (
            "case page",
            f"/cases/{case}/",
            "case + body + first meeting, aliases, merged cases, agencies, decisions, events",
            [
                (
                    "SELECT c.*, b.name, m.id, m.title FROM tracking_case c"
                    " JOIN meetings_body b ON b.id = c.body_id"
                    " LEFT JOIN meetings_meeting m ON m.id = c.created_in_id"
                    f" WHERE c.id = %s AND {VISIBLE}",
                    [case],
                ),
                (
                    "SELECT name, kind FROM tracking_casealias WHERE case_id = %s"
                    " ORDER BY created_at, id",
                    [case],
                ),
                (
                    "SELECT id, title FROM tracking_case WHERE merged_into_id = %s ORDER BY id",
                    [case],
                ),
                (
                    "SELECT a.organisation_id, a.role, o.name FROM tracking_caseagency a"
                    " JOIN orgs_organisation o ON o.id = a.organisation_id WHERE a.case_id = %s"
                    " ORDER BY a.role, a.id",
                    [case],
                ),
                (
                    "SELECT d.id, d.text, d.status, d.path, d.deadline, d.deadline_mention, m.id,"
                    " m.title, m.date, m.body_id FROM tracking_caselink l"
                    " JOIN tracking_decision d ON d.id = l.decision_id"
                    " JOIN meetings_meeting m ON m.id = d.meeting_id"
                    " WHERE l.case_id = %s AND l.split_at IS NULL ORDER BY m.date, d.position, l.id",
                    [case],
                ),
                (
                    'SELECT e.kind, e."on", e.note, e.decision_id, u.username FROM tracking_caseevent e'
                    ' LEFT JOIN auth_user u ON u.id = e.actor_id WHERE e.case_id = %s ORDER BY e."on", e.id',
                    [case],
                ),
            ],
        ),
        (
            "API list",
            "/api/cases?limit=50",
            "capped count (as the list), 50 cases, aliases, decisions with meetings",
            [
                (
                    f"SELECT COUNT(*) FROM (SELECT c.id FROM tracking_case c WHERE {VISIBLE}"
                    f" LIMIT {COUNT_CAP + 1}) s",
                    [],
                ),
                (
                    "SELECT c.id, c.title, c.state, c.closure, c.pending, c.merged_into_id,"
                    f" c.deadline FROM tracking_case c WHERE {VISIBLE} {NEWEST} LIMIT 50",
                    [],
                ),
                *_api_details(links),
            ],
        ),
    ]
    results = []
    for name, url in (("empty answer", "/bench/empty/"), ("layout only", "/bench/layout/")):
        results.append((name, None, 0, timed(get(client, url), repeat), None))
    for name, url, what, steps in paths:
        page, floor = get(client, url), raw(steps)
        _check_same_rows(name, page(), floor())
        page_ms, floor_ms = timed_pair(page, floor, repeat)
        results.append((name, what, len(steps), page_ms, floor_ms))
    return results


def _api_details(links: str) -> list:
    page_ids = _ids_of()
    kept: list = []

    def aliases(sql, rows):
        kept[:] = [rows]
        return page_ids(sql, rows)

    return [
        (
            "SELECT case_id, name FROM tracking_casealias WHERE case_id IN (%s)"
            " ORDER BY created_at, id",
            aliases,
        ),
        (links, lambda sql, rows: page_ids(sql, kept[0])),
    ]


def _check_same_rows(name: str, response, found: list) -> None:
    """The floor must find what the page shows: same case ids in the same order."""
    import re

    from livinglab.tracking.registry import COUNT_CAP

    if name == "case page":
        assert found[0], "case floor found no case"
        return
    if name == "API list":
        data = response.json()
        ids = [item["id"] for item in data["items"]]
        counted = found[0][0][0]
        assert data["count"] == (counted if counted <= COUNT_CAP else None), (name, data)
        assert ids == [row[0] for row in found[1]], name
        return
    html = response.content.decode()
    shown = [int(pk) for pk in re.findall(r'<td class="num"[^>]*>(\d+)</td>', html)]
    rows = next(step for step in found if step and len(step[0]) == 9)
    assert shown == [row[0] for row in rows[:50]], (name, shown[:5], rows[:5])


# --- Search by word length, two workers --------------------------------------------

# Words of the generated titles (places, topics, kinds) and decisions, by length. The
# last two share no case: the index intersects common lists (or finds no list) for nothing.
WORDS = [
    ("2", "交流", "in 3 of 8 kinds of title"),
    ("2", "物流", "one topic in 20"),
    ("3", "捕獸鋏", "one topic in 20"),
    ("4", "交流合作", "issue 16's word: one kind in 8, and its pieces in others"),
    ("4", "林口物流", "a place and a topic"),
    ("6+", "捕獸鋏宣導及清除", "a topic and a kind"),
    ("6+", "山區智慧農業示範計畫", "a place, a topic and a kind"),
    ("4", "交流示範", "no case: two common pieces never together"),
    ("3", "半導體", "no case: a pair no case has"),
]
WORKERS = 2


def _search_worker(job):
    """One worker process: `n` searches for `word` through the test client, timed; as a
    link opens the registry (the whole page) or as the search box asks while one types
    (its rows alone, by htmx)."""
    word, n, box = job
    from django.db import connections
    from django.test import Client

    connections.close_all()  # a connection of its own, not the parent's
    client = Client(headers={"HX-Request": "true"} if box else {})
    fetch = get(client, "/cases/?" + urlencode({"q": word}))
    fetch()  # warm up
    times = []
    began = time.perf_counter()
    for _ in range(n):
        t = time.perf_counter()
        fetch()
        times.append((time.perf_counter() - t) * 1000)
    return times, began, time.perf_counter()


def measure_words(requests: int) -> list[tuple]:
    """For each word: latencies of WORKERS processes searching at once, and requests/s,
    for the whole page and for the search box's rows."""
    import multiprocessing

    from django.db import connections

    connections.close_all()
    results = []
    with multiprocessing.get_context("fork").Pool(WORKERS) as pool:

        def together(word, box):
            runs = pool.map(_search_worker, [(word, requests, box)] * WORKERS)
            times = [t for run_times, _b, _e in runs for t in run_times]
            wall = max(e for _t, _b, e in runs) - min(b for _t, b, _e in runs)
            return times, len(times) / wall

        for length, word, what in [*WORDS, ("-", "", "no search: the registry page's own cost")]:
            load = os.getloadavg()[0]
            page, box = together(word, False), together(word, True)
            db = timed(_search_queries(word), 20) if word else [0.0, 0.0]
            results.append((length, word, what, page, box, load, db))
    return results


def _search_queries(word: str):
    """The search's own queries, without the page: capped count and 51 rows."""
    from livinglab.search.index import search
    from livinglab.tracking.models import Case
    from livinglab.tracking.registry import COUNT_CAP, capped_count, registry_rows

    def run():
        cases = search(Case.objects.all(), word)
        capped_count(cases, COUNT_CAP)
        return list(registry_rows(cases)[:51])

    return run


def report_words(results, postgres: bool) -> None:
    from livinglab.search.text import query_grams
    from livinglab.tracking.models import Case

    print(
        f"\nSearch by word length: {WORKERS} worker processes search the same word at once"
        "\nthrough the test client (the whole registry page: capped count, 50 rows, their"
        f"\naliases and agencies). {os.cpu_count()} CPUs; load average (1 min) before each word."
        "\nTargets: every word >= 100 requests/s with 2 workers on 2 cores at 100k cases"
        "\n(SQLite); p95 < 200 ms at 1M cases (PostgreSQL).\n"
    )
    print(
        "'db' is the search's own queries alone (capped count and 51 rows; on PostgreSQL"
        " also\nthe matches collected through the index), one process.\n"
    )
    print(
        "'box' is what the search box asks while one types: the same search, its rows alone"
        " (htmx).\n"
    )
    head = f"{'':>5} {'':<10} {'':>5} {'page':>7} {'':>7} {'':>7} {'box':>7} {'':>7} {'':>7}"
    print(head)
    head = (
        f"{'chars':>5} {'word':<10} {'grams':>5}"
        + " {:>7} {:>7} {:>7}".format("p50 ms", "p95 ms", "req/s") * 2
    )
    print(f"{head} {'db p50':>7} {'db p95':>7} {'load':>5}")
    for length, word, what, (times, rate), (box, box_rate), load, db in results:
        grams = query_grams(word)
        print(
            f"{length:>5} {word or '(none)':<10} {len(grams):>5} {p(times, 50):7.1f}"
            f" {p(times, 95):7.1f} {rate:7.1f} {p(box, 50):7.1f} {p(box, 95):7.1f}"
            f" {box_rate:7.1f} {p(db, 50):7.1f} {p(db, 95):7.1f} {load:5.1f}  {what}"
        )
        if not word:
            continue
        for name, latencies, per_second in (("page", times, rate), ("box", box, box_rate)):
            if postgres:
                verdict = "PASS" if p(latencies, 95) < 200 else "FAIL"
                print(f"      {verdict} ({name}): p95 {p(latencies, 95):.1f} ms < 200 ms")
            else:
                verdict = "PASS" if per_second >= 100 else "FAIL"
                print(f"      {verdict} ({name}): {per_second:.1f} requests/s >= 100")
    n = Case.objects.count()
    scale = 1_000_000 if postgres else 100_000
    if n != scale:
        print(f"  (measured at {n:,} cases; the target is set at {scale:,})")


def report_sorts(facts: dict, repeat: int) -> None:
    """The registry's first page sorted by each header, both ways, as the public; and
    whether the database reads the page from an index or sorts the whole table for it."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from livinglab.tracking.views import COLUMNS

    client = Client()
    print(f"\nRegistry sorted by a header, page 1 of {facts['cases']:,} cases (ms):")
    print(f"{'sort':10} {'p50':>7} {'p95':>7}  plan of the page's query")
    for value in [""] + [f"{d}{c.key}" for c in COLUMNS if c.order for d in ("", "-")]:
        url = "/cases/" + (f"?sort={value}" if value else "")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        page_sql = max(
            (q["sql"] for q in queries.captured_queries if "ORDER BY" in q["sql"]),
            key=lambda sql: ("tracking_case" in sql and "LIMIT" in sql, len(sql)),
        )
        times = timed(get(client, url), repeat)
        plan = ""
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN QUERY PLAN " + page_sql)
                steps = [row[-1] for row in cursor.fetchall()]
            plan = "; ".join(s for s in steps if s.startswith(("SCAN", "USE TEMP")))
        print(f"{value or '(default)':10} {p(times, 50):7.1f} {p(times, 95):7.1f}  {plan[:110]}")


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def report(results, target_ms: int) -> None:
    print(
        "\nEach path is timed through the Django test client (middleware, view, template or"
        "\nAPI serialisation) alternately with its floor: hand-written SQL on the same"
        "\nconnection returning what the page shows (same rows, count, columns, choices)."
        f"\nTargets: p95 < {target_ms} ms, and page within 3x of the floor (p50 and p95 ratios)."
        "\nThe first two rows read nothing: every page costs at least as much as they do.\n"
    )
    head = f"{'':14} {'p50 ms':>7} {'p95 ms':>7} {'floor p50':>9} {'floor p95':>9} {'x p50':>6} {'x p95':>6}"
    print(head)
    stack = {}  # p50 of the answers that read nothing, by name
    for name, what, n_queries, page, floor in results:
        if floor is None:  # the stack's own floor, below any page
            stack[name] = p(page, 50)
            print(f"{name:14} {p(page, 50):7.1f} {p(page, 95):7.1f}")
            print(
                "  no query: Django's middleware and response"
                + (", and the site's layout template" if name == "layout only" else "")
            )
            continue
        p50, p95, r50, r95 = p(page, 50), p(page, 95), p(floor, 50), p(floor, 95)
        x50, x95 = p50 / r50, p95 / r95
        print(f"{name:14} {p50:7.1f} {p95:7.1f} {r50:9.1f} {r95:9.1f} {x50:6.1f} {x95:6.1f}")
        fast = "PASS" if p95 < target_ms else "FAIL"
        near = "PASS" if max(x50, x95) <= 3 else "FAIL"
        print(f"  floor: {n_queries} queries: {what}")
        print(
            f"  {fast}: p95 {p95:.1f} ms < {target_ms} ms;"
            f"  {near}: within 3x of the floor ({x50:.1f}x at p50, {x95:.1f}x at p95)"
        )
        # An HTML page needs the layout at least, JSON an answer: 3x below that is out
        # of reach for any page, however it reads its rows.
        least = stack["empty answer" if name.startswith("API") else "layout only"]
        if 3 * r50 < least:
            print(
                f"  3x the floor at p50 ({3 * r50:.1f} ms) is below a page that reads nothing ({least:.1f} ms)"
            )


if __name__ == "__main__":
    main()
