from livinglab.meetings.models import MinutesDocument
from tests.imports.conftest import form_values


def test_saving_one_item_with_htmx_returns_only_that_row(client, draft):
    values = form_values(client.get(f"/imports/{draft.pk}/"))
    values["i0-2-deadline"] = "2024-11-15"
    values["i0-0-deadline"] = "2030-01-01"  # another row's unsaved edit is left alone

    response = client.post(
        f"/imports/{draft.pk}/items/0/2/", values, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    row = response.content.decode()
    assert row.startswith('<fieldset class="item') and 'id="row-0-2"' in row
    assert 'value="2024-11-15"' in row
    draft = MinutesDocument.objects.get()
    items = draft.proposal["meetings"][0]["items"]
    assert items[2]["deadline"]["date"] == "2024-11-15"
    assert items[0]["deadline"]["date"] == "2024-12-31"


def test_saving_one_item_without_htmx_goes_back_to_the_item(client, draft):
    values = form_values(client.get(f"/imports/{draft.pk}/"))
    values.pop("i0-3-track")

    response = client.post(f"/imports/{draft.pk}/items/0/3/", values)

    assert response["Location"] == f"/imports/{draft.pk}/#item-0-3"
    draft.refresh_from_db()
    assert draft.proposal["meetings"][0]["items"][3]["track"] is False


def test_save_draft_keeps_corrections_of_meeting_and_items(client, draft):
    values = form_values(client.get(f"/imports/{draft.pk}/"))
    values.update({"m0-chair": "產業發展局 林局長", "m0-time": "09:30"})
    values.update({"i0-1-status": "tracked", "i0-1-agencies": "新北市政府經濟發展局"})

    response = client.post(f"/imports/{draft.pk}/", {**values, "action": "save"})

    assert response["Location"] == f"/imports/{draft.pk}/"
    draft.refresh_from_db()
    meeting = draft.proposal["meetings"][0]
    assert (meeting["chair"], meeting["time"]) == ("產業發展局 林局長", "09:30")
    assert meeting["items"][1]["status"] == "tracked"
    assert meeting["items"][1]["agencies"] == [
        {"mention": "新北市政府經濟發展局", "name": "新北市政府經濟發展局", "role": "lead"}
    ]
    assert meeting["items"][0]["agencies"][0]["mention"] == "產業局"  # untouched as written


def test_invalid_fields_are_shown_and_nothing_is_saved(client, draft):
    values = form_values(client.get(f"/imports/{draft.pk}/"))
    values["i0-0-deadline"] = "not a date"

    response = client.post(f"/imports/{draft.pk}/", {**values, "action": "confirm"})

    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == MinutesDocument.Status.DRAFT
