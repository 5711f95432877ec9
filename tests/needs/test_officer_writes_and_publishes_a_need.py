"""An agency officer writes a need for their agency, keeps it as a draft, publishes it;
nobody else's officers can change it."""

from livinglab.needs.models import Domain, Need
from tests.pipeline import make_need


def _form(world, **extra):
    return {
        "title": "垃圾車即時位置與到點預估",
        "agency": world.industry.pk,
        "domain": Domain.objects.get(key="transport").pk,
        "tags": [Domain.objects.get(key="carbon").pk],
        "problem": "市民常錯過垃圾車，清運路線延誤時無從得知。",
        "figures": "每日 1,200 則詢問電話",
        "site_wishes": "北投區三條清運路線",
        "contact_name": "陳科員",
        "contact_email": "officer@example.org",
        **extra,
    }


def test_officer_writes_a_draft_then_publishes_it(client, world):
    client.force_login(world.officer)
    response = client.post("/needs/new/", _form(world))
    need = Need.objects.get()
    assert response.status_code == 302
    assert (need.status, need.agency, need.created_by) == ("draft", world.industry, world.officer)
    assert [t.key for t in need.tags.all()] == ["carbon"]
    assert need.published_at is None
    client.post(f"/needs/{need.pk}/status/", {"status": "published"})
    need.refresh_from_db()
    assert need.status == "published"
    assert need.published_at is not None


def test_officer_cannot_write_for_another_agency(client, world):
    client.force_login(world.officer)
    response = client.post("/needs/new/", _form(world, agency=world.economic.pk))
    assert response.status_code == 200  # the form refuses the choice
    assert not Need.objects.exists()


def test_other_agencies_officers_and_proposers_cannot_change_a_need(client, world):
    need = make_need(world)
    draft = make_need(world, "草稿", status=Need.Status.DRAFT)
    for user in (world.other_officer, world.proposer, world.reviewer):
        client.force_login(user)
        assert client.get(f"/needs/{need.pk}/edit/").status_code == 403
        assert client.post(f"/needs/{need.pk}/status/", {"status": "closed"}).status_code == 403
        assert client.get(f"/needs/{draft.pk}/").status_code == 404
        if user != world.other_officer:  # who writes needs for their own agency only
            assert client.get("/needs/new/").status_code == 403
    need.refresh_from_db()
    assert need.status == "published"


def test_the_secretariat_may_write_for_any_agency(client, world):
    client.force_login(world.secretary)
    client.post("/needs/new/", _form(world, agency=world.economic.pk))
    assert Need.objects.get().agency == world.economic


def test_a_closed_need_cannot_be_matched(client, world):
    need = make_need(world, status=Need.Status.CLOSED)
    client.force_login(world.officer)
    response = client.post(f"/needs/{need.pk}/status/", {"status": "matched"}, follow=True)
    need.refresh_from_db()
    assert need.status == "closed"
    assert "cannot become" in response.content.decode() or "不能改為" in response.content.decode()
