"""The API keeps the same rules as the pages: no merge into a merged or closed case (which
could make two cases point at each other), no decision moved into another body's case."""

from livinglab.tracking.models import Case, CaseLink
from livinglab.tracking.services import lifecycle


def post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_merge_into_a_merged_case_is_refused_and_nothing_changes(client, registry):
    client.force_login(registry.world.secretary)
    assert (
        post(
            client, f"/api/cases/{registry.youth.pk}/merge", {"sources": [registry.traps.pk]}
        ).status_code
        == 200
    )
    # traps is now merged into youth; merging youth into traps would close a loop.
    answer = post(client, f"/api/cases/{registry.traps.pk}/merge", {"sources": [registry.youth.pk]})
    assert answer.status_code == 400
    assert answer.json()["detail"]
    youth = Case.objects.get(pk=registry.youth.pk)
    assert (youth.state, youth.merged_into_id) == ("tracked", None)


def test_a_closed_source_is_refused(client, registry):
    client.force_login(registry.world.secretary)
    answer = post(
        client, f"/api/cases/{registry.youth.pk}/merge", {"sources": [registry.energy.pk]}
    )
    assert answer.status_code == 400
    assert Case.objects.get(pk=registry.energy.pk).closure == "delisted"


def test_review_of_a_link_ends_even_where_merges_loop(registry):
    """Data written before the rule held may already loop; following it must still end."""
    youth, traps = registry.youth, registry.traps
    Case.objects.filter(pk=youth.pk).update(state="closed", closure="merged", merged_into=traps)
    Case.objects.filter(pk=traps.pk).update(state="closed", closure="merged", merged_into=youth)
    assert lifecycle.carried_on_by(Case.objects.get(pk=youth.pk)).pk in (youth.pk, traps.pk)


def test_a_decision_cannot_move_into_another_body_s_case(client, registry):
    world = registry.world
    world.admin.is_staff = True
    client.force_login(world.admin)
    link = CaseLink.objects.filter(case=registry.youth).first()
    answer = post(client, f"/api/links/{link.pk}/split", {"into": registry.private.pk, "title": ""})
    assert answer.status_code == 400
    link.refresh_from_db()
    assert link.split_at is None
    assert not CaseLink.objects.filter(case=registry.private, decision=link.decision).exists()
