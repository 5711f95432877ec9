"""Attachments are PDF, images or office documents by their content; a file that is not
what it claims is refused with its name, and nothing of the request is saved."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from livinglab.proposals.models import Attachment, Proposal
from livinglab.work.attachments import AttachmentRejected
from tests.pipeline import make_call, make_need, make_proposal

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def call_and_need(world):
    need = make_need(world)
    return make_call(world, needs=[need]), need


def _post(client, call, need, files):
    return client.post(
        f"/proposals/new/?call={call.pk}",
        {
            "answers": need.pk,
            "title": "附件測試提案",
            "domain": need.domain_id,
            "credits_requested": 0,
            "action": "draft",
            "attachments": files,
        },
    )


def test_a_pdf_and_a_docx_are_kept_with_their_detected_type(client, world, call_and_need):
    call, need = call_and_need
    client.force_login(world.proposer)
    files = [
        SimpleUploadedFile("計畫書.pdf", PDF, content_type="application/pdf"),
        SimpleUploadedFile("團隊.docx", _docx(), content_type="application/octet-stream"),
    ]
    assert _post(client, call, need, files).status_code == 302
    kinds = dict(Attachment.objects.values_list("filename", "content_type"))
    assert kinds["計畫書.pdf"] == "application/pdf"
    assert kinds["團隊.docx"].endswith("wordprocessingml.document")
    proposal = Proposal.objects.get()
    response = client.get(f"/proposals/attachments/{proposal.attachments.first().pk}/")
    assert response.status_code == 200


def test_a_program_named_pdf_is_refused_and_nothing_is_saved(client, world, call_and_need):
    call, need = call_and_need
    client.force_login(world.proposer)
    files = [
        SimpleUploadedFile("計畫書.pdf", PDF, content_type="application/pdf"),
        SimpleUploadedFile("預算.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"),
    ]
    response = _post(client, call, need, files)
    assert response.status_code == 200
    assert "預算.pdf" in response.content.decode()
    assert not Proposal.objects.exists()
    assert not Attachment.objects.exists()


def test_adding_a_bad_file_to_a_proposal_changes_nothing(world, call_and_need):
    from livinglab.proposals import services

    call, need = call_and_need
    proposal = make_proposal(world, call, need)
    bad = SimpleUploadedFile("photo.png", b"<html>not an image</html>")
    with pytest.raises(AttachmentRejected):
        services.update_proposal(world.proposer, proposal, {"title": "新標題"}, [bad])
    proposal.refresh_from_db()
    assert proposal.title == "AI 號誌路口排隊偵測"
    assert proposal.events.count() == 1


def test_another_organisation_cannot_download_an_attachment(client, world, call_and_need):
    from livinglab.orgs.models import Membership, Organisation
    from tests.conftest import _user

    call, need = call_and_need
    client.force_login(world.proposer)
    _post(client, call, need, [SimpleUploadedFile("a.pdf", PDF)])
    attachment = Attachment.objects.get()
    rival = _user("rival")
    Membership.objects.create(
        user=rival,
        role="proposer",
        organisation=Organisation.objects.create(kind="company", name="對手公司"),
    )
    client.force_login(rival)
    assert client.get(f"/proposals/attachments/{attachment.pk}/").status_code == 404
    assert client.post(f"/proposals/attachments/{attachment.pk}/delete/").status_code == 404
    assert Attachment.objects.exists()
