"""An attachment is stored and offered under the extension of what it holds: a PDF called
page.html downloads as page.pdf, and a name of any length is accepted and shortened."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from livinglab.tracking.models import Case
from livinglab.work.models import Assignment
from livinglab.work.services import NewReport, file_report, sync_assignments

PDF = b"%PDF-1.7\n..."


@pytest.fixture
def assignment(world, cases):
    sync_assignments(Case.objects.all())
    return Assignment.objects.get(case=cases["late"], organisation=world.industry)


def test_pdf_named_html_downloads_as_pdf_attachment(client, world, assignment):
    upload = SimpleUploadedFile("page.html", PDF)
    report = file_report(world.officer, assignment, NewReport("成果"), [upload])
    attachment = report.attachments.get()
    assert attachment.filename == "page.pdf"
    assert attachment.file.name.endswith(".pdf") and "page" not in attachment.file.name
    client.force_login(world.officer)
    response = client.get(reverse("work:attachment", args=[attachment.pk]))
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and 'filename="page.pdf"' in disposition
    assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize(
    "name,expected",
    [("成果報告." + "x" * 200, "成果報告.pdf"), ("成果報告." + "x" * 400, "attachment.pdf")],
)
def test_a_very_long_extension_is_filed_not_refused(world, assignment, name, expected):
    # Past 255 characters the upload keeps only (part of) the extension; it is still filed.
    report = file_report(
        world.officer, assignment, NewReport("成果"), [SimpleUploadedFile(name, PDF)]
    )
    assert report.attachments.get().filename == expected


def test_the_report_form_keeps_what_was_typed_when_a_name_is_odd(client, world, assignment):
    client.force_login(world.officer)
    url = reverse("work:assignment", args=[assignment.pk])
    upload = SimpleUploadedFile("a" * 200 + "." + "b" * 400, b"MZ not a document")
    typed = {"text": "已召開協調會", "percent_complete": "40", "proposal": "keep"}
    response = client.post(url, {**typed, "attachments": [upload]})
    page = response.content.decode()
    assert response.status_code == 200
    assert "已召開協調會" in page
    assert "不是 PDF" in page or "not a PDF" in page
