import pytest
from django.urls import reverse

from livinglab.meetings.models import MinutesDocument
from tests.imports.records import INDUSTRY_MEETING, upload_file


@pytest.fixture
def stored_draft(world) -> MinutesDocument:
    from livinglab.tracking.services.importing import import_minutes

    [draft] = import_minutes(world.secretary, world.body, [("紀錄.txt", INDUSTRY_MEETING.encode())])
    return draft


def _pages(world, draft):
    return [
        ("get", f"/imports/bodies/{world.body.pk}/", {}),
        ("post", f"/imports/bodies/{world.body.pk}/", {"files": [upload_file("x.txt", "x")]}),
        ("get", f"/imports/{draft.pk}/", {}),
        ("post", f"/imports/{draft.pk}/", {"action": "confirm"}),
        ("post", f"/imports/{draft.pk}/items/0/0/", {}),
        ("get", f"/imports/{draft.pk}/progress/", {}),
    ]


@pytest.mark.parametrize("who", ["officer", "other_officer", "proposer", "reviewer"])
def test_other_roles_get_403_or_404(client, world, stored_draft, who):
    client.force_login(getattr(world, who))

    for method, url, data in _pages(world, stored_draft):
        response = getattr(client, method)(url, data)
        assert response.status_code in (403, 404), (method, url)
    stored_draft.refresh_from_db()
    assert stored_draft.status == MinutesDocument.Status.DRAFT
    assert MinutesDocument.objects.count() == 1


def test_anonymous_is_sent_to_sign_in(client, world, stored_draft):
    for method, url, data in _pages(world, stored_draft):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, (method, url)
        assert response["Location"].startswith(reverse("accounts:login"))
    assert MinutesDocument.objects.count() == 1


def test_secretariat_of_another_body_cannot_reach_this_bodys_draft(client, world, stored_draft):
    from django.contrib.auth import get_user_model

    from livinglab.meetings.models import Body
    from livinglab.orgs.models import Membership

    other = Body.objects.create(name="新北觀光合作工作小組")
    user = get_user_model().objects.create_user("other_secretary")
    Membership.objects.create(user=user, role="secretariat", body=other)
    client.force_login(user)

    assert client.get(f"/imports/{stored_draft.pk}/").status_code in (403, 404)
    assert client.get(f"/imports/bodies/{world.body.pk}/").status_code in (403, 404)
    assert client.get(f"/imports/bodies/{other.pk}/").status_code == 200


def test_admin_reaches_the_pages(client, world, stored_draft):
    client.force_login(world.admin)

    assert client.get(f"/imports/bodies/{world.body.pk}/").status_code == 200
    assert client.get(f"/imports/{stored_draft.pk}/").status_code == 200
