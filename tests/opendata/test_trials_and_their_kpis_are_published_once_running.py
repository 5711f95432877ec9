"""Trials and their KPI series are open data once a trial runs; a planned trial is not,
and a person proposing for themselves is not named."""

import csv
import datetime as dt
import io
import json
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from livinglab.trials.services import change_status, record_measurement
from tests.trials.conftest import trial  # noqa: F401 (the fixture)


def fetch(client, slug, fmt):
    response = client.get(reverse("opendata:download", args=[slug, fmt]))
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_a_planned_trial_is_not_published(client, trial):  # noqa: F811
    assert json.loads(fetch(client, "trials", "json"))["rows"] == []
    assert json.loads(fetch(client, "trial-kpis", "json"))["rows"] == []


def test_a_running_trial_and_its_values_are(client, world, trial):  # noqa: F811
    change_status(world.secretary, trial, "running")
    waiting = trial.kpis.get(definition__name="路口平均等候秒數")
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    record_measurement(world.proposer, waiting, yesterday, Decimal("88.5"))

    [row] = json.loads(fetch(client, "trials", "json"))["rows"]
    assert (row["status"], row["agency"], row["proposer"]) == (
        "running",
        "臺北市政府交通局",
        world.company.name,
    )
    assert row["case_id"] == trial.case_id
    series = list(csv.DictReader(io.StringIO(fetch(client, "trial-kpis", "csv"))))
    assert [(r["kpi"], r["value"], r["baseline"], r["target"]) for r in series] == [
        ("路口平均等候秒數", "88.5", "95", "70")
    ]


def test_a_person_proposing_for_themselves_is_not_named(client, world, trial):  # noqa: F811
    organisation = trial.proposal.organisation
    organisation.is_personal = True
    organisation.save()
    change_status(world.secretary, trial, "running")
    [row] = json.loads(fetch(client, "trials", "json"))["rows"]
    assert row["proposer"] is None and organisation.name not in fetch(client, "trials", "csv")
