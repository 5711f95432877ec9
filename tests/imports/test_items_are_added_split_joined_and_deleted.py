from tests.imports.conftest import post_draft


def _items(draft):
    draft.refresh_from_db()
    return draft.proposal["meetings"][0]["items"]


def test_an_empty_item_is_added_to_a_meeting(client, draft):
    response = post_draft(client, draft, op="add-item:0")

    assert response["Location"].endswith("#row-0-4")
    items = _items(draft)
    assert len(items) == 5
    assert items[4]["manual"] is True and items[4]["text"] == ""


def test_an_item_is_split_where_the_cursor_was(client, draft):
    text = _items(draft)[0]["text"]
    cut = text.index("續予列管")

    post_draft(client, draft, op="split-item:0:0", **{"i0-0-split_at": str(cut)})

    items = _items(draft)
    assert len(items) == 5
    assert items[1]["text"] == "續予列管。"
    assert items[0]["text"] + items[1]["text"] == text
    assert items[0]["links"] and not items[1]["links"]  # the case stays with the first part
    assert items[1]["span"][0] == items[0]["span"][1]


def test_an_item_with_no_place_to_cut_is_not_split_and_says_why(client, draft):
    post_draft(client, draft, **{"i0-0-text": "智慧路燈"})

    response = post_draft(client, draft, op="split-item:0:0")

    assert response.status_code == 400
    assert "no place to cut it in two" in response.content.decode()
    assert len(_items(draft)) == 4


def test_two_items_are_joined_into_one_decision(client, draft):
    before = _items(draft)

    post_draft(client, draft, op="join-items:0:2")

    items = _items(draft)
    assert len(items) == 3
    joined = items[2]
    assert joined["text"] == before[2]["text"] + "\n" + before[3]["text"]
    assert [link["name"] for link in joined["links"]] == [
        before[2]["links"][0]["name"],
        before[3]["links"][0]["name"],
    ]
    assert joined["span"] == [before[2]["span"][0], before[3]["span"][1]]


def test_an_item_is_deleted(client, draft):
    texts = [item["text"] for item in _items(draft)]

    post_draft(client, draft, op="delete-item:0:1")

    assert [item["text"] for item in _items(draft)] == texts[:1] + texts[2:]


def test_unsaved_edits_of_other_rows_are_kept_by_a_change_of_items(client, draft):
    post_draft(client, draft, op="delete-item:0:3", **{"i0-0-deadline": "2030-01-01"})

    assert _items(draft)[0]["deadline"]["date"] == "2030-01-01"
