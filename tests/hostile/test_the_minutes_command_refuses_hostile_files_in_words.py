"""`livinglab import-minutes` with each hostile file: refused with a sentence naming the
file, no record or meeting left behind."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from tests.hostile.files import CONTENT
from tests.hostile.refusals import unreadable

# Files the minutes reader does not take by their extension at all.
OTHER_KINDS = {
    label for label, (name, _make) in CONTENT.items() if name.endswith((".xlsx", ".csv"))
}


# An empty .txt is read as a record with nothing in it: a draft that says so (the
# upload page refuses it earlier, as the browser's form sends no empty file).
REFUSED = [label for label in CONTENT if label != "empty file (.txt)"]


@pytest.mark.django_db
@pytest.mark.parametrize("label", REFUSED)
def test_minutes_command_refuses(hostile_world, tmp_path, label):
    from livinglab.meetings.models import Meeting, MinutesDocument

    name, make = CONTENT[label]
    path = tmp_path / name
    path.write_bytes(make())
    counts = MinutesDocument.objects.count(), Meeting.objects.count()
    with transaction.atomic(), pytest.raises(CommandError) as refused:
        call_command(
            "import_minutes", "--body", hostile_world.body.name, str(path), stdout=StringIO()
        )
    assert (MinutesDocument.objects.count(), Meeting.objects.count()) == counts
    message = str(refused.value)
    assert name in message or label in OTHER_KINDS
    assert not unreadable(message, (name, str(path))), message
