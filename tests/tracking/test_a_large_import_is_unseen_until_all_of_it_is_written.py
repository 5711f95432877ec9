"""A large record confirmed in the background is written one meeting per transaction
into a hidden body, and moved into its body in one switch at the end: until then no one
but an administrator sees any of it (meetings, new cases, their agencies, changes to
cases already in the registry); a failure midway leaves nothing and a draft saying why."""

import pytest
from django.contrib.auth.models import AnonymousUser

from livinglab.meetings.models import Body, Meeting, MinutesDocument
from livinglab.tracking.models import Case, CaseAgency
from livinglab.tracking.services import importing, recording
from tests.tracking.documents import document, item, meeting

Status = MinutesDocument.Status
LEAD = [("產業局", "臺北市政府產業發展局")]


@pytest.fixture
def large(monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(importing, "BACKGROUND_BYTES", 3)


def _record(reader, content: bytes, *meetings):
    return reader.add(content, document(*meetings, source=f"{content.decode()}.txt"))


def _watch(monkeypatch, at_meeting: int, look):
    """Call `look()` when the import is about to write its `at_meeting`-th meeting."""
    original, seen = recording.record_meeting, []

    def watched(*args, **kwargs):
        seen.append(args[1])
        if len(seen) == at_meeting:
            look()
        return original(*args, **kwargs)

    monkeypatch.setattr(recording, "record_meeting", watched)
    return seen


def test_nothing_is_seen_until_the_switch(
    world, reader, large, monkeypatch, django_capture_on_commit_callbacks
):
    before = _record(reader, b"before", meeting("2024-01-05", [item(["甲案"], "tracked")]))
    with django_capture_on_commit_callbacks(execute=True):
        importing.import_minutes(world.secretary, world.body, [before], confirm=True)
    existing = Case.objects.get(title="甲案")
    backfill = _record(
        reader,
        b"backfill",
        meeting("2024-02-01", [item(["乙案"], "new", agencies=LEAD)]),
        meeting("2024-03-01", [item(["甲案"], "delisted"), item(["丙案"], "tracked")]),
        meeting("2024-04-01", [item(["乙案"], "tracked", agencies=LEAD)]),
    )
    midway = {}

    def look():
        for user in (world.secretary, world.officer, world.reviewer, AnonymousUser()):
            midway[user.username] = list(Case.objects.visible_to(user).values_list("title"))
        midway["meetings"] = Meeting.objects.filter(body=world.body).count()
        midway["agencies"] = CaseAgency.objects.exclude(case=existing).count()
        midway["existing"] = Case.objects.get(pk=existing.pk).state
        midway["document"] = MinutesDocument.objects.get(filename="backfill.txt").status

    _watch(monkeypatch, 3, look)
    with django_capture_on_commit_callbacks(execute=True):
        [draft] = importing.import_minutes(world.secretary, world.body, [backfill], confirm=True)

    assert midway == {
        "secretary": [("甲案",)],
        "officer": [("甲案",)],  # 乙案 (its agency's) waits for the switch
        "reviewer": [("甲案",)],
        "": [("甲案",)],
        "meetings": 1,
        "agencies": 0,
        "existing": Case.State.TRACKED,  # the delisting waits for the switch
        "document": Status.READING,
    }
    draft.refresh_from_db()
    assert (draft.status, draft.progress, draft.staging) == (Status.CONFIRMED, 100, None)
    assert Meeting.objects.filter(body=world.body).count() == 4
    assert Case.objects.get(pk=existing.pk).closure == Case.Closure.DELISTED
    assert set(Case.objects.filter(body=world.body).values_list("title", "state")) == {
        ("甲案", Case.State.CLOSED),
        ("乙案", Case.State.TRACKED),
        ("丙案", Case.State.TRACKED),
    }
    assert list(Case.objects.for_agency([world.industry.pk]).values_list("title", flat=True)) == [
        "乙案"
    ]
    assert Body.objects.count() == 2  # the hidden body is gone


def test_a_failure_midway_leaves_nothing_and_a_draft(
    world, reader, large, monkeypatch, django_capture_on_commit_callbacks
):
    backfill = _record(
        reader,
        b"backfill",
        meeting("2024-02-01", [item(["乙案"], "new", agencies=LEAD)]),
        meeting("2024-03-01", [item(["丙案"], "tracked")]),
    )

    def disk_full():
        raise RuntimeError("disk full")

    _watch(monkeypatch, 2, disk_full)
    with django_capture_on_commit_callbacks(execute=True):  # the task fails
        importing.import_minutes(world.secretary, world.body, [backfill], confirm=True)

    draft = MinutesDocument.objects.get()
    assert (draft.status, draft.staging) == (Status.DRAFT, None)
    assert "backfill.txt" in draft.error
    assert not Meeting.objects.exists()
    assert not Case.objects.exists()
    assert not CaseAgency.objects.exists()
    assert Body.objects.count() == 2
