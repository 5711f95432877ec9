"""Recording an event at the end of a case's history applies it to the stored state
instead of replaying every event: the same state as a full replay, in the same few
queries for a case with 3 events or 300."""

import datetime as dt
import random

from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.tracking.models import Case, CaseEvent
from livinglab.tracking.services.lifecycle import record, replay

Kind = CaseEvent.Kind
# PROPOSED only opens a history (a case first named as new), so it is not drawn here.
KINDS = [Kind.TRACKED, Kind.DELISTED, Kind.REGULAR, Kind.NOTED, Kind.REFERRED]


def _replayed(case):
    return replay(case.events.order_by("on", "pk"))


def test_state_after_each_event_equals_a_full_replay(world):
    rng = random.Random(7)  # noqa: S311 (a fixed sequence of test events)
    other = Case.objects.create(body=world.body, title="承接案")
    for number in range(12):
        case = Case.objects.create(body=world.body, title=f"案{number}")
        day = dt.date(2024, 1, 1)
        record(case, Kind.PROPOSED, actor=None, on=day)
        for _ in range(rng.randint(1, 15)):
            # Mostly forward in time, sometimes back-dated (then the service replays).
            day += dt.timedelta(days=rng.choice([0, 3, 10, -20]))
            kind = rng.choice([*KINDS, Kind.MERGED])
            payload = {"into": other.pk} if kind == Kind.MERGED else {"pending": "副市長會議"}
            record(case, kind, actor=None, on=day, payload=payload)
            stored = Case.objects.get(pk=case.pk)
            expected = _replayed(case)
            assert (stored.state, stored.closure, stored.pending, stored.merged_into_id) == (
                expected.state,
                expected.closure,
                expected.pending,
                expected.merged_into_id,
            )


def _queries_to_record_one_more(case, day):
    with CaptureQueriesContext(connection) as queries:
        record(case, Kind.TRACKED, actor=None, on=day)
    return len(queries)


def test_recording_takes_as_many_queries_for_a_long_history_as_a_short_one(world):
    short = Case.objects.create(body=world.body, title="短歷程")
    long = Case.objects.create(body=world.body, title="長歷程")
    day = dt.date(2024, 1, 1)
    for _ in range(3):
        record(short, Kind.NOTED, actor=None, on=day)
    CaseEvent.objects.bulk_create(
        CaseEvent(case=long, kind=Kind.NOTED, on=day, payload={}) for _ in range(300)
    )
    later = day + dt.timedelta(days=1)
    assert _queries_to_record_one_more(long, later) == _queries_to_record_one_more(short, later)
    with CaptureQueriesContext(connection) as queries:
        record(long, Kind.NOTED, actor=None, on=later)
    loaded = [q["sql"] for q in queries if "FROM" in q["sql"] and "tracking_caseevent" in q["sql"]]
    assert all("LIMIT" in sql for sql in loaded)  # an existence check, never the history
