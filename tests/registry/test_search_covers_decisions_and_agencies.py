"""A search reads a case's decisions and its agencies, not only its names (issue 12)."""

import pytest

from livinglab.orgs.models import Organisation
from livinglab.search.index import search
from livinglab.tracking.models import Case, CaseAgency, CaseLink, Decision
from livinglab.tracking.services import lifecycle

pytestmark = pytest.mark.django_db(transaction=True)


def titles(query):
    return set(search(Case.objects.all(), query).values_list("title", flat=True))


def _decide(registry, case, text, position=50):
    decision = Decision.objects.create(
        meeting=registry.later, position=position, text=text, span_start=0, span_end=0
    )
    CaseLink.objects.create(decision=decision, case=case, name=case.title, method="exact")
    return decision


def test_a_word_of_a_decision_finds_its_case(registry):
    assert titles("山豬吊清除活動") == set()
    _decide(registry, registry.traps, "請配合世界動物日舉辦山豬吊清除活動，並加強向農友宣導。")
    assert titles("山豬吊清除活動") == {"山區捕獸鋏及山豬吊宣導及清除交流"}
    assert titles("農友") == {"山區捕獸鋏及山豬吊宣導及清除交流"}


def test_an_agency_short_name_finds_its_cases(registry):
    youth_bureau = Organisation.objects.create(
        kind="agency",
        name="新北市政府青年局",
        short_name="青年局",
        city=registry.world.new_taipei,
        parent=registry.world.new_taipei,
    )
    CaseAgency.objects.create(case=registry.traps, organisation=youth_bureau)
    assert titles("青年局") == {"山區捕獸鋏及山豬吊宣導及清除交流"}
    assert titles("新北市青年局") == {"山區捕獸鋏及山豬吊宣導及清除交流"}  # city + short name
    assert "青創交流合作" in titles("產發局")  # an alias of the agency
    CaseAgency.objects.filter(case=registry.traps, organisation=youth_bureau).delete()
    assert titles("青年局") == set()


def test_an_edited_decision_is_reindexed(registry):
    decision = _decide(registry, registry.energy, "請研議地熱發電示範場域。")
    assert titles("地熱") == {"新興能源經驗交流合作案"}
    decision.text = "請研議離岸風電示範場域。"
    decision.save(update_fields=["text"])
    assert titles("地熱") == set()
    assert titles("離岸風電") == {"新興能源經驗交流合作案"}


def test_a_moved_decision_takes_its_words_along(registry):
    _decide(registry, registry.traps, "請研議寵物焚化爐設置地點。")
    link = CaseLink.objects.get(case=registry.traps, decision__text__contains="焚化爐")
    assert titles("焚化爐") == {"山區捕獸鋏及山豬吊宣導及清除交流"}
    lifecycle.split_link(registry.world.admin, link, title="公立寵物焚化爐設置案")
    assert titles("焚化爐") == {"公立寵物焚化爐設置案"}


def test_a_decision_about_several_cases_names_each_only(registry):
    decision = _decide(
        registry, registry.traps, "山區捕獸鋏及山豬吊宣導及清除交流、青創交流合作均解除列管。"
    )
    CaseLink.objects.create(
        decision=decision, case=registry.youth, name="青創交流合作", method="exact"
    )
    # Each case keeps its own names; neither takes the other's from the shared text.
    assert titles("山豬吊") == {"山區捕獸鋏及山豬吊宣導及清除交流"}
    assert titles("青創") == {"青創交流合作"}


def test_a_merge_is_found_by_the_source_name(registry):
    assert titles("山豬吊") == {"山區捕獸鋏及山豬吊宣導及清除交流"}
    lifecycle.merge_cases(registry.world.admin, [registry.traps], registry.youth)
    assert titles("山豬吊") == {"山區捕獸鋏及山豬吊宣導及清除交流", "青創交流合作"}
