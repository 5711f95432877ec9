"""A definition's page opens, whether or not any scope has values or targets for it."""

from django.urls import reverse


def test_definition_page_opens_without_values(client, kpi_world):
    response = client.get(reverse("kpis:definition", args=["context.population"]))
    assert response.status_code == 200
    assert "設籍人口" in response.content.decode()


def test_definition_page_lists_a_scope_with_a_target(client, kpi_world):
    from livinglab.kpis.models import Definition, Target

    definition = Definition.objects.filter(slug="context.population").first()
    Target.objects.create(definition=definition, scope=kpi_world.taipei, year=2030, value=1)
    response = client.get(reverse("kpis:definition", args=["context.population"]))
    assert response.status_code == 200
    assert "臺北市" in response.content.decode()
