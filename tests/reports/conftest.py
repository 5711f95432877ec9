import datetime as dt

import pytest

from livinglab.tracking.services.importing import import_minutes
from tests.reports.records import RECORD

# After the last meeting of the record (2025-01-16), with two deadlines passed.
TODAY = dt.date(2025, 11, 20)


@pytest.fixture
def registry(world):
    """The record imported and confirmed into the world's body through the tracking
    services: two tracked cases, one delisted, one turned into regular exchange and one
    new proposal."""
    import_minutes(
        world.secretary, world.body, [("雙北產業合作.txt", RECORD.encode())], confirm=True
    )
    return world


@pytest.fixture
def fixed_today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    return TODAY
