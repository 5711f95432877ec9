from django.core.files.uploadedfile import SimpleUploadedFile

from livinglab.meetings.models import Meeting, MinutesDocument
from livinglab.tracking.models import Case
from tests.imports.records import INDUSTRY_MEETING, upload_file


def _post(client, body, *files):
    return client.post(f"/imports/bodies/{body.pk}/", {"files": list(files)})


def _nothing_created():
    return not (
        MinutesDocument.objects.exists() or Meeting.objects.exists() or Case.objects.exists()
    )


def test_a_file_whose_content_is_not_what_its_name_says_is_refused(client, world):
    client.force_login(world.secretary)
    fake_pdf = SimpleUploadedFile("第4次會議紀錄.pdf", b"just some text", "application/pdf")

    response = _post(client, world.body, fake_pdf)

    assert response.status_code == 400
    assert "第4次會議紀錄.pdf" in response.content.decode()
    assert _nothing_created()


def test_a_file_the_reader_cannot_read_is_named_and_nothing_is_half_imported(client, world):
    client.force_login(world.secretary)
    broken_docx = SimpleUploadedFile("壞掉的紀錄.docx", b"PK\x03\x04" + b"\x00" * 64)

    response = _post(client, world.body, upload_file("好的紀錄.txt", INDUSTRY_MEETING), broken_docx)

    assert response.status_code == 400
    page = response.content.decode()
    assert "壞掉的紀錄.docx" in page
    assert 'class="form-errors"' in page
    assert _nothing_created()  # not even the good record of the same upload


def test_a_file_over_the_size_limit_is_refused(client, world, settings):
    settings.LIVINGLAB_UPLOAD_MAX_BYTES = 100
    client.force_login(world.secretary)

    response = _post(client, world.body, upload_file("太大的紀錄.txt", INDUSTRY_MEETING))

    assert response.status_code == 400
    assert "太大的紀錄.txt" in response.content.decode()
    assert _nothing_created()


def test_an_unknown_kind_of_file_is_refused(client, world):
    client.force_login(world.secretary)

    response = _post(client, world.body, SimpleUploadedFile("紀錄.exe", b"MZ\x90\x00"))

    assert response.status_code == 400
    assert "紀錄.exe" in response.content.decode()
    assert _nothing_created()
