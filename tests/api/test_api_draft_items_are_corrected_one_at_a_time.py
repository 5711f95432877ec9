"""A secretary corrects a draft through the API item by item, as the draft page's rows
save them: the same checks (agencies from the directory, cases of the body), parallel
changes to other items and fields kept, a draft that moved refused, and the same
permissions (only the body's secretariat)."""

import pytest

from livinglab.meetings.models import Body, MinutesDocument
from livinglab.orgs.models import Membership
from livinglab.tracking.models import Case, Decision, DecisionAgency
from tests.api.conftest import TokenClient, draft_of
from tests.conftest import _user


def _item(draft: int, m: int = 0, i: int = 0) -> str:
    return f"/api/imports/{draft}/draft/meetings/{m}/items/{i}"


def _send(api, method: str, path: str, data=None):
    call = getattr(api.client, method)
    return call(path, data or {}, content_type="application/json", **api.headers)


def _stored(draft: int, m: int = 0, i: int = 0) -> dict:
    return MinutesDocument.objects.get(pk=draft).proposal["meetings"][m]["items"][i]


def test_the_secretary_corrects_an_item_and_confirming_writes_it(world, draft, api_as):
    api = api_as("secretary")
    before = api.get(_item(draft, 0, 0)).json()
    assert "智慧路燈合作案" in before["text"] and before["revision"] == 0
    changed = _send(
        api,
        "patch",
        _item(draft, 0, 0),
        {
            "revision": 0,
            "text": "智慧路燈合作案：請交通局主辦、經發局協辦，於年底前完成介接。",
            "agencies": [
                {"name": "臺北市政府交通局", "role": "lead"},
                {"name": "經發局", "role": "supporting"},
            ],
            "deadline": "2025-01-15",
        },
    )
    assert changed.status_code == 200, changed.content
    item = changed.json()
    assert item["text"].endswith("於年底前完成介接。")
    assert [(a["name"], a["role"]) for a in item["agencies"]] == [
        ("臺北市政府交通局", "lead"),
        ("新北市政府經濟發展局", "supporting"),
    ]
    assert item["deadline"]["date"] == "2025-01-15"
    assert item["manual"] is False and item["revision"] == 0  # not a structural change
    assert api.get(f"/api/imports/{draft}/draft").json()["edited"] is True

    confirmed = api.post(f"/api/imports/{draft}/confirm", {"revision": 0})
    assert confirmed.status_code == 200, confirmed.content
    decision = Decision.objects.get(text__endswith="於年底前完成介接。")
    assert str(decision.deadline) == "2025-01-15"
    roles = {
        (a.organisation.name, a.role) for a in DecisionAgency.objects.filter(decision=decision)
    }
    assert roles == {("臺北市政府交通局", "lead"), ("新北市政府經濟發展局", "supporting")}


def test_fields_left_out_stay_as_they_are(world, draft, api_as):
    before = _stored(draft)
    changed = _send(api_as("secretary"), "patch", _item(draft), {"deadline": None})
    assert changed.status_code == 200
    after = _stored(draft)
    assert after["deadline"] is None
    assert (after["text"], after["agencies"], after["links"]) == (
        before["text"],
        before["agencies"],
        before["links"],
    )


def test_parallel_changes_to_other_items_and_fields_are_kept(world, draft, api_as, client):
    """Two secretaries read the draft at the same revision and each saves their own
    change: neither undoes the other's."""
    other = _user("second_secretary")
    Membership.objects.create(user=other, role="secretariat", body=world.body)
    first, second = api_as("secretary"), TokenClient(client, other)
    assert _send(first, "patch", _item(draft, 0, 0), {"revision": 0, "pending": "待府級會議"})
    assert _send(second, "patch", _item(draft, 0, 0), {"revision": 0, "status": "new"})
    assert _send(second, "patch", _item(draft, 0, 2), {"revision": 0, "text": "改寫第三項"})
    item0, item2 = _stored(draft, 0, 0), _stored(draft, 0, 2)
    assert (item0["pending"], item0["status"]) == ("待府級會議", "new")
    assert item2["text"] == "改寫第三項"


def test_a_link_moves_to_an_existing_case_and_a_new_case_is_added(world, api_as):
    existing = Case.objects.create(body=world.body, title="路燈資料介接案", state="tracked")
    draft = draft_of(api_as("secretary"), world.body)
    api = api_as("secretary")
    moved = _send(
        api,
        "patch",
        _item(draft),
        {"cases": [{"case_id": existing.pk}], "add_case": {"new_case": "路燈節能示範案"}},
    )
    assert moved.status_code == 200, moved.content
    cases = moved.json()["cases"]
    assert cases[0]["case_id"] == existing.pk and cases[0]["method"] == "manual"
    assert cases[1]["title"] == "路燈節能示範案" and cases[1]["new_case"].startswith("new:")
    api.post(f"/api/imports/{draft}/confirm", {})
    decision = Decision.objects.get(text__startswith="（一）智慧路燈合作案")
    linked = {link.case_id for link in decision.links.all()}
    assert existing.pk in linked and len(linked) == 2
    assert Case.objects.get(pk=(linked - {existing.pk}).pop()).title == "路燈節能示範案"


def test_an_item_is_added_with_its_fields_and_another_deleted(world, draft, api_as):
    api = api_as("secretary")
    added = api.post(
        f"/api/imports/{draft}/draft/meetings/0/items",
        {
            "revision": 0,
            "text": "臨時動議：請產業局研議夜間經濟補助。",
            "agencies": [{"name": "產業局"}],
            "add_case": {"new_case": "夜間經濟補助案"},
        },
    )
    assert added.status_code == 201, added.content
    item = added.json()
    assert (item["item_index"], item["revision"], item["manual"]) == (4, 1, True)
    assert item["agencies"][0]["name"] == "臺北市政府產業發展局"
    assert item["cases"][0]["title"] == "夜間經濟補助案"

    deleted = _send(api, "delete", _item(draft, 0, 1) + "?revision=1")
    assert deleted.status_code == 200, deleted.content
    items = deleted.json()["meetings"][0]["items"]
    assert deleted.json()["revision"] == 2 and len(items) == 4
    assert not any(i["text"].startswith("（二）共享單車") for i in items)
    assert items[-1]["text"].startswith("臨時動議")


def test_a_change_to_a_draft_that_moved_is_refused(world, draft, api_as):
    api = api_as("secretary")
    _send(api, "delete", _item(draft, 0, 0) + "?revision=0")  # now at revision 1
    stale = _send(api, "patch", _item(draft, 0, 0), {"revision": 0, "text": "寫錯項目"})
    assert stale.status_code == 409 and "another window" in stale.json()["detail"]
    assert _stored(draft)["text"] != "寫錯項目"
    again = _send(api, "delete", _item(draft, 0, 0) + "?revision=0")
    assert again.status_code == 409
    assert len(MinutesDocument.objects.get(pk=draft).proposal["meetings"][0]["items"]) == 3


def test_a_confirmed_record_is_read_but_not_changed(world, draft, api_as):
    api = api_as("secretary")
    api.post(f"/api/imports/{draft}/confirm", {})
    assert api.get(_item(draft)).status_code == 200
    assert _send(api, "patch", _item(draft), {"text": "事後修改"}).status_code == 409
    assert api.post(f"/api/imports/{draft}/draft/meetings/0/items", {}).status_code == 409
    assert _send(api, "delete", _item(draft)).status_code == 409


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"agencies": [{"name": "火星探勘局"}]}, "火星探勘局"),
        ({"agencies": [{"name": "交通局、經發局"}]}, "One agency per entry"),
        ({"cases": []}, "send one entry for each"),
        ({"cases": [{"case_id": 1, "new_case": "兩者皆給"}]}, "either as case_id"),
        ({"add_case": {}}, "either as case_id"),
        ({"add_case": {"new_case": "new:99"}}, "new:99"),
    ],
)
def test_a_refused_field_says_why_and_changes_nothing(world, draft, api_as, change, words):
    before = _stored(draft)
    refused = _send(api_as("secretary"), "patch", _item(draft), change)
    assert refused.status_code == 400
    assert words in refused.json()["detail"]
    assert _stored(draft) == before


def test_a_case_of_another_body_is_refused(world, draft, api_as):
    elsewhere = Case.objects.create(body=world.private_body, title="他會案件", state="tracked")
    refused = _send(
        api_as("secretary"), "patch", _item(draft), {"add_case": {"case_id": elsewhere.pk}}
    )
    assert refused.status_code == 400
    assert "not a case of this body" in refused.json()["detail"]


def test_a_refused_new_item_is_not_added(world, draft, api_as):
    refused = api_as("secretary").post(
        f"/api/imports/{draft}/draft/meetings/0/items",
        {"text": "新項目", "agencies": [{"name": "火星探勘局"}]},
    )
    assert refused.status_code == 400
    proposal = MinutesDocument.objects.get(pk=draft).proposal
    assert len(proposal["meetings"][0]["items"]) == 4 and not proposal.get("revision")


@pytest.mark.parametrize(
    "change",
    [
        {"status": "burn"},
        {"deadline": "2024-13-01"},
        {"text": "x" * 20001},
        {"track": "maybe"},
        {"revision": -1},
        {"agencies": [{"name": "交通局", "role": "chair"}]},
        {"agencies": [{"name": ""}]},
    ],
)
def test_malformed_fields_are_refused_with_422(world, draft, api_as, change):
    before = _stored(draft)
    refused = _send(api_as("secretary"), "patch", _item(draft), change)
    assert refused.status_code == 422
    assert refused.json()["detail"]
    assert _stored(draft) == before


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/meetings/0/items/99", 404),
        ("/meetings/5/items/0", 404),
        ("/meetings/-1/items/0", 422),
        ("/meetings/0/items/1000000", 422),
    ],
)
def test_an_item_not_there_is_answered_plainly(world, draft, api_as, path, status):
    api = api_as("secretary")
    url = f"/api/imports/{draft}/draft{path}"
    for answer in (
        api.get(url),
        _send(api, "patch", url, {"text": "x"}),
        _send(api, "delete", url),
    ):
        assert answer.status_code == status
        if status == 404:
            assert "There is no" in answer.json()["detail"]
    assert len(MinutesDocument.objects.get(pk=draft).proposal["meetings"][0]["items"]) == 4


def test_adding_to_a_meeting_not_there_is_refused(world, draft, api_as):
    added = api_as("secretary").post(f"/api/imports/{draft}/draft/meetings/3/items", {})
    assert added.status_code == 400
    assert "no meeting 4" in added.json()["detail"]


@pytest.mark.parametrize("role", ["officer", "other_officer", "reviewer", "proposer"])
def test_only_the_bodys_secretariat_corrects_a_draft(world, draft, api_as, role):
    before = _stored(draft)
    api = api_as(role)
    assert api.get(_item(draft)).status_code == 404
    assert _send(api, "patch", _item(draft), {"text": "冒名修改"}).status_code == 404
    assert api.post(f"/api/imports/{draft}/draft/meetings/0/items", {}).status_code == 404
    assert _send(api, "delete", _item(draft)).status_code == 404
    assert _stored(draft) == before


def test_anonymous_callers_are_asked_to_sign_in(world, draft, client):
    answer = client.patch(_item(draft), {"text": "x"}, content_type="application/json")
    assert answer.status_code == 401


def test_a_draft_of_a_body_that_is_not_public(world, api_as, client):
    """Its own secretary corrects it; the secretariat of another body never reaches it."""
    own = _user("private_secretary")
    Membership.objects.create(user=own, role="secretariat", body=world.private_body)
    api = TokenClient(client, own)
    draft = draft_of(api, world.private_body)
    assert _send(api, "patch", _item(draft), {"pending": "待議"}).status_code == 200
    outsider = api_as("secretary")
    assert outsider.get(_item(draft)).status_code == 404
    assert _send(outsider, "patch", _item(draft), {"pending": "x"}).status_code == 404
    assert _stored(draft)["pending"] == "待議"
    assert Body.objects.get(pk=world.private_body.pk).is_public is False
