"""Every manage URL, GET and POST, refuses whoever is not the body's secretariat."""

import pytest

from livinglab.tracking.models import Case, CaseAlias, CaseEvent, CaseLink
from livinglab.tracking.services import lifecycle

OUTSIDERS = ["officer", "other_officer", "reviewer", "proposer", None]


def _urls(registry, wrong_link):
    traps, youth = registry.traps, registry.youth
    merged = registry.energy  # merged beforehand, so that undoing is possible
    return [
        (f"/cases/manage/{youth.pk}/rename/", {"title": "別的名字"}),
        (f"/cases/manage/{youth.pk}/merge/", {"source": traps.title}),
        (f"/cases/manage/{merged.pk}/unmerge/", {}),
        (
            f"/cases/manage/{traps.pk}/decisions/{wrong_link.decision_id}/move/",
            {"to": "new", "title": "新案"},
        ),
    ]


def _state():
    return (
        list(Case.objects.order_by("pk").values_list("title", "state", "closure", "merged_into")),
        CaseEvent.objects.count(),
        CaseAlias.objects.count(),
        CaseLink.objects.active().count(),
    )


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_get_403_or_404_and_change_nothing(client, registry, wrong_link, who):
    # A closed case merged as a record's 合併 would (pages and the API refuse closed ones).
    lifecycle._merge([registry.energy], registry.youth, actor=registry.world.secretary)
    if who:
        client.force_login(getattr(registry.world, who))
    before = _state()
    for url, data in _urls(registry, wrong_link):
        assert client.get(url, data).status_code in (403, 404), url
        assert client.post(url, data).status_code in (403, 404), url
    assert _state() == before


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_do_not_see_the_tools(client, registry, wrong_link, who):
    if who:
        client.force_login(getattr(registry.world, who))
    html = client.get(registry.traps.get_absolute_url()).content.decode()
    assert "/cases/manage/" not in html


def test_the_secretary_of_one_body_cannot_manage_another_body_s_case(client, registry):
    client.force_login(registry.world.secretary)
    private = registry.private
    for url in (f"/cases/manage/{private.pk}/rename/", f"/cases/manage/{private.pk}/merge/"):
        assert client.get(url).status_code in (403, 404)
        assert client.post(url, {"title": "x", "source": "x"}).status_code in (403, 404)
    private.refresh_from_db()
    assert private.title == "臺北市預算調整"


def test_the_body_s_secretary_and_an_admin_may(client, registry, wrong_link):
    for user in (registry.world.secretary, registry.world.admin):
        client.force_login(user)
        for url, _data in _urls(registry, wrong_link)[:2]:
            assert client.get(url).status_code == 200
