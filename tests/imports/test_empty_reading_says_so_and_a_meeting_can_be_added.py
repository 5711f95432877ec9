from livinglab.meetings.models import MinutesDocument
from tests.imports.conftest import post_draft


def test_a_reading_with_no_meeting_says_so_in_words(client, blank_draft):
    page = client.get(f"/imports/{blank_draft.pk}/").content.decode()

    assert "The reader found no meeting record in this file." in page
    assert "雙北產業交流座談紀要" in page  # the source text is beside it
    assert "data-selectable" in page


def test_a_meeting_is_added_by_hand_and_named_after_the_file(client, blank_draft):
    response = post_draft(client, blank_draft, op="add-meeting")

    assert response.status_code == 302
    assert response["Location"].endswith("#meeting-0")
    blank_draft.refresh_from_db()
    [meeting] = blank_draft.proposal["meetings"]
    assert meeting["title"] == "座談紀要"
    assert meeting["manual"] is True and meeting["items"] == []
    assert blank_draft.proposal["edited"] is True
    page = client.get(f"/imports/{blank_draft.pk}/").content.decode()
    assert 'value="座談紀要"' in page
    assert "The reader found a meeting but no decision item in it." in page


def test_a_meeting_found_without_items_says_what_the_reader_did_find(client, world, reader):
    from livinglab.minutes import Document, Meeting
    from tests.imports.conftest import upload

    meeting = Meeting("第2次會議", None, None, None, "張副局長", None, (0, 6), [])
    name, content = reader.add(b"header only", Document("h.txt", "第2次會議紀錄", [meeting]))
    client.force_login(world.secretary)
    upload(client, world.body, name="h.txt", text=content.decode())

    page = client.get(f"/imports/{MinutesDocument.objects.get().pk}/").content.decode()

    assert "What it did find:" in page
    assert "the title、the chair" in page
