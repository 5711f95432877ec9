import json

import pytest
from django.core.management import call_command
from django.db import connection

from livinglab.tracking import registry as registry_module
from livinglab.tracking.models import Case, CaseLink

pytestmark = pytest.mark.django_db(transaction=True)


def items(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_public_sees_public_cases_with_the_contract_fields(client, registry):
    cases = items(client, "/api/cases")
    assert {c["title"] for c in cases} == {
        "山區捕獸鋏及山豬吊宣導及清除交流",
        "青創交流合作",
        "新興能源經驗交流合作案",
    }
    traps = next(c for c in cases if c["id"] == registry.traps.pk)
    assert traps["aliases"] == ["捕獸銹宣導"]
    assert (traps["state"], traps["closure"], traps["pending"], traps["merged_into"]) == (
        "tracked",
        None,
        None,
        None,
    )
    decision = traps["decisions"][0]
    assert (decision["id"], decision["date"]) == (registry.meeting.pk, "2025-03-04")
    assert decision["text"] == "捕獸鋏宣導：持續列管。"
    assert decision["status"] == "tracked"


def test_api_and_export_give_the_same_objects(client, registry, capsys):
    call_command("export_cases", "--body", registry.world.body.name, "--json")
    exported = json.loads(capsys.readouterr().out)["cases"]
    listed = items(client, "/api/cases?limit=100")
    assert sorted(exported, key=lambda c: c["id"]) == sorted(listed, key=lambda c: c["id"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("state=closed", {"新興能源經驗交流合作案"}),
        ("closure=delisted", {"新興能源經驗交流合作案"}),
        ("overdue=true", {"青創交流合作"}),
        ("q=捕獸", {"山區捕獸鋏及山豬吊宣導及清除交流"}),
        ("q=預算", set()),  # the private body's case stays hidden
    ],
)
def test_filters(client, registry, query, expected):
    assert {c["title"] for c in items(client, f"/api/cases?{query}")} == expected


def test_filter_by_agency_city_meeting_and_body(client, registry):
    world = registry.world
    assert [c["title"] for c in items(client, f"/api/cases?agency={world.industry.pk}")] == [
        "青創交流合作"
    ]
    assert len(items(client, f"/api/cases?city={world.taipei.pk}")) == 1
    assert len(items(client, f"/api/cases?meeting={registry.later.pk}")) == 1
    assert len(items(client, f"/api/cases?body={world.body.pk}")) == 3


def test_admin_and_officer_see_the_private_case(client, registry):
    client.force_login(registry.world.admin)
    assert len(items(client, "/api/cases")) == 4


def test_case_detail_has_events_and_lineage(client, registry):
    data = client.get(f"/api/cases/{registry.youth.pk}").json()
    assert data["body"]["id"] == registry.world.body.pk
    assert [e["kind"] for e in data["events"]] == ["tracked"]
    assert data["agencies"][0]["name"] == "臺北市政府產業發展局"


def test_private_case_is_404_for_the_public(client, registry):
    assert client.get(f"/api/cases/{registry.private.pk}").status_code == 404


def test_bodies_and_meetings(client, registry):
    bodies = items(client, "/api/bodies")
    assert [b["name"] for b in bodies] == [registry.world.body.name]
    body = client.get(f"/api/bodies/{registry.world.body.pk}").json()
    assert body["cases"] == {"proposed": 0, "tracked": 2, "closed": 1}
    meeting = client.get(f"/api/meetings/{registry.meeting.pk}").json()
    assert [d["cases"][0]["id"] for d in meeting["decisions"]] == [
        registry.traps.pk,
        registry.youth.pk,
    ]


def test_list_queries_do_not_grow_with_cases(client, registry, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        assert len(items(client, "/api/cases")) == 3
    for n in range(10):
        Case.objects.create(body=registry.world.body, title=f"新案件{n}")
    # PostgreSQL collects a search's matches once, in a transaction that tells the planner
    # to use the index (begin, set, collect, commit); the same few queries at any size.
    collecting = 0 if connection.vendor == "sqlite" else 3
    with django_assert_max_num_queries(5 + collecting):
        assert len(items(client, "/api/cases?q=案件")) == 10


def test_count_is_exact_under_the_cap_with_a_next_link(client, registry):
    data = client.get("/api/cases?limit=2").json()
    assert (data["count"], data["count_capped_at"]) == (3, registry_module.COUNT_CAP)
    assert data["next"].endswith("/api/cases?limit=2&offset=2")
    last = client.get(data["next"]).json()
    assert len(last["items"]) == 1 and last["next"] is None and last["count"] == 3


def test_over_the_cap_count_is_null_and_next_pages_go_on(client, registry, monkeypatch):
    monkeypatch.setattr(registry_module, "COUNT_CAP", 2)
    for n in range(4):
        Case.objects.create(body=registry.world.body, title=f"新案件{n}")
    seen, url = [], "/api/cases?q=案件&limit=3"
    while url:
        data = client.get(url).json()
        assert (data["count"], data["count_capped_at"]) == (None, 2)
        seen += [c["id"] for c in data["items"]]
        url = data["next"]
        assert url is None or "q=%E6%A1%88%E4%BB%B6" in url  # the filters stay
    assert len(seen) == len(set(seen)) == 4


def test_openapi_documents_the_capped_count(client):
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]
    page = next(v for k, v in schema.items() if k.startswith("Paged") and "CaseOut" in k)
    assert {"count", "count_capped_at", "next"} <= set(page["properties"])
    assert "null" in page["properties"]["count"]["description"]


# --- Writes --------------------------------------------------------------------------


def post(client, url, data=None):
    return client.post(url, data or {}, content_type="application/json")


def test_writes_need_a_user(client, registry):
    response = post(
        client, f"/api/cases/{registry.youth.pk}/merge", {"sources": [registry.traps.pk]}
    )
    assert response.status_code == 401


@pytest.mark.parametrize("who", ["officer", "reviewer", "proposer", "other_officer"])
def test_writes_are_for_the_secretariat(client, registry, who):
    client.force_login(getattr(registry.world, who))
    response = post(
        client, f"/api/cases/{registry.youth.pk}/merge", {"sources": [registry.traps.pk]}
    )
    assert response.status_code == 403
    assert response.json()["detail"]
    assert post(client, f"/api/cases/{registry.youth.pk}/unmerge").status_code == 403


def test_secretary_merges_and_undoes_the_merge(client, registry):
    client.force_login(registry.world.secretary)
    merged = post(client, f"/api/cases/{registry.youth.pk}/merge", {"sources": [registry.traps.pk]})
    assert merged.status_code == 200
    assert "山區捕獸鋏及山豬吊宣導及清除交流" in merged.json()["aliases"]
    source = client.get(f"/api/cases/{registry.traps.pk}").json()
    assert (source["state"], source["closure"], source["merged_into"]) == (
        "closed",
        "merged",
        registry.youth.pk,
    )
    undone = post(client, f"/api/cases/{registry.traps.pk}/unmerge")
    assert undone.json()["state"] == "tracked"
    assert post(client, f"/api/cases/{registry.traps.pk}/unmerge").status_code == 400


def test_secretary_cannot_touch_another_bodys_case(client, registry):
    client.force_login(registry.world.secretary)
    response = post(client, f"/api/cases/{registry.private.pk}/rename", {"title": "x"})
    assert response.status_code == 404


def test_secretary_renames_and_splits(client, registry):
    client.force_login(registry.world.secretary)
    renamed = post(client, f"/api/cases/{registry.energy.pk}/rename", {"title": "綠能交流"})
    assert renamed.json()["aliases"] == ["新興能源經驗交流合作案"]
    link = CaseLink.objects.get(case=registry.youth)
    moved = post(client, f"/api/links/{link.pk}/split", {"title": "青年創業交流"})
    assert moved.json()["title"] == "青年創業交流"
    assert [d["decision_id"] for d in moved.json()["decisions"]] == [link.decision_id]


def test_review_queue_confirm(client, registry):
    link = CaseLink.objects.get(case=registry.energy)
    link.needs_review, link.suggested_case = True, registry.youth
    link.save()
    client.force_login(registry.world.officer)
    assert items(client, "/api/review-queue") == []
    client.force_login(registry.world.secretary)
    queue = items(client, "/api/review-queue")
    assert [q["id"] for q in queue] == [link.pk]
    answer = post(client, f"/api/links/{link.pk}/review", {"accept": True})
    assert answer.json()["id"] == registry.youth.pk
    assert items(client, "/api/review-queue") == []
