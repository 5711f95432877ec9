"""Helpers of the import page tests: upload as the secretary, post the draft form back."""

from html.parser import HTMLParser

import pytest

from livinglab.meetings.models import MinutesDocument
from tests.imports.records import INDUSTRY_MEETING, upload_file
from tests.tracking.conftest import FakeReader


class FormValues(HTMLParser):
    """The values a browser would post for the draft form, as the page shows them."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "file"):
            if a.get("type") != "checkbox" or "checked" in a:
                self.values[name] = a.get("value") or ("on" if a.get("type") == "checkbox" else "")
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.values[self._select] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data.removeprefix("\n")


def form_values(response) -> dict[str, str]:
    parser = FormValues()
    parser.feed(response.content.decode())
    parser.values.pop("language", None)
    parser.values.pop("next", None)
    return parser.values


def upload(client, body, name="第3次會議紀錄.txt", text=INDUSTRY_MEETING):
    return client.post(f"/imports/bodies/{body.pk}/", {"files": [upload_file(name, text)]})


@pytest.fixture(autouse=True)
def english(client):
    """Pages in English, so that tests read the messages as written in the code; the
    Chinese is checked by the browser tests and by the catalogue having every msgid."""
    from django.utils import translation

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    yield
    translation.deactivate()  # a request leaves its language active in the thread


@pytest.fixture
def draft(client, world) -> MinutesDocument:
    """The sample record uploaded by the signed-in secretary."""
    client.force_login(world.secretary)
    response = upload(client, world.body)
    assert response.status_code == 302
    return MinutesDocument.objects.get()


@pytest.fixture
def reader(monkeypatch) -> FakeReader:
    """Stands in for the minutes reader: each file's bytes name the document it returns."""
    fake = FakeReader()
    monkeypatch.setattr("livinglab.tracking.services.importing.read_minutes", fake)
    return fake


@pytest.fixture
def reads_nothing(monkeypatch):
    """The reader decodes the record but finds no meeting in it (an unknown layout)."""
    import dataclasses

    from livinglab.minutes import read_minutes

    def read(data, **kwargs):
        return dataclasses.replace(read_minutes(data, **kwargs), meetings=[])

    monkeypatch.setattr("livinglab.tracking.services.importing.read_minutes", read)
    return read


@pytest.fixture
def blank_draft(client, world, reads_nothing) -> MinutesDocument:
    """A prose record uploaded by the signed-in secretary, in which the reader found nothing."""
    from tests.imports.records import PROSE_RECORD

    client.force_login(world.secretary)
    response = upload(client, world.body, name="座談紀要.txt", text=PROSE_RECORD)
    assert response.status_code == 302
    document = MinutesDocument.objects.get()
    assert document.proposal["meetings"] == []
    return document


def post_draft(client, draft, **extra):
    """Post the draft form as the page shows it, with `extra` fields changed."""
    values = form_values(client.get(f"/imports/{draft.pk}/"))
    values.update(extra)
    return client.post(f"/imports/{draft.pk}/", values)
