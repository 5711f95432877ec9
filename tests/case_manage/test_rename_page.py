from livinglab.tracking.models import CaseEvent


def test_summary_then_post_renames_and_keeps_the_old_title(client, registry):
    client.force_login(registry.world.secretary)
    youth = registry.youth
    url = f"/cases/manage/{youth.pk}/rename/"

    summary = client.get(url, {"title": "青年創業交流合作"}).content.decode()
    assert "青年創業交流合作" in summary and 'method="post"' in summary
    youth.refresh_from_db()
    assert youth.title == "青創交流合作"

    response = client.post(url, {"title": "  青年創業交流合作 "})

    assert response.status_code == 302
    youth.refresh_from_db()
    assert youth.title == "青年創業交流合作"
    assert list(youth.aliases.values_list("name", "kind")) == [("青創交流合作", "renamed")]
    assert youth.events.last().kind == CaseEvent.Kind.RENAMED
    page = client.get(youth.get_absolute_url()).content.decode()
    assert "青創交流合作" in page.split("<h2")[0]  # "renamed from" in the facts


def test_the_same_title_is_refused(client, registry):
    client.force_login(registry.world.secretary)
    url = f"/cases/manage/{registry.youth.pk}/rename/"
    response = client.post(url, {"title": registry.youth.title})
    assert response.status_code == 200
    assert "field-error" in response.content.decode()
    assert not registry.youth.events.filter(kind=CaseEvent.Kind.RENAMED).exists()
