"""Every place a file comes in, as one signed-in role would use it.

An entry point posts a file (`submit`), says how many rows a file would leave behind
(`saved`), and makes a file it accepts (`good`), on which the attacks on names and text
are tried.
"""

import datetime as dt
from dataclasses import dataclass
from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests.permissions.world import MINUTES, PDF


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


class FormValues(HTMLParser):
    """The values a browser would post back for a page's main form."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "file", "radio"):
            if a.get("type") != "checkbox" or "checked" in a:
                self.values[name] = a.get("value") or "on"
        elif tag == "input" and name and a.get("type") == "radio" and "checked" in a:
            self.values[name] = a.get("value", "")
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
            self.values[self._textarea] += data


def form_values(client, url: str) -> dict[str, str]:
    parser = FormValues()
    parser.feed(client.get(url).content.decode())
    for name in ("language", "next", "csrfmiddlewaretoken", "q"):
        parser.values.pop(name, None)
    return parser.values


@dataclass
class Entry:
    key: str
    role: str
    extension: str  # what a good file is called

    def url(self, w) -> str:
        raise NotImplementedError

    def fields(self, client, w) -> dict:
        return {}

    def file_field(self) -> str:
        return "file"

    def submit(self, client, w, name: str, data: bytes):
        fields = self.fields(client, w)
        fields[self.file_field()] = [upload(name, data)]
        return client.post(self.url(w), fields)

    def saved(self, w) -> tuple:
        raise NotImplementedError

    def good(self, w, client) -> bytes:
        raise NotImplementedError


class MinutesPage(Entry):
    def url(self, w):
        return reverse("imports:upload", args=[w.body.pk])

    def file_field(self):
        return "files"

    def saved(self, w):
        from livinglab.meetings.models import Meeting, MinutesDocument

        return MinutesDocument.objects.count(), Meeting.objects.count()

    def good(self, w, client):
        return MINUTES.replace("第2次", "第5次").encode()


class ProgressReport(Entry):
    def url(self, w):
        return reverse("work:assignment", args=[w.assignment.pk])

    def fields(self, client, w):
        return {"text": "已完成機房盤點。", "percent_complete": "30", "proposal": "keep"}

    def file_field(self):
        return "attachments"

    def saved(self, w):
        from livinglab.work.models import Attachment, ProgressReport

        return ProgressReport.objects.count(), Attachment.objects.count()

    def good(self, w, client):
        return PDF


class ProposalAttachment(Entry):
    def url(self, w):
        return reverse("proposals:edit", args=[w.draft_proposal.pk])

    def fields(self, client, w):
        values = form_values(client, self.url(w))
        values.pop("action", None)
        return values

    def file_field(self):
        return "attachments"

    def saved(self, w):
        from livinglab.proposals.models import Attachment

        return (Attachment.objects.count(),)

    def good(self, w, client):
        return PDF


class TrialValues(Entry):
    def url(self, w):
        return reverse("trials:upload", args=[w.trial.pk])

    def saved(self, w):
        from livinglab.trials.models import Measurement

        return (Measurement.objects.count(),)

    def good(self, w, client):
        day = timezone.localdate() - dt.timedelta(days=1)
        return f"kpi,date,value,note\n{w.kpi.definition.name},{day},1.7,正常\n".encode()


class BulkSheet(Entry):
    def url(self, w):
        return reverse("work:bulk", args=[w.body.pk])

    def saved(self, w):
        from livinglab.work.models import BulkUpdate

        return (BulkUpdate.objects.count(),)

    def good(self, w, client):
        return client.get(reverse("work:bulk_download", args=[w.body.pk, "xlsx"])).content


class KpiValues(Entry):
    def url(self, w):
        return reverse("kpis:upload")

    def saved(self, w):
        from livinglab.kpis.models import Value, ValueUpload

        return ValueUpload.objects.count(), Value.objects.count()

    def good(self, w, client):
        return b"kpi,scope,period,value\ncontext.population,budget-room,2023,11\n"


class KpiExchange(Entry):
    def url(self, w):
        return reverse("kpis:imports")

    def saved(self, w):
        from livinglab.kpis.models import ExchangeImport

        return (ExchangeImport.objects.count(),)

    def good(self, w, client):
        return client.get(reverse("kpis:export", args=[w.kpi_scope.pk, "json"])).content


ENTRIES = {
    entry.key: entry
    for entry in (
        MinutesPage("minutes upload", "secretary", ".txt"),
        ProgressReport("progress report attachment", "officer", ".pdf"),
        ProposalAttachment("proposal attachment", "proposer", ".pdf"),
        TrialValues("trial KPI values (CSV)", "proposer", ".csv"),
        BulkSheet("agency bulk update (sheet)", "secretary", ".xlsx"),
        KpiValues("KPI values (CSV)", "officer", ".csv"),
        KpiExchange("KPI exchange file", "secretary", ".json"),
    )
}
