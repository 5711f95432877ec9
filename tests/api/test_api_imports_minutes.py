"""Importing minutes through the API: upload, follow the reading, read the draft, confirm;
the same checks and permissions as the import pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from livinglab.meetings.models import Body, Meeting, MinutesDocument
from livinglab.orgs.models import Membership
from livinglab.tracking.models import Case
from livinglab.tracking.services import importing
from tests.conftest import _user
from tests.imports.records import INDUSTRY_MEETING


def _txt(name="第3次會議紀錄.txt", text=INDUSTRY_MEETING):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def _upload(api, body, *files):
    return api.post(f"/api/bodies/{body.pk}/imports", {"files": list(files)}, multipart=True)


def test_secretary_uploads_reads_the_draft_and_confirms(world, api_as):
    api = api_as("secretary")
    uploaded = _upload(api, world.body, _txt())
    assert uploaded.status_code == 201, uploaded.content
    [document] = uploaded.json()
    assert document["status"] == "draft"
    assert document["progress"] == 100
    assert document["filename"] == "第3次會議紀錄.txt"

    status = api.get(f"/api/imports/{document['id']}").json()
    assert status["status"] == "draft" and status["meetings"] == []

    draft = api.get(f"/api/imports/{document['id']}/draft").json()
    [meeting] = draft["meetings"]
    assert meeting["date"] == "2024-09-10"
    assert len(meeting["items"]) == 4
    item = meeting["items"][0]
    assert item["cases"][0]["name"] == "智慧路燈合作案"
    assert item["cases"][0]["new_case"] and item["cases"][0]["case_id"] is None
    assert item["deadline"]["date"] == "2024-12-31"
    assert Case.objects.filter(body=world.body).count() == 0  # nothing written yet

    confirmed = api.post(f"/api/imports/{document['id']}/confirm", {"revision": draft["revision"]})
    assert confirmed.status_code == 200, confirmed.content
    answer = confirmed.json()
    assert answer["written"]["meetings"] == 1
    assert answer["written"]["decisions"] == 4
    assert answer["document"]["status"] == "confirmed"
    meeting = Meeting.objects.get(body=world.body)
    assert answer["document"]["meetings"] == [
        {"id": meeting.pk, "date": "2024-09-10", "title": meeting.title}
    ]
    assert Case.objects.filter(body=world.body, title="智慧路燈合作案").exists()


def test_confirming_twice_changes_nothing(world, api_as):
    api = api_as("secretary")
    [document] = _upload(api, world.body, _txt()).json()
    first = api.post(f"/api/imports/{document['id']}/confirm").json()
    cases = Case.objects.count()
    again = api.post(f"/api/imports/{document['id']}/confirm")
    assert again.status_code == 200
    assert again.json()["written"] == first["written"]
    assert Case.objects.count() == cases


def test_a_draft_changed_since_its_revision_is_not_confirmed(world, api_as):
    api = api_as("secretary")
    [document] = _upload(api, world.body, _txt()).json()
    refused = api.post(f"/api/imports/{document['id']}/confirm", {"revision": 7})
    assert refused.status_code == 409
    assert MinutesDocument.objects.get(pk=document["id"]).status == "draft"


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("紀錄.pdf", b"not a pdf at all", "not a PDF"),
        ("紀錄.exe", b"MZ\x90\x00", ".txt, .docx, .odt and .pdf"),
        ("紀錄.docx", b"plain words", "not a Word"),
    ],
)
def test_upload_is_checked_by_content_like_the_page(world, api_as, name, content, words):
    api = api_as("secretary")
    refused = _upload(api, world.body, SimpleUploadedFile(name, content))
    assert refused.status_code == 400
    assert name in refused.json()["detail"] and words in refused.json()["detail"]
    assert not MinutesDocument.objects.exists()


def test_upload_over_the_size_limit_is_refused(world, api_as, settings):
    settings.LIVINGLAB_UPLOAD_MAX_BYTES = 100
    refused = _upload(api_as("secretary"), world.body, _txt())
    assert refused.status_code == 400
    assert "larger than" in refused.json()["detail"]
    assert not MinutesDocument.objects.exists()


def test_upload_without_a_file_is_refused(world, api_as):
    refused = _upload(api_as("secretary"), world.body)
    assert refused.status_code == 400
    assert not MinutesDocument.objects.exists()


def test_a_large_record_shows_its_reading_then_a_failure_with_its_reason(
    world, api_as, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(importing, "BACKGROUND_BYTES", 3)
    api = api_as("secretary")
    [reading] = _upload(api, world.body, _txt()).json()
    assert reading["status"] == "reading"  # its task runs after commit, never here
    status = api.get(f"/api/imports/{reading['id']}").json()
    assert status["status"] == "reading" and 0 <= status["progress"] < 100
    assert api.get(f"/api/imports/{reading['id']}/draft").status_code == 409

    with django_capture_on_commit_callbacks(execute=True):
        [failed] = _upload(api, world.body, SimpleUploadedFile("壞檔.pdf", b"%PDF-broken")).json()
    status = api.get(f"/api/imports/{failed['id']}").json()
    assert status["status"] == "failed"
    assert "壞檔.pdf" in status["error"]
    draft = api.get(f"/api/imports/{failed['id']}/draft")
    assert draft.status_code == 409 and "壞檔.pdf" in draft.json()["detail"]


def test_an_officers_token_cannot_import_or_confirm(world, api_as):
    [document] = _upload(api_as("secretary"), world.body, _txt()).json()
    officer = api_as("officer")
    assert _upload(officer, world.body, _txt("另一份.txt")).status_code == 403
    assert officer.get(f"/api/imports/{document['id']}").status_code == 404
    assert officer.get(f"/api/imports/{document['id']}/draft").status_code == 404
    assert officer.post(f"/api/imports/{document['id']}/confirm").status_code == 404
    assert MinutesDocument.objects.get(pk=document["id"]).status == "draft"


def test_another_bodys_secretary_cannot_confirm(world, api_as, client):
    [document] = _upload(api_as("secretary"), world.body, _txt()).json()
    other_body = Body.objects.create(name="桃園智慧城市推動會報")
    other = _user("other_secretary")
    Membership.objects.create(user=other, role="secretariat", body=other_body)
    from tests.api.conftest import TokenClient

    api = TokenClient(client, other)
    assert api.post(f"/api/imports/{document['id']}/confirm").status_code == 404
    assert _upload(api, world.body, _txt("另一份.txt")).status_code == 403
    assert MinutesDocument.objects.get(pk=document["id"]).status == "draft"
    assert not Meeting.objects.exists()


def test_import_list_shows_the_bodys_records_in_a_fixed_number_of_queries(
    world, api_as, django_assert_max_num_queries
):
    api = api_as("secretary")
    for n in range(3):
        [document] = _upload(
            api, world.body, _txt(f"紀錄{n}.txt", INDUSTRY_MEETING + "\n" * n)
        ).json()
    api.post(f"/api/imports/{document['id']}/confirm")
    with django_assert_max_num_queries(8):
        listed = api.get(f"/api/bodies/{world.body.pk}/imports")
    items = listed.json()["items"]
    assert [i["filename"] for i in items] == ["紀錄2.txt", "紀錄1.txt", "紀錄0.txt"]
    assert items[0]["status"] == "confirmed" and len(items[0]["meetings"]) == 1


@pytest.mark.parametrize(
    "url", ["/api/imports/0", "/api/imports/99999999999999999999", "/api/bodies/-1/imports"]
)
def test_out_of_range_ids_are_refused_not_a_server_error(world, api_as, url):
    assert api_as("secretary").get(url).status_code == 422


def test_out_of_range_revision_is_refused(world, api_as):
    api = api_as("secretary")
    [document] = _upload(api, world.body, _txt()).json()
    refused = api.post(f"/api/imports/{document['id']}/confirm", {"revision": 10**20})
    assert refused.status_code == 422
