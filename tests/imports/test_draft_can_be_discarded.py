from livinglab.meetings.models import Meeting, MinutesDocument
from tests.imports.conftest import post_draft, upload
from tests.imports.records import PROSE_RECORD


def test_discarding_deletes_the_draft_and_lets_the_file_come_again(client, world, blank_draft):
    response = client.post(f"/imports/{blank_draft.pk}/discard/")

    assert response["Location"] == f"/imports/bodies/{world.body.pk}/"
    assert not MinutesDocument.objects.exists()
    again = upload(client, world.body, name="座談紀要.txt", text=PROSE_RECORD)
    assert again.status_code == 302
    assert MinutesDocument.objects.count() == 1


def test_a_confirmed_record_is_not_discarded(client, draft):
    post_draft(client, draft, action="confirm")

    response = client.post(f"/imports/{draft.pk}/discard/", follow=True)

    assert "is confirmed; its meetings are in the registry and stay there" in (
        response.content.decode()
    )
    assert MinutesDocument.objects.filter(pk=draft.pk).exists()
    assert Meeting.objects.exists()
