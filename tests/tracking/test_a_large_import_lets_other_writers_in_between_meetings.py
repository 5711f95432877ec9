"""While a large import is written, each meeting is committed on its own: another
connection can save (here a progress report) at once, and sees the meetings written so
far only in the hidden body, not in the body itself. On PostgreSQL (a second
connection to the test database)."""

import threading
import time

import pytest
from django.conf import settings
from django.db import connection

from livinglab.meetings.models import Meeting
from livinglab.tracking.models import Case, CaseAgency
from livinglab.tracking.services import importing, recording
from livinglab.work.models import Assignment
from livinglab.work.services import NewReport, file_report
from tests.tracking.documents import document, item, meeting

pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="a second connection to the test database needs PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
]


def _elsewhere(work):
    """Run `work()` on another thread (its own database connection); its result."""
    result = {}

    def run():
        try:
            result["value"] = work()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    return result["value"]


def test_an_officer_reports_while_the_import_writes(world, reader, monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(importing, "BACKGROUND_BYTES", 3)
    other = Case.objects.create(body=world.private_body, title="報告案", state="tracked")
    CaseAgency.objects.create(case=other, organisation=world.industry, role="lead")
    assignment = Assignment.objects.create(case=other, organisation=world.industry, role="lead")
    meetings = [meeting(f"2024-0{n}-01", [item([f"第{n}案"], "tracked")]) for n in range(1, 5)]
    backfill = reader.add(b"backfill", document(*meetings))
    original, seen = recording.record_meeting, {}

    def watched(*args, **kwargs):
        if args[1].date.month == 3:  # two meetings written, the third about to be

            def report():
                started = time.monotonic()
                file_report(world.officer, assignment, NewReport(text="辦理中"))
                return {
                    "seconds": time.monotonic() - started,
                    "in the body": Meeting.objects.filter(body=world.body).count(),
                    "staged": Meeting.objects.exclude(body=world.body).count(),
                }

            seen.update(_elsewhere(report))
        return original(*args, **kwargs)

    monkeypatch.setattr(recording, "record_meeting", watched)
    # A first report, before the import: the first one loads templates and catalogues.
    file_report(world.officer, assignment, NewReport(text="開始"))
    importing.import_minutes(world.secretary, world.body, [backfill], confirm=True)

    assert seen["seconds"] < 1
    assert (seen["in the body"], seen["staged"]) == (0, 2)
    assert Meeting.objects.filter(body=world.body).count() == 4
    assert assignment.reports.count() == 2
