"""A public case's progress (state, percent, history) is in the cases dataset, built from
figures and dates only: no report text, review comment, note or person."""

import json

import pytest
from django.urls import reverse

from livinglab.tracking.models import Case
from livinglab.work import services as work
from livinglab.work.models import Assignment
from livinglab.work.progress import public_progress
from tests.opendata.conftest import PERSONAL


@pytest.fixture
def reported(published):
    """The industry agency reported 60 % (accepted), then 90 % (still waiting)."""
    world, case = published.world, published.case
    work.sync_assignments(Case.objects.filter(pk=case.pk))
    assignment = Assignment.objects.get(case=case)
    first = work.file_report(
        world.officer,
        assignment,
        work.NewReport(text=f"已完成{PERSONAL[1]}訪談。", percent_complete=60),
    )
    work.review_report(world.secretary, first, accept=True, comment=PERSONAL[4])
    work.file_report(
        world.officer, assignment, work.NewReport(text="尚未審核。", percent_complete=90)
    )
    return published


def _cases_rows(client) -> list[dict]:
    response = client.get(reverse("opendata:download", args=["cases", "json"]))
    return json.loads(b"".join(response.streaming_content).decode("utf-8-sig"))["rows"]


def test_the_cases_dataset_carries_each_cases_progress(client, reported):
    rows = _cases_rows(client)
    (row,) = [r for r in rows if r["id"] == reported.case.pk]
    assert row["progress_percent"] == 60  # the accepted report, not the waiting one
    assert row["progress_reported_on"]
    assert row["history"] == "2025-03-12 tracked"
    assert reported.hidden.pk not in {r["id"] for r in rows}


def test_the_summary_holds_figures_dates_and_kinds_only(reported):
    summary = public_progress([reported.case.pk])[reported.case.pk]
    assert (summary.state, summary.percent) == ("tracked", 60)
    words = repr(summary)
    assert "訪談" not in words and PERSONAL[1] not in words and PERSONAL[4] not in words
    assert "officer" not in words and "secretary" not in words


def test_a_closed_case_is_all_the_way_and_one_without_agencies_has_no_figure(published):
    from livinglab.tracking.services import lifecycle

    assert public_progress([published.case.pk])[published.case.pk].percent is None
    lifecycle.record(published.case, "delisted", actor=None)
    published.case.refresh_from_db()
    summary = public_progress([published.case.pk])[published.case.pk]
    assert summary.percent == 100 and summary.history[-1][1] == "delisted"


def test_an_agency_taken_off_the_case_no_longer_counts(reported):
    from django.utils import timezone

    from livinglab.tracking.models import CaseAgency

    world, case = reported.world, reported.case
    CaseAgency.objects.create(case=case, organisation=world.economic, role="supporting")
    work.sync_assignments(Case.objects.filter(pk=case.pk))
    assert public_progress([case.pk])[case.pk].percent == 30  # (60 + 0) / 2
    Assignment.objects.filter(case=case, organisation=world.economic).update(
        withdrawn_at=timezone.now()
    )
    assert public_progress([case.pk])[case.pk].percent == 60
