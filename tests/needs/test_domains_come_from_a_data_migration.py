from django.utils import translation

from livinglab.needs.models import Domain


def test_the_city_five_plus_n_domains_and_three_priority_tags_exist(db):
    assert list(Domain.objects.domains().values_list("key", flat=True)) == [
        "housing",
        "transport",
        "health",
        "education",
        "payments",
        "ecosystem",
    ]
    assert set(Domain.objects.tags().values_list("key", flat=True)) == {
        "traffic",
        "ageing",
        "carbon",
    }


def test_a_domain_is_named_in_the_reader_language(db):
    housing = Domain.objects.get(key="housing")
    with translation.override("zh-hant"):
        assert housing.label == "智慧公宅"
    with translation.override("en"):
        assert housing.label == "Smart public housing"
