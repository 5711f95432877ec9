from livinglab.meetings.models import Meeting, MinutesDocument
from livinglab.tracking.models import Case, CaseEvent, Decision
from tests.imports.conftest import form_values


def _counts():
    return (
        Meeting.objects.count(),
        Decision.objects.count(),
        Case.objects.count(),
        CaseEvent.objects.count(),
    )


def test_confirm_lands_on_the_meeting_page_with_a_message(client, draft):
    values = form_values(client.get(f"/imports/{draft.pk}/"))

    response = client.post(f"/imports/{draft.pk}/", {**values, "action": "confirm"}, follow=True)

    meeting = Meeting.objects.get()
    assert response.redirect_chain[-1][0] == meeting.get_absolute_url()
    assert "message-success" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == MinutesDocument.Status.CONFIRMED


def test_confirming_twice_changes_nothing(client, draft):
    values = {**form_values(client.get(f"/imports/{draft.pk}/")), "action": "confirm"}
    client.post(f"/imports/{draft.pk}/", values)
    before = _counts()

    again = client.post(f"/imports/{draft.pk}/", values)

    assert again.status_code == 302
    assert again["Location"] == Meeting.objects.get().get_absolute_url()
    assert _counts() == before


def test_uploading_the_confirmed_record_again_changes_nothing(client, world, draft):
    from tests.imports.conftest import upload

    values = form_values(client.get(f"/imports/{draft.pk}/"))
    client.post(f"/imports/{draft.pk}/", {**values, "action": "confirm"})
    before = _counts()

    response = upload(client, world.body)

    assert response["Location"] == f"/imports/{draft.pk}/"
    assert "badge-document-confirmed" in client.get(response["Location"]).content.decode()
    assert _counts() == before
    assert MinutesDocument.objects.count() == 1
