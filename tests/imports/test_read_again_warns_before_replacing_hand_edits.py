from tests.imports.conftest import post_draft


def test_an_untouched_draft_is_read_again_at_once(client, blank_draft, monkeypatch):
    monkeypatch.undo()  # the reader "improved": it is the real one again

    response = client.post(f"/imports/{blank_draft.pk}/read-again/")

    assert response.status_code == 302
    blank_draft.refresh_from_db()
    assert blank_draft.proposal.get("edited") is None
    assert blank_draft.proposal["revision"] == 1


def test_a_draft_with_hand_edits_asks_first_and_keeps_them(client, draft):
    post_draft(client, draft, **{"i0-0-deadline": "2030-01-01"})

    asked = client.post(f"/imports/{draft.pk}/read-again/")

    assert asked.status_code == 200
    assert "corrections made by hand" in asked.content.decode()
    draft.refresh_from_db()
    assert draft.proposal["meetings"][0]["items"][0]["deadline"]["date"] == "2030-01-01"

    client.post(f"/imports/{draft.pk}/read-again/", {"replace_edits": "1"})

    draft.refresh_from_db()
    assert draft.proposal["meetings"][0]["items"][0]["deadline"]["date"] == "2024-12-31"
    assert "edited" not in draft.proposal


def test_saving_the_page_unchanged_is_not_a_hand_edit(client, draft):
    post_draft(client, draft)

    draft.refresh_from_db()
    assert "edited" not in draft.proposal
