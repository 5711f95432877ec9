"""The living-lab pipeline's public pages at a city's size (p95 target 150 ms, SQLite).

A skeleton the pipeline's apps fill in: each section generates its own rows in one
temporary SQLite file and times its pages as the public would see them, with the Django
test client. Sections whose app has not landed yet are listed as not measured.

Now measured — field sites (`sites`): the site list (first page and filtered by a
capability), the public map (every public site as a marker and in the list below it), a
site's page, its calendar for a busy month, and the API list and GeoJSON.

The pipeline (`needs`, `proposals`, `reviews`, `trials`): 5,000 published needs and the
public needs list; one call of 50,000 submitted proposals with 200,000 scores (the
reviews bench's generator, when the reviews app is there) and 300 trials of accepted
proposals in every status; timed: the call's ranked list and a proposal's page (as the
call's secretary), the funnel (as the secretary and as the public) and the trial register.

Run: python bench/bench_livinglab.py [--sites 500] [--bookings-per-site 20] [--needs 5000]
     [--proposals 50000] [--scores 200000] [--trials 300] [--repeat 30]
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

from bench_registry import _configure, get, p  # noqa: E402
from bench_reviews import load, timed_cpu  # noqa: E402

TARGET_MS = 150
NOT_YET: list[tuple[str, str]] = []
PLACES = ["內湖", "南港", "信義", "大安", "中山", "板橋", "新莊", "淡水", "林口", "三重", "士林"]
KINDS = ["智慧園區", "公共住宅", "醫院病房", "公車專用道", "國小校園", "封閉測試道路", "河濱公園"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=500)
    parser.add_argument("--bookings-per-site", type=int, default=20)
    parser.add_argument("--needs", type=int, default=5_000)
    parser.add_argument("--proposals", type=int, default=50_000)
    parser.add_argument("--scores", type=int, default=200_000)
    parser.add_argument("--trials", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="Keep the generated SQLite file")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="livinglab-bench-pipeline-"))
    print(load())
    try:
        _configure(workdir, None)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        results = {}
        results.update(sites_section(args))
        results.update(pipeline_section(args))
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
    return {name: timed_cpu(get(client, url), args.repeat) for name, url in paths.items()}


# --- The pipeline: needs, proposals, reviews, trials -----------------------------------


def _has_reviews() -> bool:
    import importlib.util

    return (
        importlib.util.find_spec("livinglab.reviews") is not None
        and (Path(__file__).resolve().parent / "bench_reviews.py").exists()
    )


def pipeline_section(args) -> dict:
    from django.test import Client

    started = time.perf_counter()
    world = _pipeline_world()
    call = _proposals(world, args.proposals, args.scores)
    generate_needs(world, args.needs)
    generate_trials(world, call, args.trials)
    print(
        f"pipeline: generated {args.needs:,} needs, {args.proposals:,} proposals"
        f"{f', {args.scores:,} scores' if _has_reviews() else ''} and {args.trials:,} trials"
        f" in {time.perf_counter() - started:.1f} s"
    )
    secretary, public = Client(), Client()
    secretary.force_login(world["secretary"])
    proposal = call.proposals.order_by("pk")[args.proposals // 2]
    paths = []
    if _has_reviews():
        paths.append(("ranked list (50k)", secretary, f"/reviews/calls/{call.pk}/"))
    else:
        NOT_YET.append(("reviews", "ranked list of a call (50,000 proposals, 200,000 scores)"))
    paths += [
        ("a proposal's page", secretary, f"/proposals/{proposal.pk}/"),
        ("funnel (secretariat)", secretary, "/trials/funnel/"),
        ("funnel (public)", public, "/trials/funnel/"),
        ("public needs list", public, "/needs/"),
        ("trial register", public, "/trials/"),
    ]
    return {name: timed_cpu(get(client, url), args.repeat) for name, client, url in paths}


def _pipeline_world() -> dict:
    """The project office's body, its secretary, forty reviewers and a proposing company
    (named apart from the sites section's agencies)."""
    from django.contrib.auth import get_user_model

    from livinglab.meetings.models import Body
    from livinglab.orgs.models import Membership, Organisation

    User = get_user_model()
    office = Organisation.objects.create(kind="agency", name="智慧城市專案辦公室")
    company = Organisation.objects.create(kind="company", name="測試科技股份有限公司")
    body = Body.objects.create(name="智慧城市推動委員會", secretariat=office)
    secretary = User.objects.create_user("pipeline-secretary")
    Membership.objects.create(user=secretary, role="secretariat", body=body)
    reviewers = [User.objects.create_user(f"pipeline-reviewer{n}") for n in range(40)]
    Membership.objects.bulk_create(
        Membership(user=reviewer, role="reviewer", body=body) for reviewer in reviewers
    )
    return {"body": body, "company": company, "secretary": secretary, "reviewers": reviewers}


def _proposals(world, n_proposals: int, n_scores: int):
    """One call of submitted proposals: reviewed (the reviews bench's generator) when the
    reviews app is there, otherwise without scores."""
    if _has_reviews():
        from bench_reviews import _call

        return _call(world, "大型徵案", n_proposals, n_scores)
    from django.db import transaction
    from django.utils import timezone

    from livinglab.needs.models import Call, Domain
    from livinglab.proposals.models import Proposal

    rng = random.Random(3)
    now = timezone.now()
    call = Call.objects.create(
        title="大型徵案",
        body=world["body"],
        opens_at=now - dt.timedelta(days=60),
        closes_at=now - dt.timedelta(days=1),
        is_published=True,
    )
    domains = list(Domain.objects.filter(is_priority_tag=False))
    with transaction.atomic():
        Proposal.objects.bulk_create(
            (
                Proposal(
                    call=call,
                    organisation=world["company"],
                    title=f"智慧城市提案 {n}",
                    summary="以感測與資料分析改善市民服務的提案摘要。",
                    domain=rng.choice(domains),
                    status=Proposal.Status.SUBMITTED,
                    submitted_at=now - dt.timedelta(days=2),
                )
                for n in range(n_proposals)
            ),
            batch_size=2000,
        )
    return call


def generate_needs(world, count: int) -> None:
    """Published needs of twenty agencies, spread over the domains."""
    from django.db import transaction
    from django.utils import timezone

    from livinglab.needs.models import Domain, Need
    from livinglab.orgs.models import Organisation

    rng = random.Random(5)
    domains = list(Domain.objects.filter(is_priority_tag=False))
    agencies = Organisation.objects.bulk_create(
        Organisation(kind="agency", name=f"臺北市政府第{n}處") for n in range(20)
    )
    topics = ("路口壅塞", "長者照顧", "公宅用電", "校園空氣", "市場支付", "創業育成")
    now = timezone.now()
    with transaction.atomic():
        Need.objects.bulk_create(
            (
                Need(
                    title=f"{rng.choice(topics)}改善需求 {n}",
                    problem="尖峰時段的問題描述，附上現況數字與希望改善的方向。",
                    domain=rng.choice(domains),
                    agency=rng.choice(agencies),
                    status=Need.Status.PUBLISHED,
                    published_at=now - dt.timedelta(minutes=n),
                )
                for n in range(count)
            ),
            batch_size=2000,
        )


def generate_trials(world, call, count: int) -> None:
    """Trials of `count` of the call's proposals (made accepted), in every status, each
    with its tracked case, as `trials.services.start_trial` leaves them."""
    from django.db import transaction
    from django.utils import timezone

    from livinglab.proposals.models import Proposal
    from livinglab.sites.models import FieldSite
    from livinglab.tracking.models import Case
    from livinglab.trials.models import Trial

    rng = random.Random(7)
    chosen = list(call.proposals.order_by("pk").values_list("pk", flat=True)[:count])
    Proposal.objects.filter(pk__in=chosen).update(status=Proposal.Status.ACCEPTED)
    agency = world["body"].secretariat
    site = FieldSite.objects.create(name="內湖科技園區", agency=agency, capacity=count)
    today = timezone.localdate()
    statuses = list(Trial.Status.values)
    with transaction.atomic():
        cases = Case.objects.bulk_create(
            Case(body=world["body"], title=f"概念驗證 {pk}", state=Case.State.TRACKED)
            for pk in chosen
        )
        rows = []
        for pk, case in zip(chosen, cases, strict=True):
            status = rng.choice(statuses)
            rows.append(
                Trial(
                    proposal_id=pk,
                    site=site,
                    agency=agency,
                    body=world["body"],
                    case=case,
                    title=case.title,
                    starts_on=today - dt.timedelta(days=rng.randint(0, 300)),
                    ends_on=today + dt.timedelta(days=rng.randint(1, 300)),
                    status=status,
                    outcome=Trial.Outcome.PROCUREMENT if status == Trial.Status.ADOPTED else "",
                    lessons="維運人力與成本須先估算。" if status == Trial.Status.CLOSED else "",
                )
            )
        Trial.objects.bulk_create(rows)


# --- Report -----------------------------------------------------------------------------


def report(results: dict) -> None:
    """p50 and p95 of the wall clock, with the CPU time's p95 (what a request costs when
    the machine is not shared), next to the target, and the machine's load."""
    print(f"\n{load()}")
    print(f"{'':24} {'p50 ms':>8} {'p95 ms':>8} {'cpu p95':>8}   target p95 < {TARGET_MS} ms")
    for name, (times, cpu) in results.items():
        print(f"{name:24} {p(times, 50):8.1f} {p(times, 95):8.1f} {p(cpu, 95):8.1f}")
    print()
    for name, (times, _cpu) in results.items():
        verdict = "PASS" if p(times, 95) < TARGET_MS else "FAIL"
        print(f"{verdict}: {name} p95 {p(times, 95):.1f} ms < {TARGET_MS} ms")
    for app, what in NOT_YET:
        print(f"NOT MEASURED: {what} (the {app} section is not written yet)")


if __name__ == "__main__":
    main()
