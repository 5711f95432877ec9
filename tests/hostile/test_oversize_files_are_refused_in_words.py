"""A file one byte past an entry point's limit is refused in words and leaves nothing.
Each limit is lowered for the test, so the file stays small."""

import pytest

from tests.hostile.entries import ENTRIES
from tests.hostile.refusals import refusal_text, unreadable
from tests.hostile.test_hostile_files_are_refused_in_words_and_leave_nothing import (
    NOT_YET_TRANSLATED,
    client_for,
    send,
)

LIMIT = 4096
# Where each entry point keeps its limit (module, name); None: the setting.
LIMITS = {
    "minutes upload": None,
    "progress report attachment": ("livinglab.work.attachments", "MAX_BYTES"),
    "proposal attachment": ("livinglab.work.attachments", "MAX_BYTES"),
    "trial KPI values (CSV)": ("livinglab.trials.forms", "MAX_BYTES"),
    "agency bulk update (sheet)": ("livinglab.work.spreadsheets", "MAX_BYTES"),
    "KPI values (CSV)": ("livinglab.kpis.services.upload", "MAX_BYTES"),
    "KPI exchange file": ("livinglab.kpis.services.exchange", "MAX_BYTES"),
}


def test_every_entry_point_has_its_limit_here():
    assert set(LIMITS) == set(ENTRIES)


@pytest.mark.django_db
@pytest.mark.parametrize("key", list(ENTRIES))
def test_oversize_file(hostile_world, key, monkeypatch, settings):
    import importlib

    entry = ENTRIES[key]
    if LIMITS[key] is None:
        settings.LIVINGLAB_UPLOAD_MAX_BYTES = LIMIT
    else:
        module, name = LIMITS[key]
        monkeypatch.setattr(importlib.import_module(module), name, LIMIT)
    client = client_for(hostile_world, entry.role)
    good = entry.good(hostile_world, client)
    # The good file made longer: trailing spaces, or bytes after a zip's end.
    data = good + b" " * (LIMIT + 1 - len(good))
    name = "太大" + entry.extension
    response, before, after = send(entry, client, hostile_world, name, data)
    assert response.status_code in (200, 400)
    assert after == before
    message = refusal_text(response.content.decode())
    problems = unreadable(message, (name,))
    if key in NOT_YET_TRANSLATED:
        problems = [p for p in problems if p.startswith("program words")]
    assert message and not problems, message
