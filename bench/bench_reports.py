"""A body's dashboard and tracking-table export with 2,000 tracked cases.

Builds one body in a temporary SQLite file (or a given PostgreSQL database) with the
registry benchmark's generator (`bench_registry.generate`), sets exactly `--tracked`
cases tracked and gives the closed ones their closing events, then times as the body's
secretary with the Django test client: the dashboard page, each chart (SVG) and the
.ods export (plus the .odt with its charts, for information).

Run: python bench/bench_reports.py [--tracked 2000] [--repeat 30]
Targets: dashboard page p95 < 300 ms; .ods export < 5 s. Prints PASS/FAIL lines;
never exits non-zero on a miss.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_registry import _configure, generate, get, p, timed  # noqa: E402

DASHBOARD_P95_MS = 300
ODS_SECONDS = 5.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracked", type=int, default=2000)
    parser.add_argument("--events-per-case", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--postgres", metavar="URL", help="Run on this (empty) PostgreSQL database")
    parser.add_argument("--keep", action="store_true", help="Keep the generated SQLite file")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="livinglab-bench-reports-"))
    try:
        _run(args, workdir)
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def _run(args, workdir: Path) -> None:
    _configure(workdir, args.postgres)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    # Twice the cases, so that about half are tracked; `_settle` makes it exact.
    generate(args.tracked * 2, args.events_per_case, 3)
    body, secretary = _settle(args.tracked)
    print(f"generated one body with {_counts(body)} in {time.perf_counter() - started:.0f} s")
    report(measure(body, secretary, args.repeat))


def _settle(tracked: int):
    """Exactly `tracked` tracked cases; closed cases closed by a delisting event."""
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction

    from livinglab.meetings.models import Body
    from livinglab.orgs.models import Membership
    from livinglab.tracking.models import Case, CaseEvent

    body = Body.objects.get()
    with transaction.atomic():
        ids = list(Case.objects.order_by("pk").values_list("pk", flat=True))
        states = Case.objects.filter(state="tracked").values_list("pk", flat=True)
        extra = len(states) - tracked
        if extra > 0:
            Case.objects.filter(pk__in=list(states)[:extra]).update(
                state="closed", closure="delisted"
            )
        elif extra < 0:
            others = (
                Case.objects.exclude(state="tracked").order_by("pk").values_list("pk", flat=True)
            )
            Case.objects.filter(pk__in=list(others)[:-extra]).update(state="tracked", closure="")
        closed = Case.objects.filter(state="closed").values_list("pk", "last_decided_on")
        CaseEvent.objects.bulk_create(
            (CaseEvent(case_id=pk, kind="delisted", on=on) for pk, on in closed), batch_size=5000
        )
        secretary = get_user_model().objects.create_user("bench-secretary")
        Membership.objects.create(user=secretary, role="secretariat", body=body)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    assert len(ids) and Case.objects.tracked().count() == tracked
    return body, secretary


def _counts(body) -> str:
    from livinglab.tracking.models import Case, CaseEvent

    cases = Case.objects.for_body(body)
    states = ", ".join(f"{n:,} {s}" for s, n in _by_state(cases))
    return f"{cases.count():,} cases ({states}), {CaseEvent.objects.count():,} events"


def _by_state(cases):
    from django.db.models import Count

    rows = cases.values("state").annotate(n=Count("pk")).order_by("state")
    return [(row["state"], row["n"]) for row in rows]


def measure(body, secretary, repeat: int) -> dict:
    from django.test import Client

    from livinglab.reports.charts import CHARTS
    from livinglab.reports.services import export_table

    client = Client()
    client.force_login(secretary)
    results = {
        "dashboard page": timed(get(client, f"/reports/bodies/{body.pk}/dashboard/"), repeat)
    }
    for name in CHARTS:
        url = f"/reports/bodies/{body.pk}/charts/{name}.svg"
        results[f"chart {name}"] = timed(get(client, url), max(5, repeat // 3))
    for fmt in ("ods", "odt"):
        results[f".{fmt} export"] = timed(lambda fmt=fmt: export_table(body, fmt), 5)
    return results


def report(results: dict) -> None:
    print(f"{'':22} {'p50 ms':>9} {'p95 ms':>9}")
    for name, times in results.items():
        print(f"{name:22} {p(times, 50):9.1f} {p(times, 95):9.1f}")
    page = p(results["dashboard page"], 95)
    ods = max(results[".ods export"]) / 1000
    verdict = "PASS" if page < DASHBOARD_P95_MS else "FAIL"
    print(f"{verdict}: dashboard page p95 {page:.1f} ms < {DASHBOARD_P95_MS} ms")
    verdict = "PASS" if ods < ODS_SECONDS else "FAIL"
    print(f"{verdict}: .ods export (slowest of 5) {ods:.2f} s < {ODS_SECONDS:.0f} s")


if __name__ == "__main__":
    main()
