"""Text that attacks (a spreadsheet formula, a script tag, control characters) typed
through the API and the pages: shown escaped on the pages, written as text (never a
live formula, no control character) in the .xlsx exports."""

import io
import json

import pytest
from django.db import transaction
from django.urls import reverse
from openpyxl import load_workbook

from tests.hostile.files import CONTROL, FORMULA, SCRIPT, TEXTS
from tests.hostile.refusals import refusal_text, unreadable
from tests.hostile.test_hostile_files_are_refused_in_words_and_leave_nothing import client_for

RAW_SCRIPT = "<script>alert("

LABELS = list(TEXTS)


def _xlsx_cells(data: bytes):
    book = load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            yield from row


def _written_as_text(data: bytes, marker: str) -> list[str]:
    """Problems with the cells of an .xlsx export that hold `marker`."""
    problems, found = [], False
    for cell in _xlsx_cells(data):
        value = cell.value
        if not isinstance(value, str) or marker not in value:
            continue
        found = True
        if cell.data_type == "f":  # a string cell is never evaluated, whatever it starts with
            problems.append(f"{cell.coordinate} is a live formula: {value!r}")
        if any(ord(c) < 32 and c not in "\t\n\r" for c in value):
            problems.append(f"{cell.coordinate} keeps control characters")
    return problems if found else [f"no cell holds {marker!r}"]


@pytest.mark.django_db
@pytest.mark.parametrize("label", LABELS)
def test_case_renamed_through_the_api(hostile_world, label):
    w = hostile_world
    client = client_for(w, "secretary")
    text = TEXTS[label]
    with transaction.atomic():
        response = client.post(
            f"/api/cases/{w.case.pk}/rename",
            json.dumps({"title": text + "案"}),
            content_type="application/json",
        )
        page = client.get(reverse("tracking:case", args=[w.case.pk])).content.decode()
        table = client.get(reverse("reports:table_file", args=[w.body.pk, "xlsx"])).content
        w.case.refresh_from_db()
        stored = w.case.title
        transaction.set_rollback(True)
    assert response.status_code in (200, 422), response.content
    if response.status_code == 422:
        return
    assert RAW_SCRIPT not in page
    marker = "汰換" if text == CONTROL else text.strip("=<")[:8]
    assert not _written_as_text(table, marker)
    assert not any(ord(c) < 32 for c in stored), repr(stored)


@pytest.mark.django_db
@pytest.mark.parametrize("label", list(TEXTS))
def test_progress_report_text_from_the_page(hostile_world, label):
    w = hostile_world
    officer, secretary = client_for(w, "officer"), client_for(w, "secretary")
    text = TEXTS[label]
    with transaction.atomic():
        response = officer.post(
            reverse("work:assignment", args=[w.assignment.pk]),
            {"text": text, "percent_complete": "40", "proposal": "keep"},
        )
        page = secretary.get(reverse("work:reviews")).content.decode()
        sheet = secretary.get(reverse("work:bulk_download", args=[w.body.pk, "xlsx"])).content
        stored = w.assignment.reports.order_by("-pk").values_list("text", flat=True).first()
        transaction.set_rollback(True)
    assert response.status_code in (200, 302)
    assert stored and not any(ord(c) < 32 for c in stored), repr(stored)
    assert RAW_SCRIPT not in page
    if text == FORMULA:
        assert "HYPERLINK" in page
    assert sheet.startswith(b"PK")


@pytest.mark.django_db
@pytest.mark.parametrize("label", LABELS)
def test_proposal_title_through_the_api(hostile_world, label):
    w = hostile_world
    proposer, secretary = client_for(w, "proposer"), client_for(w, "secretary")
    text = TEXTS[label]
    with transaction.atomic():
        response = proposer.patch(
            f"/api/proposals/{w.draft_proposal.pk}",
            json.dumps({"title": text}),
            content_type="application/json",
        )
        page = proposer.get(reverse("proposals:detail", args=[w.draft_proposal.pk]))
        listing = proposer.get(reverse("proposals:list")).content.decode()
        w.draft_proposal.refresh_from_db()
        stored = w.draft_proposal.title
        ranking = secretary.get(reverse("reviews:export", args=[w.call.pk, "xlsx"]))
        transaction.set_rollback(True)
    assert response.status_code in (200, 400, 422), response.content
    assert RAW_SCRIPT not in page.content.decode() + listing
    assert not any(ord(c) < 32 for c in stored), repr(stored)
    assert ranking.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("label", list(TEXTS))
def test_minutes_with_hostile_case_names(hostile_world, label):
    from tests.permissions.world import MINUTES

    w = hostile_world
    client = client_for(w, "secretary")
    text = MINUTES.replace("備援電源採購案", TEXTS[label] + "採購案").replace("第2次", "第7次")
    with transaction.atomic():
        response = client.post(
            reverse("imports:upload", args=[w.body.pk]),
            {"files": [_file("第7次會議紀錄.txt", text.encode())]},
        )
        page = (
            client.get(response["Location"]).content.decode() if response.status_code == 302 else ""
        )
        transaction.set_rollback(True)
    assert response.status_code in (302, 400)
    if response.status_code == 400:  # a record with control characters is taken for binary
        message = refusal_text(response.content.decode())
        assert message and not unreadable(message, ("第7次會議紀錄.txt",)), message
        return
    assert RAW_SCRIPT not in page
    assert "\x1b" not in page and "\x01" not in page


def _file(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="text/plain")


def test_the_texts_are_what_they_say():
    assert FORMULA.startswith("=") and SCRIPT.startswith("<script>") and "\x01" in CONTROL
