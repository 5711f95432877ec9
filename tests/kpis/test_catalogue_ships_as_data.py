from livinglab.kpis import units
from livinglab.kpis.models import Definition, EmissionFactor
from livinglab.kpis.services.catalogue import load_catalogue


def test_the_default_catalogue_covers_every_area(db):
    definitions = Definition.objects.all()
    assert definitions.count() >= 25
    categories = set(definitions.values_list("category", flat=True))
    assert {"energy", "buildings", "transport", "waste", "water", "trials"} <= categories
    for each in definitions:
        units.parse(each.unit)  # every unit is one the platform reads
        assert each.name_zh and each.name_en and each.method
        if each.aggregation == "weighted_mean":
            assert Definition.objects.filter(slug=each.denominator).exists(), each.slug


def test_loading_the_catalogue_again_changes_nothing(db):
    before = Definition.objects.count(), EmissionFactor.objects.count()
    assert load_catalogue() == 0
    assert (Definition.objects.count(), EmissionFactor.objects.count()) == before


def test_emission_factors_are_data_with_a_source(db):
    factor = EmissionFactor.objects.get(activity="grid-electricity", region="TW", year=2023)
    assert factor.source
    assert units.family(factor.unit) == "emissions per energy"
