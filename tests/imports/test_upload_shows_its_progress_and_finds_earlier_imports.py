"""The upload page sends files with a progress bar (a static script, no inline code),
and uploading a confirmed record again says where its meeting is (issue 12)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from livinglab.meetings.models import Meeting, MinutesDocument
from tests.imports.conftest import INDUSTRY_MEETING, form_values, upload


def test_the_page_loads_the_progress_script_and_has_no_inline_script(client, world):
    client.force_login(world.secretary)
    page = client.get(f"/imports/bodies/{world.body.pk}/").content.decode()
    assert '<script src="/static/js/upload.js" defer></script>' in page
    assert 'class="upload-progress"' in page and "<progress" in page
    head, body = page.split("</head>")
    assert "<script" not in body  # CSP: scripts come from files only


def test_the_script_is_told_where_to_go_and_the_messages_wait_for_that_page(client, world):
    client.force_login(world.secretary)
    record = SimpleUploadedFile("第3次會議紀錄.txt", INDUSTRY_MEETING.encode())
    response = client.post(
        f"/imports/bodies/{world.body.pk}/", {"files": record}, headers={"X-Upload-Progress": "1"}
    )
    draft = MinutesDocument.objects.get()
    assert response.status_code == 200
    assert response.json() == {"location": f"/imports/{draft.pk}/"}


def test_a_refused_file_comes_back_as_the_form_for_the_script_too(client, world):
    client.force_login(world.secretary)
    junk = SimpleUploadedFile("x.exe", b"MZ\x90\x00" * 10)
    response = client.post(
        f"/imports/bodies/{world.body.pk}/", {"files": junk}, headers={"X-Upload-Progress": "1"}
    )
    assert response.status_code == 400
    assert "<main" in response.content.decode() and "x.exe" in response.content.decode()


def test_uploading_a_confirmed_record_again_says_where_its_meeting_is(client, world, draft):
    values = form_values(client.get(f"/imports/{draft.pk}/"))
    client.post(f"/imports/{draft.pk}/", {**values, "action": "confirm"})
    meeting = Meeting.objects.get()

    page = client.get(upload(client, world.body)["Location"]).content.decode()

    assert "was imported and confirmed before" in page
    assert f'<a href="{meeting.get_absolute_url()}">' in page
    assert Meeting.objects.count() == 1


def test_a_first_upload_says_nothing_of_earlier_imports(client, world, draft):
    page = client.get(f"/imports/{draft.pk}/").content.decode()
    assert "confirmed before" not in page
