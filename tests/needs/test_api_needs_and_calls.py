"""The needs API shows the public what the public pages show, and drafts only to those
who may see them."""

from livinglab.needs.models import Need
from tests.pipeline import make_call, make_need


def test_the_public_reads_published_needs_and_calls_only(client, world):
    published = make_need(world, "公車站候車資訊即時化", tags=["ageing"])
    draft = make_need(world, "草稿需求", status=Need.Status.DRAFT)
    call = make_call(world, needs=[published])
    hidden = make_call(world, "籌備中", published=False)
    body = client.get("/api/needs").json()
    assert [n["id"] for n in body["items"]] == [published.pk]
    assert body["items"][0]["tags"][0]["key"] == "ageing"
    assert client.get("/api/needs?status=draft").json()["items"] == []
    assert client.get(f"/api/needs/{draft.pk}").status_code == 404
    detail = client.get(f"/api/needs/{published.pk}").json()
    assert detail["call_ids"] == [call.pk]
    calls = client.get("/api/calls").json()["items"]
    assert [c["id"] for c in calls] == [call.pk]
    assert client.get(f"/api/calls/{hidden.pk}").status_code == 404
    call_body = client.get(f"/api/calls/{call.pk}").json()
    assert call_body["status"] == "open"
    assert call_body["need_ids"] == [published.pk]
    assert len(call_body["gates"]) == 3 and len(call_body["factors"]) == 4


def test_an_officer_reads_their_agency_drafts(client, world):
    draft = make_need(world, "草稿需求", status=Need.Status.DRAFT)
    client.force_login(world.officer)
    assert [n["id"] for n in client.get("/api/needs?status=draft").json()["items"]] == [draft.pk]
    client.force_login(world.other_officer)
    assert client.get("/api/needs?status=draft").json()["items"] == []


def test_needs_filter_by_domain_tag_and_words(client, world):
    bus = make_need(world, "公車站候車資訊即時化", tags=["ageing"])
    make_need(world, "社宅公共區域節電", domain_key="housing", tags=["carbon"])
    assert [n["id"] for n in client.get("/api/needs?domain=transport").json()["items"]] == [bus.pk]
    assert [n["id"] for n in client.get("/api/needs?tag=ageing").json()["items"]] == [bus.pk]
    assert [n["id"] for n in client.get("/api/needs?q=候車").json()["items"]] == [bus.pk]
    # 臺 and 台 are one spelling to the search; every word must be found
    taipei = make_need(world, "臺北車站地下街人流導引")
    assert [n["id"] for n in client.get("/api/needs?q=台北 人流").json()["items"]] == [taipei.pk]
    assert client.get("/api/needs?q=台北 公宅").json()["items"] == []


def test_the_need_list_api_queries_do_not_grow(client, world, django_assert_max_num_queries):
    for i in range(30):
        make_need(world, f"需求 {i}", tags=["ageing", "carbon"])
    with django_assert_max_num_queries(5):
        assert len(client.get("/api/needs?limit=30").json()["items"]) == 30
