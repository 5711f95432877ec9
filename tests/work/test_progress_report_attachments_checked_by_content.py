import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from livinglab.tracking.models import Case
from livinglab.work.attachments import AttachmentRejected
from livinglab.work.models import Assignment, ProgressReport
from livinglab.work.services import NewReport, file_report, sync_assignments


@pytest.fixture
def assignment(world, cases):
    sync_assignments(Case.objects.all())
    return Assignment.objects.get(case=cases["late"], organisation=world.industry)


def test_pdf_attachment_is_kept_with_its_sniffed_type(world, assignment):
    pdf = SimpleUploadedFile("成果.pdf", b"%PDF-1.7\n...", content_type="text/plain")
    report = file_report(world.officer, assignment, NewReport("辦理交流活動"), [pdf])
    attachment = report.attachments.get()
    assert attachment.content_type == "application/pdf" and attachment.size == 12
    assert report.author == world.officer and report.status == "submitted"


def test_executable_named_pdf_is_rejected_and_nothing_is_filed(world, assignment):
    fake = SimpleUploadedFile("成果.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(AttachmentRejected, match="成果.pdf"):
        file_report(world.officer, assignment, NewReport("x"), [fake])
    assert not ProgressReport.objects.exists()


def test_zip_bomb_is_rejected(world, assignment):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<x/>")
        archive.writestr("word/document.xml", b"\0" * (210 * 1024 * 1024))
    bomb = SimpleUploadedFile("bomb.docx", data.getvalue())
    with pytest.raises(AttachmentRejected, match="bomb.docx"):
        file_report(world.officer, assignment, NewReport("x"), [bomb])
