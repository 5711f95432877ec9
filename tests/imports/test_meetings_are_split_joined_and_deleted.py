from tests.imports.conftest import post_draft


def _meetings(draft):
    draft.refresh_from_db()
    return draft.proposal["meetings"]


def test_a_meeting_is_split_before_an_item(client, draft):
    response = post_draft(client, draft, op="split-meeting:0:2")

    assert response["Location"].endswith("#meeting-1")
    first, second = _meetings(draft)
    assert len(first["items"]) == 2 and len(second["items"]) == 2
    assert second["title"] == first["title"] + " (2)"  # two meetings are never one by name
    assert second["date"] == first["date"]
    assert first["span"][1] == second["span"][0] == second["items"][0]["span"][0]


def test_two_meetings_are_joined(client, draft):
    post_draft(client, draft, op="split-meeting:0:2")

    post_draft(client, draft, op="join-meetings:0")

    [meeting] = _meetings(draft)
    assert len(meeting["items"]) == 4


def test_a_meeting_is_deleted_with_its_items(client, draft):
    post_draft(client, draft, op="split-meeting:0:1")

    post_draft(client, draft, op="delete-meeting:1")

    [meeting] = _meetings(draft)
    assert len(meeting["items"]) == 1


def test_a_meeting_cannot_be_split_before_its_first_item(client, draft):
    response = post_draft(client, draft, op="split-meeting:0:0")

    assert response.status_code == 400
    assert len(_meetings(draft)) == 1
