"""A meeting's events are recorded together (`record_all`): each case is left in the state
a full replay of its history gives, and a meeting costs the same few queries whether it
touches 2 cases or 12, with 3 events of history each or 300."""

import datetime as dt
import random

from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.meetings.models import Meeting
from livinglab.tracking.models import Case, CaseEvent, Decision
from livinglab.tracking.services.lifecycle import record, record_all, replay

Kind = CaseEvent.Kind
KINDS = [Kind.TRACKED, Kind.DELISTED, Kind.REGULAR, Kind.NOTED, Kind.REFERRED, Kind.MERGED]


def _decision(body, day: dt.date, number: int) -> Decision:
    meeting = Meeting.objects.create(body=body, title=f"第{number}次會議", date=day)
    return Decision.objects.create(
        meeting=meeting, position=0, text="決議", span_start=0, span_end=2
    )


def _stored_and_replayed(case):
    stored = Case.objects.get(pk=case.pk)
    expected = replay(case.events.order_by("on", "pk"))
    return (
        (stored.state, stored.closure, stored.pending, stored.merged_into_id),
        (expected.state, expected.closure, expected.pending, expected.merged_into_id),
    )


def test_each_case_ends_as_a_replay_of_its_history_says(world):
    rng = random.Random(16)  # noqa: S311 (a fixed sequence of test meetings)
    other = Case.objects.create(body=world.body, title="承接案")
    cases = [Case.objects.create(body=world.body, title=f"案{n}") for n in range(8)]
    for case in cases:
        record(case, Kind.PROPOSED, actor=None, on=dt.date(2024, 1, 1))
    day = dt.date(2024, 1, 1)
    for number in range(30):
        # Mostly in order, sometimes a meeting older than what the cases hold (replayed).
        day += dt.timedelta(days=rng.choice([0, 7, 14, -40]))
        decision = _decision(world.body, day, number)
        entries = []
        for case in rng.sample(cases, rng.randint(1, 4)):
            for _ in range(rng.randint(1, 2)):  # a case twice in a meeting, at times
                kind = rng.choice(KINDS)
                payload = {"into": other.pk} if kind == Kind.MERGED else {"pending": "副市長會議"}
                entries.append((case, kind, decision, None, payload))
        record_all(entries)
        for case in cases:
            stored, expected = _stored_and_replayed(case)
            assert stored == expected, (number, case.title)
            held = [c for c, *_rest in entries if c.pk == case.pk]
            assert all(c.state == stored[0] for c in held)  # the instances follow too


def _queries_for_a_meeting(world, cases, day, number) -> int:
    decision = _decision(world.body, day, number)
    with CaptureQueriesContext(connection) as queries:
        record_all([(case, Kind.TRACKED, decision, None, {}) for case in cases])
    return len(queries)


def test_a_meeting_costs_the_same_whatever_its_size_and_the_history(world):
    day = dt.date(2024, 1, 1)
    small = [Case.objects.create(body=world.body, title=f"小{n}") for n in range(2)]
    large = [Case.objects.create(body=world.body, title=f"大{n}") for n in range(12)]
    for case in small:
        CaseEvent.objects.bulk_create(
            CaseEvent(case=case, kind=Kind.NOTED, on=day) for _ in range(3)
        )
    for case in large:
        CaseEvent.objects.bulk_create(
            CaseEvent(case=case, kind=Kind.NOTED, on=day) for _ in range(300)
        )
    later = day + dt.timedelta(days=1)
    assert _queries_for_a_meeting(world, large, later, 1) == _queries_for_a_meeting(
        world, small, later, 2
    )
