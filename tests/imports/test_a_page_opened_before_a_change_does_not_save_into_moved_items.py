from tests.imports.conftest import form_values


def test_a_stale_page_is_refused_and_told_to_reload(client, draft):
    stale = form_values(client.get(f"/imports/{draft.pk}/"))
    client.post(f"/imports/{draft.pk}/", {**stale, "op": "delete-item:0:0"})

    stale["i0-1-deadline"] = "2031-01-01"  # was item 1; item 1 is now another
    response = client.post(f"/imports/{draft.pk}/", stale)

    assert response.status_code == 400
    assert "Reload the page" in response.content.decode()
    draft.refresh_from_db()
    deadlines = [
        (i.get("deadline") or {}).get("date") for i in draft.proposal["meetings"][0]["items"]
    ]
    assert "2031-01-01" not in deadlines


def test_a_stale_row_save_says_why_it_was_not_saved(client, draft):
    stale = form_values(client.get(f"/imports/{draft.pk}/"))
    client.post(f"/imports/{draft.pk}/", {**stale, "op": "add-item:0"})

    response = client.post(f"/imports/{draft.pk}/items/0/1/", stale, headers={"HX-Request": "true"})

    assert "Reload the page" in response.content.decode()
