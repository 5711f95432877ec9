"""Bodies are created and edited and their staff named through the API, with the body
pages' forms, services and permissions: an admin or a secretariat creates, the body's
own secretariat edits and names its staff, others are refused."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.meetings.models import Body
from livinglab.orgs.models import Membership, Organisation
from tests.api.conftest import TokenClient
from tests.conftest import _user


def _send(api, method: str, path: str, data=None):
    call = getattr(api.client, method)
    return call(path, data or {}, content_type="application/json", **api.headers)


def test_a_secretary_creates_a_body_and_becomes_its_secretary(world, api_as):
    api = api_as("secretary")
    created = api.post(
        "/api/bodies",
        {
            "name": "雙北數位轉型工作小組",
            "short_name": "數位組",
            "parent_id": world.body.pk,
            "member_ids": [world.taipei.pk, world.economic.pk],
            "secretariat_id": world.industry.pk,
            "is_public": False,
            "hosting_rotation": "臺北市、新北市",
        },
    )
    assert created.status_code == 201, created.content
    answer = created.json()
    body = Body.objects.get(name="雙北數位轉型工作小組")
    assert answer["id"] == body.pk and answer["is_public"] is False
    assert {m["name"] for m in answer["members"]} == {"臺北市政府", "新北市政府經濟發展局"}
    assert answer["secretariat"] == {"id": world.industry.pk, "name": world.industry.name}
    assert (body.parent, body.short_name, body.is_public) == (world.body, "數位組", False)
    assert Membership.objects.filter(user=world.secretary, role="secretariat", body=body).exists()
    # The new body is the secretary's to import into, and not public.
    assert api.get(f"/api/bodies/{body.pk}/imports").status_code == 200
    assert api_as("proposer").get(f"/api/bodies/{body.pk}").status_code == 404
    assert api_as("other_officer").get(f"/api/bodies/{body.pk}").status_code == 200  # a member


def test_reading_a_body_keeps_its_shape(world, api_as):
    shown = api_as("secretary").get(f"/api/bodies/{world.body.pk}").json()
    assert set(shown) == {"id", "name", "short_name", "parent_id", "is_public", "cases", "meetings"}
    listed = api_as("secretary").get("/api/bodies").json()["items"][0]
    assert set(listed) == {"id", "name", "short_name", "parent_id", "is_public"}


@pytest.mark.parametrize("role", ["officer", "reviewer", "proposer", "other_officer"])
def test_only_an_admin_or_a_secretariat_creates_a_body(world, api_as, role):
    refused = api_as(role).post("/api/bodies", {"name": "自行成立小組"})
    assert refused.status_code == 403
    assert not Body.objects.filter(name="自行成立小組").exists()


def test_an_admin_creates_a_body(world, api_as):
    created = api_as("admin").post("/api/bodies", {"name": "市政會議", "member_ids": []})
    assert created.status_code == 201
    assert created.json()["is_public"] is True


def test_anonymous_callers_are_asked_to_sign_in(world, client):
    answer = client.post("/api/bodies", {"name": "x"}, content_type="application/json")
    assert answer.status_code == 401
    patched = client.patch(
        f"/api/bodies/{world.body.pk}", {"name": "x"}, content_type="application/json"
    )
    assert patched.status_code == 401


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"name": "雙北產業合作工作小組"}, "exists already"),
        ({"name": "新小組", "secretariat_id": None, "parent_id": None}, None),
        ({"name": "新小組", "parent_id": "private"}, "valid choice"),
        ({"name": "新小組", "secretariat_id": "economic"}, "valid choice"),
        ({"name": "新小組", "member_ids": [10**9]}, "valid choice"),
    ],
)
def test_a_refused_body_says_why(world, api_as, data, words):
    objects = {"private": world.private_body.pk, "economic": world.economic.pk}
    data = {
        k: objects.get(v, v) if isinstance(v, str) and k != "name" else v for k, v in data.items()
    }
    answer = api_as("secretary").post("/api/bodies", data)
    if words is None:  # the control: the same body without the fault is made
        assert answer.status_code == 201
        return
    assert answer.status_code == 400
    assert words in answer.json()["detail"]
    assert Body.objects.count() == 2


@pytest.mark.parametrize(
    "data",
    [
        {"name": ""},
        {"name": "長" * 201},
        {"name": "小組", "member_ids": list(range(1, 202))},
        {"name": "小組", "parent_id": -1},
        {"name": "小組", "is_public": "sometimes"},
        {"short_name": "沒有名稱"},
    ],
)
def test_malformed_bodies_are_refused_with_422(world, api_as, data):
    assert api_as("secretary").post("/api/bodies", data).status_code == 422
    assert Body.objects.count() == 2


def test_the_bodys_secretary_edits_it_and_fields_left_out_stay(world, api_as):
    api = api_as("secretary")
    changed = _send(
        api,
        "patch",
        f"/api/bodies/{world.body.pk}",
        {"short_name": "產業組", "member_ids": [world.taipei.pk], "is_public": False},
    )
    assert changed.status_code == 200, changed.content
    body = Body.objects.get(pk=world.body.pk)
    assert (body.name, body.short_name, body.is_public) == ("雙北產業合作工作小組", "產業組", False)
    assert list(body.members.all()) == [world.taipei]
    assert body.secretariat == world.industry  # not sent: kept
    settings = api.get(f"/api/bodies/{body.pk}/settings").json()
    assert settings["members"] == [{"id": world.taipei.pk, "name": "臺北市政府"}]


def test_a_body_does_not_report_to_itself(world, api_as):
    refused = _send(
        api_as("secretary"), "patch", f"/api/bodies/{world.body.pk}", {"parent_id": world.body.pk}
    )
    assert refused.status_code == 400
    assert Body.objects.get(pk=world.body.pk).parent is None


@pytest.mark.parametrize("role", ["officer", "reviewer"])
def test_those_who_see_the_body_but_do_not_run_it_are_refused(world, api_as, role):
    api = api_as(role)
    assert _send(api, "patch", f"/api/bodies/{world.body.pk}", {"name": "改名"}).status_code == 403
    assert api.get(f"/api/bodies/{world.body.pk}/settings").status_code == 403
    assert api.get(f"/api/bodies/{world.body.pk}/staff").status_code == 403
    added = api.post(
        f"/api/bodies/{world.body.pk}/staff", {"person": "proposer", "role": "reviewer"}
    )
    assert added.status_code == 403
    assert Body.objects.get(pk=world.body.pk).name == "雙北產業合作工作小組"
    assert not Membership.objects.filter(user=world.proposer, body=world.body).exists()


def test_a_body_that_is_not_public(world, api_as, client):
    """Its own secretary runs it; the secretariat of another body never reaches it."""
    body = world.private_body
    outsider = api_as("secretary")
    assert _send(outsider, "patch", f"/api/bodies/{body.pk}", {"name": "偷改"}).status_code == 404
    assert outsider.get(f"/api/bodies/{body.pk}/staff").status_code == 404
    assert outsider.get(f"/api/bodies/{body.pk}/settings").status_code == 404
    own = _user("budget_secretary")
    Membership.objects.create(user=own, role="secretariat", body=body)
    api = TokenClient(client, own)
    assert (
        _send(api, "patch", f"/api/bodies/{body.pk}", {"description": "年度預算"}).status_code
        == 200
    )
    assert (
        api.post(
            f"/api/bodies/{body.pk}/staff",
            {"person": "officer", "role": "officer", "agency_id": world.industry.pk},
        ).status_code
        == 201
    )
    body.refresh_from_db()
    assert (body.name, body.description, body.is_public) == ("內部預算審查會", "年度預算", False)


def test_the_secretary_names_staff_and_removes_them(world, api_as):
    api = api_as("secretary")
    staff = api.get(f"/api/bodies/{world.body.pk}/staff").json()
    assert [(s["username"], s["role"]) for s in staff] == [
        ("secretary", "secretariat"),
        ("reviewer", "reviewer"),
    ]
    added = api.post(
        f"/api/bodies/{world.body.pk}/staff",
        {"person": "officer@example.org", "role": "officer", "agency_id": world.industry.pk},
    )
    assert added.status_code == 201, added.content
    assert added.json()["agency"] == {"id": world.industry.pk, "name": world.industry.name}
    membership = Membership.objects.get(pk=added.json()["id"])
    assert (membership.user, membership.body, membership.organisation) == (
        world.officer,
        world.body,
        world.industry,
    )
    reviewer = Membership.objects.get(user=world.reviewer, body=world.body)
    left = _send(api, "delete", f"/api/bodies/{world.body.pk}/staff/{reviewer.pk}")
    assert left.status_code == 200
    assert [s["username"] for s in left.json()] == ["secretary", "officer"]
    assert not Membership.objects.filter(pk=reviewer.pk).exists()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"person": "nobody", "role": "reviewer"}, "No account"),
        ({"person": "officer", "role": "officer"}, "needs the agency"),
        ({"person": "officer", "role": "officer", "agency": "company"}, "valid choice"),
    ],
)
def test_a_refused_staff_member_says_why(world, api_as, data, words):
    if data.pop("agency", None):
        data["agency_id"] = world.company.pk
    answer = api_as("secretary").post(f"/api/bodies/{world.body.pk}/staff", data)
    assert answer.status_code == 400
    assert words in answer.json()["detail"]
    assert not Membership.objects.filter(user__username=data["person"], body=world.body).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"person": "proposer", "role": "proposer"},
        {"person": "", "role": "reviewer"},
        {"person": "proposer", "role": "reviewer", "agency_id": 0},
    ],
)
def test_malformed_staff_is_refused_with_422(world, api_as, data):
    answer = api_as("secretary").post(f"/api/bodies/{world.body.pk}/staff", data)
    assert answer.status_code == 422


def test_the_last_secretary_stays(world, api_as):
    secretary = Membership.objects.get(user=world.secretary, body=world.body)
    refused = _send(
        api_as("secretary"), "delete", f"/api/bodies/{world.body.pk}/staff/{secretary.pk}"
    )
    assert refused.status_code == 400
    assert "at least one secretary" in refused.json()["detail"]
    assert Membership.objects.filter(pk=secretary.pk).exists()


def test_a_membership_of_another_body_is_not_removed_through_this_one(world, api_as):
    elsewhere = Membership.objects.create(
        user=world.proposer, role="reviewer", body=world.private_body
    )
    answer = _send(
        api_as("secretary"), "delete", f"/api/bodies/{world.body.pk}/staff/{elsewhere.pk}"
    )
    assert answer.status_code == 404
    assert Membership.objects.filter(pk=elsewhere.pk).exists()
    assert Organisation.objects.filter(pk=world.industry.pk).exists()


def _queries(api, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert api.get(path).status_code == 200
    return len(queries)


def test_the_staff_list_queries_do_not_grow_with_its_length(world, api_as):
    api = api_as("secretary")
    path = f"/api/bodies/{world.body.pk}/staff"
    api.get(path)  # the token's first use is recorded once
    few = _queries(api, path)
    for n in range(6):
        person = _user(f"officer{n}")
        Membership.objects.create(
            user=person, role="officer", body=world.body, organisation=world.industry
        )
    assert _queries(api, path) == few
    assert len(api.get(path).json()) == 8
