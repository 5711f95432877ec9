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
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

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
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--events-per-case", type=int, default=10)
    parser.add_argument("--decisions-per-case", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--postgres", metavar="URL", help="Run on this PostgreSQL database")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="livinglab-bench-"))
    _configure(workdir, args.postgres)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    facts = generate(args.cases, args.events_per_case, args.decisions_per_case)
    print(
        f"generated {args.cases:,} cases, {facts['events']:,} events, {facts['decisions']:,} decisions,"
        f" {facts['grams']:,} search rows in {time.perf_counter() - started:.0f} s ({facts['vendor']})"
    )
    target = 200 if args.postgres else 100
    try:
        report(measure(facts, args.repeat), target)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _configure(workdir: Path, postgres: str | None) -> None:
    import dj_database_url

    db = (
        dj_database_url.parse(postgres)
        if postgres
        else {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(workdir / "bench.sqlite3"),
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"},
        }
    )
    (workdir / "bench_settings.py").write_text(SETTINGS.format(db=db))
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


def generate(n_cases: int, events_per_case: int, decisions_per_case: int) -> dict:
    from django.db import connection, transaction

    from livinglab.meetings.models import Body, Meeting
    from livinglab.orgs.models import Organisation
    from livinglab.search.index import rows_for
    from livinglab.search.models import CaseGram
    from livinglab.tracking.models import Case, CaseAgency, CaseAlias, CaseEvent, CaseLink, Decision

    rng = random.Random(4)
    batch = 5000
    with transaction.atomic():
        cities = [
            Organisation.objects.create(kind="city", name=n, short_name=n[:3]) for n in CITIES
        ]
        agencies = Organisation.objects.bulk_create(
            Organisation(kind="agency", name=c.name + a, short_name=a, city=c, parent=c)
            for c in cities
            for a in AGENCIES
        )
        bodies = [
            Body.objects.create(name=f"第{i + 1}工作小組") for i in range(max(1, n_cases // 5000))
        ]
        start = dt.date(2015, 1, 1)
        meetings = Meeting.objects.bulk_create(
            Meeting(
                body=b,
                number=i + 1,
                title=f"{b.name}第{i + 1}次會議",
                date=start + dt.timedelta(days=30 * i),
            )
            for b in bodies
            for i in range(120)
        )
        by_body: dict[int, list] = {}
        for m in meetings:
            by_body.setdefault(m.body_id, []).append(m)

        titles, names = [], {}
        for i in range(n_cases):
            titles.append(f"{rng.choice(PLACES)}{rng.choice(TOPICS)}{rng.choice(KINDS)}{i}")
        states = rng.choices(["tracked", "closed", "proposed"], weights=[5, 4, 1], k=n_cases)
        cases = []
        for i in range(n_cases):
            body = bodies[i % len(bodies)]
            seen = by_body[body.pk]
            first = rng.randrange(len(seen) - decisions_per_case)
            last = seen[first + decisions_per_case - 1]
            closure = rng.choice(["delisted", "regular"]) if states[i] == "closed" else ""
            cases.append(
                Case(
                    body=body,
                    title=titles[i],
                    state=states[i],
                    closure=closure,
                    created_in=seen[first],
                    last_decided_on=last.date,
                    deadline=last.date + dt.timedelta(days=rng.choice([30, 90, 3650])),
                )
            )
            cases[-1]._first = first
        Case.objects.bulk_create(cases, batch_size=batch)
        aliases = [
            CaseAlias(case=c, name=c.title[::-1][:12] + "案", kind="variant") for c in cases[::5]
        ]
        CaseAlias.objects.bulk_create(aliases, batch_size=batch)
        for c in cases:
            names[c.pk] = [c.title]
        for a in aliases:
            names[a.case_id].append(a.name)
        CaseAgency.objects.bulk_create(
            (CaseAgency(case=c, organisation=rng.choice(agencies)) for c in cases), batch_size=batch
        )
        decisions, links = [], []
        for c in cases:
            seen = by_body[c.body_id]
            for k in range(decisions_per_case):
                decisions.append(
                    Decision(
                        meeting=seen[c._first + k],
                        position=c.pk * 10 + k,
                        text=f"{c.title}：請持續辦理並於下次會議報告。",
                        status="tracked",
                    )
                )
        Decision.objects.bulk_create(decisions, batch_size=batch)
        for j, d in enumerate(decisions):
            links.append(
                CaseLink(
                    decision=d,
                    case=cases[j // decisions_per_case],
                    name=cases[j // decisions_per_case].title,
                    method="exact",
                )
            )
        CaseLink.objects.bulk_create(links, batch_size=batch)
        events = []
        for i, c in enumerate(cases):
            for k in range(events_per_case):
                d = decisions[i * decisions_per_case + min(k, decisions_per_case - 1)]
                events.append(
                    CaseEvent(
                        case=c,
                        kind="tracked" if k == 0 else "noted",
                        on=d.meeting.date,
                        meeting=d.meeting,
                        decision=d,
                    )
                )
            if len(events) >= 50_000:
                CaseEvent.objects.bulk_create(events, batch_size=batch)
                events = []
        CaseEvent.objects.bulk_create(events, batch_size=batch)
        grams = rows_for(names)
        CaseGram.objects.bulk_create(grams, batch_size=batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "events": n_cases * events_per_case,
        "decisions": len(decisions),
        "grams": len(grams),
        "vendor": connection.vendor,
        "agency": rng.choice(agencies).pk,
        "case": cases[len(cases) // 2].pk,
        "query": "捕獸鋏",
    }


# --- Timing -------------------------------------------------------------------------


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


def raw(sqls):
    from django.db import connection

    def run():
        with connection.cursor() as cursor:
            for sql, params in sqls:
                cursor.execute(sql, params)
                cursor.fetchall()

    return run


def measure(facts: dict, repeat: int) -> list[tuple]:
    from django.test import Client

    client = Client()
    page = "ORDER BY c.last_decided_on DESC, c.id DESC LIMIT 50"
    cols = "c.id, c.title, c.state, c.closure, c.last_decided_on"
    grams = "SELECT case_id FROM search_casegram WHERE gram IN (%s, %s) GROUP BY case_id HAVING COUNT(*) >= 2"
    agency = "SELECT case_id FROM tracking_caseagency WHERE organisation_id = %s"
    q = facts["query"]
    q_params = [q[0:2], q[1:3]]
    cases = [
        (
            "registry list",
            "/cases/",
            [
                ("SELECT COUNT(*) FROM tracking_case", []),
                (f"SELECT {cols} FROM tracking_case c {page}", []),
            ],
        ),
        (
            "filtered list",
            f"/cases/?state=tracked&agency={facts['agency']}",
            [
                (
                    f"SELECT COUNT(*) FROM tracking_case c WHERE c.state = 'tracked' AND c.id IN ({agency})",
                    [facts["agency"]],
                ),
                (
                    f"SELECT {cols} FROM tracking_case c WHERE c.state = 'tracked' AND c.id IN ({agency}) {page}",
                    [facts["agency"]],
                ),
            ],
        ),
        (
            "search",
            f"/cases/?q={q}",
            [
                (f"SELECT COUNT(*) FROM tracking_case c WHERE c.id IN ({grams})", q_params),
                (f"SELECT {cols} FROM tracking_case c WHERE c.id IN ({grams}) {page}", q_params),
            ],
        ),
        (
            "case page",
            f"/cases/{facts['case']}/",
            [
                ("SELECT * FROM tracking_case WHERE id = %s", [facts["case"]]),
                (
                    'SELECT * FROM tracking_caseevent WHERE case_id = %s ORDER BY "on", id',
                    [facts["case"]],
                ),
                (
                    "SELECT d.* FROM tracking_caselink l JOIN tracking_decision d ON d.id = l.decision_id"
                    " JOIN meetings_meeting m ON m.id = d.meeting_id WHERE l.case_id = %s ORDER BY m.date",
                    [facts["case"]],
                ),
            ],
        ),
        (
            "API list",
            "/api/cases?limit=50",
            [
                ("SELECT COUNT(*) FROM tracking_case", []),
                (f"SELECT {cols} FROM tracking_case c {page}", []),
                (
                    f"SELECT d.id, d.text, d.status, m.id, m.date FROM tracking_caselink l JOIN tracking_decision d ON d.id = l.decision_id"
                    f" JOIN meetings_meeting m ON m.id = d.meeting_id WHERE l.case_id IN (SELECT c.id FROM tracking_case c {page})",
                    [],
                ),
            ],
        ),
    ]
    results = []
    for name, url, sqls in cases:
        results.append((name, timed(get(client, url), repeat), timed(raw(sqls), repeat)))
    return results


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def report(results, target_ms: int) -> None:
    print(f"{'':16} {'p50 ms':>8} {'p95 ms':>8} {'raw p50':>8} {'raw p95':>8} {'ratio':>6}")
    for name, page, floor in results:
        p50, p95, r50, r95 = p(page, 50), p(page, 95), p(floor, 50), p(floor, 95)
        ratio = p95 / r95 if r95 else float("inf")
        print(f"{name:16} {p50:8.1f} {p95:8.1f} {r50:8.1f} {r95:8.1f} {ratio:6.1f}")
        fast = "PASS" if p95 < target_ms else "FAIL"
        near = "PASS" if ratio <= 3 else "FAIL"
        print(
            f"  {fast}: p95 {p95:.1f} ms < {target_ms} ms;  {near}: within 3x of raw SQL ({ratio:.1f}x)"
        )


if __name__ == "__main__":
    main()
