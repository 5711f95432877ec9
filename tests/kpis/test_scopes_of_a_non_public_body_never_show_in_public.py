"""A scope followed by a non-public body, and everything under it, is seen only by those
who may see that body: not on the catalogue, a definition's page, a scope's or a KPI's."""

from django.urls import reverse

from livinglab.kpis.models import Scope
from livinglab.kpis.services.scopes import create_scope


def test_a_hidden_bodys_scopes_are_404_and_unlisted_for_the_public_but_not_its_secretariat(
    client, world, kpi_world
):
    internal = create_scope(
        code="budget-office", name_zh="預算審查辦公室", kind="site", body=world.private_body
    )
    inner = create_scope(code="budget-room", name_zh="機房", kind="building", parents=[internal])
    assert set(Scope.objects.visible_to(None).filter(pk__in=[internal.pk, inner.pk])) == set()

    for scope in (internal, inner):
        assert client.get(reverse("kpis:scope", args=[scope.pk])).status_code == 404
    page = client.get(reverse("kpis:catalogue")).content.decode()
    assert "預算審查辦公室" not in page
    assert "北北基" in page or "Northern region" in page  # the public region still shows

    client.force_login(world.admin)  # who may see the non-public body
    assert client.get(reverse("kpis:scope", args=[inner.pk])).status_code == 200
