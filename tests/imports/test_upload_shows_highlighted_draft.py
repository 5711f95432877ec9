import dataclasses

from livinglab.meetings.models import Meeting, MinutesDocument
from livinglab.tracking.models import Case
from tests.imports.conftest import upload
from tests.tracking.documents import document, item, meeting


def test_upload_leads_to_the_draft_with_each_item_highlighted(client, world):
    client.force_login(world.secretary)

    response = upload(client, world.body)

    draft = MinutesDocument.objects.get()
    assert response["Location"] == f"/imports/{draft.pk}/"
    page = client.get(response["Location"]).content.decode()
    for anchor in ("item-0-0", "item-0-1", "item-0-2", "item-0-3"):
        assert f'<mark id="{anchor}"' in page
        assert f'href="#{anchor}"' in page  # the item links to its source
    assert "智慧路燈合作案" in page
    assert 'value="2024-12-31"' in page  # the deadline read from 113年12月31日前
    assert 'value="臺北市政府產業發展局"' in page
    assert not Meeting.objects.exists() and not Case.objects.exists()  # only a draft


def test_source_text_is_shown_escaped(client, world, reader):
    text = '第1次會議\n一、<script>alert("x")</script>甲案：續予列管。'
    decision = item(["甲案"], "tracked", text=text[text.index("<") :])
    decision = dataclasses.replace(decision, span=(text.index("一"), len(text)))
    record = document(meeting("2024-03-01", [decision]))
    record = dataclasses.replace(record, source="x.txt", text=text)
    client.force_login(world.secretary)

    response = client.get(upload_redirect(client, world.body, reader.add(b"x", record)))

    page = response.content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;甲案" in page


def upload_redirect(client, body, named_bytes) -> str:
    from django.core.files.uploadedfile import SimpleUploadedFile

    name, data = named_bytes
    file = SimpleUploadedFile(name, data, content_type="text/plain")
    response = client.post(f"/imports/bodies/{body.pk}/", {"files": [file]})
    assert response.status_code == 302
    return response["Location"]
