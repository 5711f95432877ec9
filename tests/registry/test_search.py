import pytest

from livinglab.search.index import reindex_all, search
from livinglab.search.models import CaseDoc
from livinglab.search.text import normalise
from livinglab.tracking.models import Case, CaseAlias
from livinglab.tracking.services import lifecycle

pytestmark = pytest.mark.django_db(transaction=True)


def titles(query):
    return set(search(Case.objects.all(), query).values_list("title", flat=True))


def test_part_of_a_word_finds_the_case(registry):
    assert titles("捕獸") == {"山區捕獸鋏及山豬吊宣導及清除交流"}


def test_words_in_another_order_find_the_case(registry):
    assert "青創交流合作" in titles("青創合作交流")


def test_variant_and_full_width_characters_are_the_same(registry):
    assert normalise("臺北市ＡＢＣ　１２３") == "台北市abc 123"
    assert titles("台北市預算") == {"臺北市預算調整"}


def test_an_alias_is_searched(registry):
    assert titles("捕獸銹") == {"山區捕獸鋏及山豬吊宣導及清除交流"}


def test_every_word_of_the_query_must_match(registry):
    assert titles("青創 能源") == set()
    assert titles("交流 能源") == {"新興能源經驗交流合作案"}


def test_a_rename_is_indexed_when_it_commits(registry):
    lifecycle.rename_case(registry.world.secretary, registry.energy, "綠能產業交流")
    assert titles("綠能") == {"綠能產業交流"}
    assert titles("新興能源") == {"綠能產業交流"}  # the old name is an alias


def test_a_deleted_alias_leaves_the_index(registry):
    CaseAlias.objects.filter(name="捕獸銹宣導").delete()
    assert titles("捕獸銹") == set()


def test_reindex_all_rebuilds_the_index(registry):
    CaseDoc.objects.all().delete()
    assert titles("捕獸") == set()
    assert reindex_all(Case.objects.all()) == 4
    assert titles("捕獸") == {"山區捕獸鋏及山豬吊宣導及清除交流"}
