from livinglab.meetings.models import Meeting, MinutesDocument
from livinglab.tracking.models import Case, Decision
from tests.imports.conftest import post_draft


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_a_draft_with_no_meeting_is_not_confirmed_and_says_why(client, blank_draft):
    response = post_draft(client, blank_draft, action="confirm")

    assert response.status_code == 400
    assert "There is nothing to write: the draft has no meeting." in response.content.decode()
    blank_draft.refresh_from_db()
    assert blank_draft.status == MinutesDocument.Status.DRAFT


def test_a_draft_with_no_items_asks_before_confirming(client, blank_draft):
    post_draft(client, blank_draft, op="add-meeting")

    asked = post_draft(client, blank_draft, action="confirm", **{"m0-date": "2024-10-15"})

    assert asked.status_code == 200
    assert "The draft has no decision items" in asked.content.decode()
    blank_draft.refresh_from_db()
    assert blank_draft.status == MinutesDocument.Status.DRAFT
    assert blank_draft.proposal["meetings"][0]["date"] == "2024-10-15"  # the edit was kept
    assert not Meeting.objects.exists()

    confirmed = post_draft(client, blank_draft, action="confirm", empty_ok="1")

    assert confirmed.status_code == 302
    page = client.get(confirmed["Location"])
    assert "1 meetings, 0 decisions, 0 new cases" in _messages(page)
    assert Meeting.objects.get().date.isoformat() == "2024-10-15"
    assert not Decision.objects.exists()


def test_confirming_counts_what_it_wrote(client, draft):
    response = post_draft(client, draft, action="confirm")

    page = client.get(response["Location"])
    assert "Written to the registry: 1 meetings, 4 decisions, 4 new cases." in _messages(page)
    assert Case.objects.count() == 4


def test_a_meeting_made_by_hand_that_is_already_in_the_registry_is_refused(
    client, world, blank_draft
):
    Meeting.objects.create(body=world.body, title="座談紀要", date=None)
    post_draft(client, blank_draft, op="add-meeting")
    post_draft(client, blank_draft, op="add-item:0")

    response = post_draft(
        client, blank_draft, action="confirm", **{"i0-0-text": "試辦三處夜市", "i0-0-track": ""}
    )

    assert response.status_code == 400
    assert "is already in the registry from another record" in response.content.decode()
    assert Meeting.objects.count() == 1 and not Decision.objects.exists()
