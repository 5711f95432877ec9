"""The living-lab pipeline's public pages at a city's size (p95 target 150 ms, SQLite).

A skeleton the pipeline's apps fill in: each section generates its own rows in one
temporary SQLite file and times its pages as the public would see them, with the Django
test client. Sections whose app has not landed yet are listed as not measured.

Now measured — field sites (`sites`): the site list (first page and filtered by a
capability), the public map (every public site as a marker and in the list below it), a
site's page, its calendar for a busy month, and the API list and GeoJSON.

Still to come (issue 11): the ranked list of a call (50,000 proposals, 200,000 scores),
a proposal page, the funnel and the public needs list (5,000 needs).

Run: python bench/bench_livinglab.py [--sites 500] [--bookings-per-site 20] [--repeat 30]
Prints p50/p95 next to the target and PASS/FAIL lines; never exits non-zero on a miss.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_registry import _configure, get, p, timed  # noqa: E402

TARGET_MS = 150
NOT_YET = [
    ("needs", "public needs list (5,000 needs)"),
    ("reviews", "ranked list of a call (50,000 proposals, 200,000 scores)"),
    ("proposals", "a proposal page"),
    ("trials", "the funnel"),
]
PLACES = ["內湖", "南港", "信義", "大安", "中山", "板橋", "新莊", "淡水", "林口", "三重", "士林"]
KINDS = ["智慧園區", "公共住宅", "醫院病房", "公車專用道", "國小校園", "封閉測試道路", "河濱公園"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=500)
    parser.add_argument("--bookings-per-site", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="Keep the generated SQLite file")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="livinglab-bench-pipeline-"))
    try:
        _configure(workdir, None)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        results = {}
        results.update(sites_section(args))
        report(results)
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


# --- Field sites ------------------------------------------------------------------------


def generate_sites(n_sites: int, bookings_per_site: int) -> dict:
    """Sites around Taipei (nine in ten public), each with capabilities and a year of
    bookings that overlap now and then, through bulk inserts."""
    from django.db import transaction

    from livinglab.orgs.models import Organisation
    from livinglab.sites.models import Booking, Capability, FieldSite

    rng = random.Random(11)
    capabilities = list(Capability.objects.all())
    with transaction.atomic():
        city = Organisation.objects.create(kind="city", name="臺北市政府", short_name="臺北市")
        agencies = Organisation.objects.bulk_create(
            Organisation(kind="agency", name=f"臺北市政府{name}", city=city, parent=city)
            for name in ["產業發展局", "交通局", "衛生局", "都市發展局", "教育局", "資訊局"]
        )
        sites = FieldSite.objects.bulk_create(
            FieldSite(
                name=f"{rng.choice(PLACES)}{rng.choice(KINDS)}試驗場域{n:04d}",
                agency=rng.choice(agencies),
                address=f"臺北市{rng.choice(PLACES)}區示範路{n}號",
                latitude=Decimal("24.95") + Decimal(rng.randrange(0, 25000)) / 100000,
                longitude=Decimal("121.40") + Decimal(rng.randrange(0, 25000)) / 100000,
                capacity=rng.choice([1, 2, 2, 3]),
                is_public=rng.random() < 0.9,
                description="供智慧城市試驗使用的場域。" * 3,
                sandbox_rules="平日日間試驗；須有安全人員在場。",
                permits_needed="依場域管理機關規定申請。",
            )
            for n in range(n_sites)
        )
        through = FieldSite.capabilities.through
        through.objects.bulk_create(
            through(fieldsite_id=site.pk, capability_id=c.pk)
            for site in sites
            for c in rng.sample(capabilities, 3)
        )
        start = dt.date(2026, 1, 1)
        Booking.objects.bulk_create(
            Booking(
                site=site,
                starts_on=(first := start + dt.timedelta(days=rng.randrange(0, 365))),
                ends_on=first + dt.timedelta(days=rng.randrange(3, 60)),
                label=f"試驗 {site.pk}-{k}",
                reference=f"trial:{site.pk * 100 + k}",
            )
            for site in sites
            for k in range(bookings_per_site)
        )
    public = [s for s in sites if s.is_public]
    return {"site": public[len(public) // 2], "capability": capabilities[0].key}


def sites_section(args) -> dict:
    from django.test import Client

    started = time.perf_counter()
    facts = generate_sites(args.sites, args.bookings_per_site)
    print(
        f"sites: generated {args.sites:,} sites, {args.sites * args.bookings_per_site:,}"
        f" bookings in {time.perf_counter() - started:.1f} s"
    )
    client = Client()
    site = facts["site"].pk
    paths = {
        "site list": "/sites/",
        "site list, filtered": f"/sites/?capability={facts['capability']}",
        "map of all sites": "/sites/map/",
        "a site's page": f"/sites/{site}/",
        "a site's calendar": f"/sites/{site}/calendar/?month=2026-06",
        "API sites": "/api/sites?limit=50",
        "API GeoJSON": "/api/sites/geojson",
    }
    return {name: timed(get(client, url), args.repeat) for name, url in paths.items()}


# --- Report -----------------------------------------------------------------------------


def report(results: dict) -> None:
    print(f"\n{'':24} {'p50 ms':>8} {'p95 ms':>8}   target p95 < {TARGET_MS} ms")
    for name, times in results.items():
        print(f"{name:24} {p(times, 50):8.1f} {p(times, 95):8.1f}")
    print()
    for name, times in results.items():
        verdict = "PASS" if p(times, 95) < TARGET_MS else "FAIL"
        print(f"{verdict}: {name} p95 {p(times, 95):.1f} ms < {TARGET_MS} ms")
    for app, what in NOT_YET:
        print(f"NOT MEASURED: {what} (the {app} section is not written yet)")


if __name__ == "__main__":
    main()
