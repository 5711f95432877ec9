"""Visitors read published needs and calls, in zh-Hant and English, and nothing else."""

import pytest
from django.test import Client

from livinglab.needs.models import Need
from tests.pipeline import make_call, make_need


@pytest.fixture
def public(world):
    published = make_need(world, "公車站候車資訊即時化", tags=["ageing"])
    draft = make_need(world, "尚未公開的需求草稿", status=Need.Status.DRAFT)
    call = make_call(world, "一一五年上半年徵案", needs=[published])
    hidden = make_call(world, "內部籌備中的徵案", published=False)
    return published, draft, call, hidden


def test_a_visitor_sees_published_needs_and_calls_only(client, public):
    published, draft, call, hidden = public
    page = client.get("/needs/").content.decode()
    assert published.title in page
    assert draft.title not in page
    assert client.get(f"/needs/{published.pk}/").status_code == 200
    assert client.get(f"/needs/{draft.pk}/").status_code == 404
    calls = client.get("/calls/").content.decode()
    assert call.title in calls
    assert hidden.title not in calls
    assert client.get(f"/calls/{call.pk}/").status_code == 200
    assert client.get(f"/calls/{hidden.pk}/").status_code == 404
    # the "all" filter shows a visitor nothing more
    assert draft.title not in client.get("/needs/?status=all").content.decode()
    assert draft.title not in client.get("/needs/?status=draft").content.decode()


def test_a_call_page_lists_its_needs_and_its_rubric(client, public):
    published, draft, call, hidden = public
    page = client.get(f"/calls/{call.pk}/").content.decode()
    assert published.title in page
    assert "是否符合市政府公共服務職能" not in page  # our own words, not the seed's
    assert call.factors.first().name in page


def test_needs_are_filtered_by_domain_and_tag(client, world):
    bus = make_need(world, "公車站候車資訊即時化", tags=["ageing"])
    housing = make_need(world, "社宅公共區域節電", domain_key="housing", tags=["carbon"])
    by_domain = client.get("/needs/?domain=housing").content.decode()
    assert housing.title in by_domain and bus.title not in by_domain
    by_tag = client.get("/needs/?tag=ageing").content.decode()
    assert bus.title in by_tag and housing.title not in by_tag


def test_the_pages_read_in_english_after_the_language_switch(world, public):
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/needs/"})
    page = client.get("/needs/").content.decode()
    assert "Smart transport" in page
    assert "Needs" in page
    zh = Client().get("/needs/").content.decode()
    assert "智慧交通" in zh
