from livinglab.tracking.models import CaseEvent, DecisionAgency
from tests.corrections.conftest import correct_url, correction


def test_an_unknown_agency_is_named_and_nothing_is_saved(client, world, lamp):
    client.force_login(world.secretary)

    response = client.post(
        correct_url(lamp),
        correction(lamp, deadline="2025-01-31", lead="交通局", supporting="月球開發局"),
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Not in the organisation directory: 月球開發局" in page
    assert 'value="月球開發局"' in page and 'value="2025-01-31"' in page
    assert list(
        DecisionAgency.objects.filter(decision=lamp).values_list("organisation", flat=True)
    ) == [world.industry.pk]
    assert not CaseEvent.objects.filter(kind="corrected").exists()


def test_short_names_and_aliases_are_taken_from_the_directory(client, world, lamp):
    client.force_login(world.secretary)

    client.post(correct_url(lamp), correction(lamp, lead="產發局", supporting="經發局"))

    roles = dict(DecisionAgency.objects.filter(decision=lamp).values_list("organisation", "role"))
    assert roles == {world.industry.pk: "lead", world.economic.pk: "supporting"}
