"""Files with hostile names (very long extension or name, path separators, NUL, control
characters, a formula, a script tag) through the upload pages that keep names: either
refused in words, or kept under a name with none of it and shown escaped."""

import re

import pytest
from django.db import transaction
from django.urls import reverse

from tests.hostile.entries import ENTRIES
from tests.hostile.files import NAMES
from tests.hostile.refusals import refusal_text, unreadable
from tests.hostile.test_hostile_files_are_refused_in_words_and_leave_nothing import client_for

UNSAFE = re.compile(r"[/\\\x00-\x1f\x7f]")


def _minutes_names(world):
    from livinglab.meetings.models import MinutesDocument

    return list(MinutesDocument.objects.values_list("filename", flat=True))


def _report_names(world):
    from livinglab.work.models import Attachment

    return list(Attachment.objects.values_list("filename", flat=True))


def _proposal_names(world):
    from livinglab.proposals.models import Attachment

    return list(Attachment.objects.values_list("filename", flat=True))


# Where each entry keeps the names, and the page that shows them.
KEEPERS = {
    "minutes upload": (_minutes_names, lambda w: reverse("imports:upload", args=[w.body.pk])),
    "progress report attachment": (
        _report_names,
        lambda w: reverse("work:assignment", args=[w.assignment.pk]),
    ),
    "proposal attachment": (
        _proposal_names,
        lambda w: reverse("proposals:detail", args=[w.draft_proposal.pk]),
    ),
}
CASES = [(key, label) for key in KEEPERS for label in NAMES]


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "label"), CASES)
def test_odd_name(hostile_world, key, label):
    w, entry = hostile_world, ENTRIES[key]
    names_of, page_of = KEEPERS[key]
    name = NAMES[label]
    if name.endswith(".pdf"):  # the name's attack, on the kind of file the entry takes
        name = name.removesuffix(".pdf") + entry.extension
    client = client_for(w, entry.role)
    data = entry.good(w, client)
    with transaction.atomic():
        before = names_of(w)
        response = entry.submit(client, w, name, data)
        kept = [n for n in names_of(w) if n not in before]
        page = client.get(page_of(w)).content.decode()
        transaction.set_rollback(True)
    assert response.status_code < 500
    if response.status_code != 302:
        message = refusal_text(response.content.decode())
        assert message and not unreadable(message, (name,)), message
        assert not kept
        return
    assert len(kept) == 1
    assert not UNSAFE.search(kept[0]), f"kept as {kept[0]!r}"
    assert len(kept[0]) <= 255
    assert "<script>alert(1)" not in page
