"""A secretary corrects a draft's meetings through the API, as the draft page does: a
meeting added by hand, its details corrected, a meeting split in two or two joined,
one deleted; confirming then writes the meetings as corrected. The same checks (a
title is required, a split begins at an item but the first, only a meeting with a next
one joins it), a draft that moved refused, and the same permissions (only the body's
secretariat)."""

import datetime as dt

import pytest

from livinglab.meetings.models import Meeting, MinutesDocument
from livinglab.orgs.models import Membership
from livinglab.tracking.models import Decision
from tests.api.conftest import TokenClient, draft_of
from tests.conftest import _user
from tests.imports.conftest import post_draft, upload


def _meetings(draft: int) -> str:
    return f"/api/imports/{draft}/draft/meetings"


def _meeting(draft: int, m: int = 0) -> str:
    return f"{_meetings(draft)}/{m}"


def _send(api, method: str, path: str, data=None):
    call = getattr(api.client, method)
    return call(path, data or {}, content_type="application/json", **api.headers)


def _proposal(draft: int) -> dict:
    return MinutesDocument.objects.get(pk=draft).proposal


def _confirm(api, draft: int, **extra) -> dict:
    confirmed = api.post(f"/api/imports/{draft}/confirm", extra)
    assert confirmed.status_code == 200, confirmed.content
    return confirmed.json()["written"]


def _decisions(meeting: Meeting) -> list[str]:
    return [d.text[:5] for d in Decision.objects.filter(meeting=meeting).order_by("position")]


def test_a_meeting_split_in_two_is_written_as_two_meetings(world, draft, api_as):
    api = api_as("secretary")
    split = api.post(f"{_meeting(draft)}/split", {"revision": 0, "item_index": 2})
    assert split.status_code == 200, split.content
    first, second = split.json()["meetings"]
    assert split.json()["revision"] == 1
    assert [i["text"][:3] for i in first["items"]] == ["（一）", "（二）"]
    assert [i["text"][:3] for i in second["items"]] == ["（三）", "（四）"]
    # The new meeting has the first's details and a title of its own to correct.
    assert (second["date"], second["chair"]) == (first["date"], first["chair"])
    assert second["title"] == f"{first['title']} (2)"

    corrected = _send(
        api,
        "patch",
        _meeting(draft, 1),
        {"revision": 1, "title": "臺北市政府產業合作推動小組第4次會議", "date": "2024-09-17"},
    )
    assert corrected.status_code == 200, corrected.content
    assert corrected.json()["meeting_index"] == 1 and corrected.json()["revision"] == 1

    written = _confirm(api, draft, revision=1)
    assert (written["meetings"], written["decisions"]) == (2, 4)
    third = Meeting.objects.get(body=world.body, number=3)
    fourth = Meeting.objects.get(body=world.body, number=4)
    assert third.date == dt.date(2024, 9, 10) and fourth.date == dt.date(2024, 9, 17)
    assert _decisions(third) == ["（一）智慧", "（二）共享"]
    assert _decisions(fourth) == ["（三）電動", "（四）夜市"]


def test_meetings_joined_back_are_written_as_one(world, draft, api_as):
    api = api_as("secretary")
    api.post(f"{_meeting(draft)}/split", {"revision": 0, "item_index": 1})
    _send(api, "patch", _meeting(draft, 0), {"revision": 1, "location": None})
    joined = api.post(f"{_meeting(draft)}/join", {"revision": 1})
    assert joined.status_code == 200, joined.content
    [meeting] = joined.json()["meetings"]
    assert joined.json()["revision"] == 2 and len(meeting["items"]) == 4
    # The joined meeting's details fill the ones the first lacks.
    assert meeting["location"] == "臺北市政府市政大樓北區11樓會議室"

    written = _confirm(api, draft, revision=2)
    assert (written["meetings"], written["decisions"]) == (1, 4)
    assert Meeting.objects.get(body=world.body).location == "臺北市政府市政大樓北區11樓會議室"


def test_a_meeting_is_added_by_hand_with_its_details_and_an_item(world, draft, api_as):
    api = api_as("secretary")
    added = api.post(
        _meetings(draft),
        {
            "revision": 0,
            "title": "臺北市政府產業合作推動小組臨時會議紀錄",
            "date": "2024-10-01",
            "time": "14:30",
            "chair": "張副局長志明",
        },
    )
    assert added.status_code == 201, added.content
    meeting = added.json()
    assert (meeting["meeting_index"], meeting["revision"]) == (1, 1)
    assert (meeting["date"], meeting["time"], meeting["items"]) == ("2024-10-01", "14:30", [])
    item = api.post(
        f"{_meeting(draft, 1)}/items",
        {"revision": 1, "text": "臨時動議：請產業局研議夜間經濟補助。", "track": False},
    )
    assert item.status_code == 201, item.content

    written = _confirm(api, draft)
    assert (written["meetings"], written["decisions"]) == (2, 5)
    extra = Meeting.objects.get(title="臺北市政府產業合作推動小組臨時會議紀錄")
    assert (extra.date, extra.time, extra.chair) == (
        dt.date(2024, 10, 1),
        dt.time(14, 30),
        "張副局長志明",
    )
    assert _decisions(extra) == ["臨時動議："]


def test_a_meeting_added_without_details_takes_the_records_name(world, draft, api_as):
    added = api_as("secretary").post(_meetings(draft), {})
    assert added.status_code == 201, added.content
    assert added.json()["title"] == "第3次會議紀錄"
    assert _proposal(draft)["meetings"][1]["manual"] is True


def test_a_meeting_is_deleted_with_its_items(world, draft, api_as):
    api = api_as("secretary")
    api.post(f"{_meeting(draft)}/split", {"revision": 0, "item_index": 3})
    deleted = _send(api, "delete", _meeting(draft, 1) + "?revision=1")
    assert deleted.status_code == 200, deleted.content
    assert deleted.json()["revision"] == 2
    [meeting] = deleted.json()["meetings"]
    assert len(meeting["items"]) == 3

    written = _confirm(api, draft)
    assert (written["meetings"], written["decisions"]) == (1, 3)
    assert not Decision.objects.filter(text__startswith="（四）").exists()


def test_a_meetings_details_change_and_those_left_out_stay(world, draft, api_as):
    api = api_as("secretary")
    before = _proposal(draft)["meetings"][0]
    changed = _send(
        api,
        "patch",
        _meeting(draft),
        {"time": "09:30", "recorder": "王小明", "chair": None, "revision": 0},
    )
    assert changed.status_code == 200, changed.content
    after = _proposal(draft)["meetings"][0]
    assert (after["time"], after["recorder"], after["chair"]) == ("09:30", "王小明", "")
    assert (after["title"], after["date"], after["location"]) == (
        before["title"],
        before["date"],
        before["location"],
    )
    assert after["items"] == before["items"]
    draft_now = api.get(f"/api/imports/{draft}/draft").json()
    assert draft_now["edited"] is True and draft_now["revision"] == 0  # not structural

    _confirm(api, draft, revision=0)
    meeting = Meeting.objects.get(body=world.body)
    assert (meeting.time, meeting.recorder, meeting.chair) == (dt.time(9, 30), "王小明", "")


def test_parallel_changes_to_other_details_are_kept(world, draft, api_as, client):
    other = _user("second_secretary")
    Membership.objects.create(user=other, role="secretariat", body=world.body)
    first, second = api_as("secretary"), TokenClient(client, other)
    assert _send(first, "patch", _meeting(draft), {"revision": 0, "date": "2024-09-11"})
    assert _send(second, "patch", _meeting(draft), {"revision": 0, "title": "第3次會議"})
    meeting = _proposal(draft)["meetings"][0]
    assert (meeting["date"], meeting["title"]) == ("2024-09-11", "第3次會議")


def test_a_change_to_a_draft_that_moved_is_refused(world, draft, api_as):
    api = api_as("secretary")
    api.post(f"{_meeting(draft)}/split", {"revision": 0, "item_index": 2})  # now revision 1
    before = _proposal(draft)
    for answer in (
        _send(api, "patch", _meeting(draft), {"revision": 0, "title": "寫錯會議"}),
        api.post(_meetings(draft), {"revision": 0}),
        api.post(f"{_meeting(draft)}/split", {"revision": 0, "item_index": 1}),
        api.post(f"{_meeting(draft)}/join", {"revision": 0}),
        _send(api, "delete", _meeting(draft, 1) + "?revision=0"),
    ):
        assert answer.status_code == 409, answer.content
        assert "another window" in answer.json()["detail"]
    assert _proposal(draft) == before


def test_a_confirmed_record_is_not_changed(world, draft, api_as):
    api = api_as("secretary")
    _confirm(api, draft)
    before = _proposal(draft)
    for answer in (
        _send(api, "patch", _meeting(draft), {"title": "事後修改"}),
        api.post(_meetings(draft), {}),
        api.post(f"{_meeting(draft)}/split", {"item_index": 1}),
        api.post(f"{_meeting(draft)}/join", {}),
        _send(api, "delete", _meeting(draft)),
    ):
        assert answer.status_code == 409, answer.content
        assert "only a draft can be changed" in answer.json()["detail"]
    assert _proposal(draft) == before
    assert Meeting.objects.filter(document_id=draft).count() == 1


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"title": ""}, "Title: This field is required."),
        ({"title": None}, "Title: This field is required."),
        ({"title": "   "}, "Title: This field is required."),
    ],
)
def test_a_refused_detail_says_why_and_changes_nothing(world, draft, api_as, change, words):
    before = _proposal(draft)
    refused = _send(api_as("secretary"), "patch", _meeting(draft), change)
    assert refused.status_code == 400
    assert refused.json()["detail"] == words
    assert _proposal(draft) == before


def test_a_refused_new_meeting_is_not_added(world, draft, api_as):
    refused = api_as("secretary").post(_meetings(draft), {"title": ""})
    assert refused.status_code == 400 and "Title" in refused.json()["detail"]
    proposal = _proposal(draft)
    assert len(proposal["meetings"]) == 1 and not proposal.get("revision")


@pytest.mark.parametrize(
    "change",
    [
        {"date": "2024-13-01"},
        {"time": "25:00"},
        {"title": "x" * 301},
        {"chair": "x" * 201},
        {"location": ["會議室"]},
        {"revision": -1},
    ],
)
def test_malformed_details_are_refused_with_422(world, draft, api_as, change):
    before = _proposal(draft)
    refused = _send(api_as("secretary"), "patch", _meeting(draft), change)
    assert refused.status_code == 422
    assert refused.json()["detail"]
    assert _proposal(draft) == before


@pytest.mark.parametrize(
    ("operation", "data", "words"),
    [
        ("split", {"item_index": 0}, "split before one of its items but the first"),
        ("split", {"item_index": 4}, "split before one of its items but the first"),
        ("join", {}, "Meeting 1 is the last of the draft"),
    ],
)
def test_a_split_or_join_that_cannot_be_made_says_why(world, draft, api_as, operation, data, words):
    before = _proposal(draft)
    refused = api_as("secretary").post(f"{_meeting(draft)}/{operation}", data)
    assert refused.status_code == 400
    assert words in refused.json()["detail"]
    assert _proposal(draft) == before


def test_a_split_needs_the_item_it_begins_at(world, draft, api_as):
    refused = api_as("secretary").post(f"{_meeting(draft)}/split", {"revision": 0})
    assert refused.status_code == 422


@pytest.mark.parametrize(("m", "status"), [("3", 404), ("-1", 422), ("1000000", 422)])
def test_a_meeting_not_there_is_answered_plainly(world, draft, api_as, m, status):
    api = api_as("secretary")
    url = f"{_meetings(draft)}/{m}"
    for answer in (
        _send(api, "patch", url, {"title": "x"}),
        _send(api, "delete", url),
        api.post(f"{url}/split", {"item_index": 1}),
        api.post(f"{url}/join", {}),
    ):
        assert answer.status_code == status, answer.content
        if status == 404:
            assert "There is no meeting 4 in this draft." in answer.json()["detail"]
    assert len(_proposal(draft)["meetings"]) == 1


@pytest.mark.parametrize("role", ["officer", "other_officer", "reviewer", "proposer"])
def test_only_the_bodys_secretariat_corrects_a_drafts_meetings(world, draft, api_as, role):
    before = _proposal(draft)
    api = api_as(role)
    for answer in (
        _send(api, "patch", _meeting(draft), {"title": "冒名修改"}),
        api.post(_meetings(draft), {}),
        api.post(f"{_meeting(draft)}/split", {"item_index": 1}),
        api.post(f"{_meeting(draft)}/join", {}),
        _send(api, "delete", _meeting(draft)),
    ):
        assert answer.status_code == 404
    assert _proposal(draft) == before


def test_anonymous_callers_are_asked_to_sign_in(world, draft, client):
    answer = client.patch(_meeting(draft), {"title": "x"}, content_type="application/json")
    assert answer.status_code == 401
    assert client.post(f"{_meeting(draft)}/split", {"item_index": 1}).status_code == 401


def test_a_draft_of_another_body_is_out_of_reach(world, api_as, client):
    """Its own secretary corrects it; the secretariat of another body never reaches it."""
    own = _user("private_secretary")
    Membership.objects.create(user=own, role="secretariat", body=world.private_body)
    api = TokenClient(client, own)
    draft = draft_of(api, world.private_body)
    outsider = api_as("secretary")
    for answer in (
        _send(outsider, "patch", _meeting(draft), {"title": "他會修改"}),
        outsider.post(_meetings(draft), {}),
        outsider.post(f"{_meeting(draft)}/split", {"item_index": 1}),
        _send(outsider, "delete", _meeting(draft)),
    ):
        assert answer.status_code == 404
    assert _send(api, "patch", _meeting(draft), {"title": "內部會議"}).status_code == 200
    assert _proposal(draft)["meetings"][0]["title"] == "內部會議"


def test_a_refusal_is_in_the_callers_language(world, draft, client):
    api = TokenClient(client, world.secretary)
    api.headers["HTTP_ACCEPT_LANGUAGE"] = "zh-hant"
    joined = api.post(f"{_meeting(draft)}/join", {})
    assert joined.status_code == 400
    assert joined.json()["detail"] == "第 1 場會議是草稿的最後一場，沒有下一場會議可合併。"
    untitled = _send(api, "patch", _meeting(draft), {"title": ""})
    assert untitled.status_code == 400 and "這個欄位是必須的" in untitled.json()["detail"]


def test_the_api_leaves_the_draft_the_page_leaves(world, client):
    """The same record in two bodies, split and corrected on the page in one and through
    the API in the other: the same draft, and confirming writes the same meetings."""
    own = _user("private_secretary")
    Membership.objects.create(user=own, role="secretariat", body=world.private_body)
    api = TokenClient(client, own)
    by_api = draft_of(api, world.private_body)
    client.force_login(world.secretary)
    assert upload(client, world.body).status_code == 302
    on_page = MinutesDocument.objects.get(body=world.body)
    later = {"m1-title": "臺北市政府產業合作推動小組第4次會議", "m1-date": "2024-09-17"}

    post_draft(client, on_page, op="split-meeting:0:2")
    post_draft(client, on_page, **later)
    api.post(f"{_meeting(by_api)}/split", {"revision": 0, "item_index": 2})
    _send(api, "patch", _meeting(by_api, 1), {"title": later["m1-title"], "date": "2024-09-17"})

    assert _proposal(by_api) == _proposal(on_page.pk)
    post_draft(client, on_page, action="confirm")
    _confirm(api, by_api)

    def written(body):
        meetings = Meeting.objects.filter(body=body).order_by("date")
        return [(m.number, m.title, m.date, m.time, _decisions(m)) for m in meetings]

    assert written(world.body) == written(world.private_body)
    assert len(written(world.body)) == 2
