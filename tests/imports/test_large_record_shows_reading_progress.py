from livinglab.meetings.models import MinutesDocument
from livinglab.tracking.services import importing
from tests.imports.conftest import upload


def test_draft_page_polls_while_a_large_record_is_read(
    client, world, monkeypatch, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(importing, "BACKGROUND_BYTES", 10)
    client.force_login(world.secretary)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = upload(client, world.body)
    draft = MinutesDocument.objects.get()
    assert draft.status == MinutesDocument.Status.READING

    page = client.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert f'hx-get="/imports/{draft.pk}/progress/"' in page
    assert "<progress" in page
    assert "<script" not in page.split("</head>")[1]  # no inline script (CSP)
    polled = client.get(f"/imports/{draft.pk}/progress/", headers={"HX-Request": "true"})
    assert 'hx-trigger="every 2s"' in polled.content.decode()

    for callback in callbacks:  # the task runs
        callback()

    done = client.get(f"/imports/{draft.pk}/progress/", headers={"HX-Request": "true"})
    assert done["HX-Redirect"] == f"/imports/{draft.pk}/"
    page = client.get(f"/imports/{draft.pk}/").content.decode()
    assert 'hx-trigger="every 2s"' not in page
    assert '<mark id="item-0-0"' in page


def test_a_large_record_that_cannot_be_read_shows_why(
    client, world, monkeypatch, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(importing, "BACKGROUND_BYTES", 10)
    client.force_login(world.secretary)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, world.body, name="掃描檔.pdf", text="%PDF-1.4 broken")

    page = client.get(response["Location"]).content.decode()
    assert "掃描檔.pdf" in page
    assert 'class="form-errors"' in page
