from livinglab.tracking.models import CaseEvent
from livinglab.tracking.services import lifecycle


def test_undo_after_merge_restores_both_cases_and_their_aliases(client, registry):
    client.force_login(registry.world.secretary)
    traps, youth = registry.traps, registry.youth
    client.post(f"/cases/manage/{youth.pk}/merge/", {"source": traps.title})
    traps.refresh_from_db()
    assert traps.merged_into == youth

    target_page = client.get(youth.get_absolute_url()).content.decode()
    url = f"/cases/manage/{traps.pk}/unmerge/"
    assert url in target_page  # offered on the target, for each merged source
    assert url in client.get(traps.get_absolute_url()).content.decode()
    summary = client.get(url).content.decode()
    assert "捕獸銹宣導" in summary and 'method="post"' in summary

    response = client.post(url)

    assert response.status_code == 302
    assert response["Location"] == traps.get_absolute_url()
    traps.refresh_from_db()
    youth.refresh_from_db()
    assert (traps.state, traps.closure, traps.merged_into) == ("tracked", "", None)
    assert (youth.state, youth.closure) == ("tracked", "")
    assert not youth.aliases.exists()
    assert list(traps.aliases.values_list("name", flat=True)) == ["捕獸銹宣導"]
    kinds = list(traps.events.values_list("kind", flat=True))
    assert kinds[-2:] == [CaseEvent.Kind.MERGED, CaseEvent.Kind.UNMERGED]
    assert youth.events.last().kind == CaseEvent.Kind.UNMERGED


def test_nothing_to_undo_on_a_case_that_is_not_merged(client, registry):
    client.force_login(registry.world.secretary)
    url = f"/cases/manage/{registry.youth.pk}/unmerge/"
    assert 'method="post" class="manage-confirm"' not in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert not registry.youth.events.filter(kind=CaseEvent.Kind.UNMERGED).exists()


def test_undo_restores_a_delisted_case_as_delisted(client, registry):
    # Minutes may merge a closed case (the page and the API refuse to); undo keeps it closed.
    lifecycle._merge([registry.energy], registry.youth, actor=registry.world.secretary)
    client.force_login(registry.world.admin)
    client.post(f"/cases/manage/{registry.energy.pk}/unmerge/")
    registry.energy.refresh_from_db()
    assert (registry.energy.state, registry.energy.closure) == ("closed", "delisted")
