"""A large back-fill import while an agency files progress reports.

Generates one record of 2,100 meetings (about 5 MB, so it is read by the background
worker), imports it with `--confirm` as `livinglab import-minutes` would, and runs
`livinglab db_worker --batch` in another process to read and write it. Meanwhile this
process files a progress report every 0.2 s (as an officer would from the site) and
times each save. Prints the import's time, the slowest and median report save, and how
many reports failed, next to the targets; then imports the same file again (nothing may
change) and counts what the registry holds.

Run: python bench/bench_imports.py [--meetings 2100] [--postgres URL]
Targets: the import < 60 s; every progress report saved < 1 s while it runs, none
failed. Prints PASS/FAIL lines; never exits non-zero on a miss.

Measured 2026-12-06 on 2 cores shared with other helpers' test runs and benches (load
average 8–12 throughout, so a process got well under half a core; wall times are
inflated 2.5–4x over CPU):

                              import wall  worker CPU  reports: slowest  failed
  SQLite, before               373 s        124 s       5,496 ms          34 of 312
  SQLite, after                 79 s         31 s         658 ms           0 of 378
  PostgreSQL, after            176 s         41 s         332 ms           0 of 866

Where the time went: each meeting's progress report rewrote the record's row, which by
then holds the decoded text and the proposal (14 MB at 2,100 meetings; SQLite copies a
row whole), and reading the record's state walked past the text's overflow pages; the
reports now come every 3 s and the ownership check between them is PostgreSQL's row
lock only. Reports failed because SQLite's busy handler retries on a timer: the import,
beginning each meeting's transaction as soon as the last one ended, won nearly every
try and a report waited out the 5 s busy timeout. Writers now take turns
(`livinglab.core.sqlite`): the import lets whoever waits go first between meetings.

What is left is CPU: 31–41 s for 2,100 meetings (reading 1 s, the proposal 2 s, then
~15 statements and ~10 ms of ORM work per meeting, the switch, the assignments and the
search index after it). On an idle 2-core machine that is about the floor of the wall
time, under the 60 s target; on this loaded machine the target was not met. Grouping
meetings into transactions of 0.1 s was tried: no CPU saved measurably on SQLite, and
reports waited longer (slowest 1.5 s), so each meeting stays its own transaction.

Again on a quiet machine (load under 1.5), 2026-12-06, 2,100 meetings:
  SQLite      import 27.7 s wall (worker CPU 26.5 s); 137 reports, slowest 433 ms, 0 failed: PASS
  PostgreSQL  import 55.3 s wall (worker CPU 38.3 s); 276 reports, slowest 14 ms, 0 failed: PASS
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

IMPORT_SECONDS = 60.0
REPORT_SECONDS = 1.0
REPORT_EVERY = 0.2
TARGET_BYTES = 5 * 1024 * 1024

AGENCIES = ["交通局", "產業局", "教育局", "環保局", "工務局", "社會局", "經發局"]
TOPICS = ["智慧", "跨市", "公共", "數位", "青年", "綠能", "觀光", "長照"]
THINGS = ["停車", "市場", "交通", "照護", "能源", "路燈", "公車", "圖書館"]
KINDS = ["合作案", "推動計畫", "交流", "示範計畫"]
VERBS = [
    "請{a}持續辦理，並於下次會議報告辦理情形",
    "本案解除列管，請{a}持續追蹤",
    "請{a}於2個月內提出計畫，並會同相關機關研議",
    "本案繼續列管，請{a}於年底前報告",
    "洽悉，請{a}依會議意見修正後函送各機關參考",
]
NUMBERS = "一二三四五六七八九十"


def _record(rng: random.Random, number: int, cases: list[str]) -> str:
    """One meeting: a header, some background and 3–5 decisions on recurring cases."""
    day = dt.date(2011, 1, 3) + dt.timedelta(days=3 * number)  # in order, as a back-fill
    lines = [
        f"臺北市政府第{number}次智慧城市推動會議紀錄",
        "",
        f"時間：{day.year - 1911}年{day.month}月{day.day}日下午2時",
        "地點：市政大樓會議室",
        f"主席：{rng.choice(AGENCIES)} 王局長",
        "紀錄：林小明",
        "出席人員：" + "、".join(f"{a}代表" for a in AGENCIES) + "。",
        "列席人員：" + "、".join(f"{a}承辦人員" for a in AGENCIES) + "。",
        "請假人員：" + "、".join(f"{a}副局長" for a in AGENCIES[:4]) + "。",
        "",
        "壹、主席致詞：（略）",
        "貳、上次會議紀錄確認：" + "確認。" * 3,
        "參、會議結論：",
    ]
    for i in range(rng.randint(3, 5)):
        agency = rng.choice(AGENCIES)
        lines.append(
            f"（{NUMBERS[i]}）{rng.choice(cases)}："
            + rng.choice(VERBS).format(a=agency)
            + "。"
            + "說明：本案已邀集相關機關召開工作會議，就預算、期程與分工進行討論，"
            "並已完成初步規劃，後續將依會議決議辦理。" * 2
        )
    lines += ["散會：下午4時", "", ""]
    return "\n".join(lines)


def corpus(meetings: int) -> bytes:
    rng = random.Random(16)
    cases = [
        rng.choice(TOPICS) + rng.choice(THINGS) + rng.choice(KINDS) + f"{n}號"
        for n in range(meetings)
    ]
    parts = [_record(rng, n + 1, cases[: max(20, n)]) for n in range(meetings)]
    return "".join(parts).encode("utf-8")


def _configure(workdir: Path, postgres: str | None) -> dict:
    env = {
        "DATABASE_URL": postgres or f"sqlite:///{workdir / 'bench.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "livinglab.settings",
        "LIVINGLAB_TESTING": "true",
        "LIVINGLAB_HTTPS": "false",
        "LIVINGLAB_VAR_DIR": str(workdir),
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    import django

    django.setup()
    return env


def _world():
    """A body to import into, and an officer with an assignment to report on."""
    from django.contrib.auth import get_user_model

    from livinglab.meetings.models import Body
    from livinglab.orgs.models import Membership, Organisation
    from livinglab.tracking.models import Case, CaseAgency
    from livinglab.work.models import Assignment

    city = Organisation.objects.create(kind="city", name="臺北市政府", short_name="臺北市")
    agency = Organisation.objects.create(
        kind="agency", name="臺北市政府交通局", short_name="交通局", city=city, parent=city
    )
    body = Body.objects.create(name="智慧城市推動會議", secretariat=agency)
    other = Body.objects.create(name="其他會議", secretariat=agency)
    officer = get_user_model().objects.create_user("bench-officer", password="x" * 12)
    Membership.objects.create(user=officer, role="officer", organisation=agency)
    case = Case.objects.create(body=other, title="進度報告案", state=Case.State.TRACKED)
    CaseAgency.objects.create(case=case, organisation=agency, role="lead")
    assignment = Assignment.objects.create(case=case, organisation=agency, role="lead")
    return body, officer, assignment


def _file_report(officer, assignment, n: int) -> tuple[float, str]:
    from django.db import close_old_connections

    from livinglab.work.services import NewReport, file_report

    started = time.perf_counter()
    try:
        file_report(
            officer, assignment, NewReport(text=f"第{n}次辦理情形", percent_complete=n % 100)
        )
        error = ""
    except Exception as exc:  # noqa: BLE001 (a failed save is what is counted)
        error = f"{type(exc).__name__}: {exc}"
        close_old_connections()
    return time.perf_counter() - started, error


def _import(path: Path, body):
    from livinglab.tracking.services import importing
    from livinglab.tracking.services.operator import command_user

    # A smaller record than the default (--meetings) is read in the background all the same.
    importing.BACKGROUND_BYTES = min(importing.BACKGROUND_BYTES, path.stat().st_size - 1)
    return importing.import_minutes(command_user(), body, [path], confirm=True)


def _counts(body) -> dict:
    from livinglab.tracking.models import Case, CaseEvent, Decision

    return {
        "meetings": body.meetings.count(),
        "decisions": Decision.objects.filter(meeting__body=body).count(),
        "cases": Case.objects.filter(body=body).count(),
        "events": CaseEvent.objects.filter(case__body=body).count(),
    }


def run(args, workdir: Path) -> None:
    env = _configure(workdir, args.postgres)
    from django.core.management import call_command

    from livinglab.meetings.models import MinutesDocument

    call_command("migrate", verbosity=0)
    if args.postgres:
        call_command("flush", interactive=False, verbosity=0)
    body, officer, assignment = _world()
    data = corpus(args.meetings)
    path = workdir / "back-fill.txt"
    path.write_bytes(data)
    kind = "PostgreSQL" if args.postgres else "SQLite"
    print(f"{kind}: one record of {args.meetings:,} meetings, {len(data) / 1e6:.1f} MB")

    _file_report(officer, assignment, 0)  # the first loads templates and catalogues: not timed
    started = time.perf_counter()
    [document] = _import(path, body)
    worker = subprocess.Popen(  # noqa: S603 (our own command)
        [sys.executable, "-m", "livinglab.cli", "db_worker", "--batch", "--no-startup-delay"],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
    )
    saves, errors, n = [], [], 0
    while worker.poll() is None:
        n += 1
        seconds, error = _file_report(officer, assignment, n)
        saves.append(seconds)
        if error:
            errors.append(error)
        time.sleep(max(0.0, REPORT_EVERY - seconds))
    took = time.perf_counter() - started
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    document.refresh_from_db()
    counts = _counts(body)
    print(f"  status {document.status} ({document.error or 'no error'}); {counts}")
    print(
        f"  import: {took:.1f} s wall, the worker's CPU {cpu.ru_utime + cpu.ru_stime:.1f} s"
        f" (target < {IMPORT_SECONDS:.0f} s)"
    )
    slowest = max(saves, default=0.0)
    median = statistics.median(saves) if saves else 0.0
    print(
        f"  progress reports during it: {len(saves)} saved, slowest {slowest * 1000:.0f} ms, "
        f"median {median * 1000:.0f} ms, {len(errors)} failed (target < {REPORT_SECONDS:.0f} s"
        " each, none failed)"
    )
    for error in sorted(set(errors))[:3]:
        print(f"    {error}")
    _verdict("import time", document.status == "confirmed" and took < IMPORT_SECONDS)
    _verdict("progress report saves", bool(saves) and slowest < REPORT_SECONDS and not errors)

    [again] = _import(path, body)
    unchanged = again.pk == document.pk and _counts(body) == counts
    print(f"  the same file again: {again.get_status_display()}, registry unchanged: {unchanged}")
    _verdict("importing twice changes nothing", unchanged)
    assert MinutesDocument.objects.filter(body=body).count() == 1


def _verdict(label: str, ok: bool) -> None:
    print(f"  {'PASS' if ok else 'FAIL'} {label}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=2100)
    parser.add_argument("--postgres", metavar="URL", help="Run on this PostgreSQL database")
    parser.add_argument("--keep", action="store_true", help="Keep the SQLite file")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="livinglab-bench-imports-"))
    try:
        run(args, workdir)
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
