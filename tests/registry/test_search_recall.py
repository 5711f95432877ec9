"""Recall of the registry search on the seed record, against plain substring search.

Run with `-s` to see the figures. Each query lists the cases a careful reader expects;
then words of every length cut from the record itself: every case whose text holds the
word is found, and nothing whose text lacks one of the word's pieces. On SQLite and
PostgreSQL alike (CI runs both).
"""

import pytest

from livinglab.meetings.models import Body
from livinglab.search.index import search, texts_of
from livinglab.search.models import CaseDoc, key_of
from livinglab.search.text import normalise, pieces_of
from livinglab.tracking.models import Case
from livinglab.tracking.services.importing import import_minutes
from tests.conftest import seeds_or_skip

pytestmark = pytest.mark.django_db(transaction=True)

TRAPS = "山區捕獸鋏及山豬吊宣導及清除交流"
YOUTH = "青創交流合作"
FARMS = "智慧農(漁)業場域交流"
QUERIES = {
    "捕獸": {TRAPS},  # part of a word
    "捕獸鋏": {TRAPS},
    "山豬吊": {TRAPS},
    "捕獸銹": {TRAPS},  # the slip as written in one record
    "捕獸鋏宣導": {TRAPS},  # words of the name with others left out
    "青創": {YOUTH},
    "青創合作交流": {YOUTH},  # words in another order
    "社會企業": {YOUTH, "雙北社會企業交流合作案"},  # merged into 青創交流合作
    "食農": {"食農/漁教育合作交流"},
    "食農教育交流合作": {"食農/漁教育合作交流"},
    "智慧農業": {FARMS, "桃園新北智慧農業場域交流"},
    "智慧農（漁）業": {FARMS},  # full-width brackets
    "茶農參訪": {FARMS, "桃園新北茶農參訪交流"},
    "電競": {"電競產業推動合作案"},
    "跨境電商": {"雙北合作推動國內跨境電商標竿企業選拔"},
    "寵物焚化爐": {"研擬基北北桃設置公立寵物焚化爐可行性"},
    "寵物 焚化": {"研擬基北北桃設置公立寵物焚化爐可行性"},  # two words
    "地熱發電": {"地熱發電廠經驗交流案"},
    "廢棄物清運": {"瑞芳工業區事業廢棄物清運案"},
    "瑞芳": {"瑞芳工業區事業廢棄物清運案"},
    "新興能源": {"新興能源經驗交流合作案"},
    "遊蕩犬": {"雙北遊蕩犬處理經驗交流"},
    "林口招商": {"林口土地招商推動合作案"},
    "數位轉型": {"雙北商業數位轉型交流", "推廣數位轉型交流活動"},
    "觀光工廠": {"觀光工廠職涯探索見學交流"},
    "雙港物流": {"結合桃園新北物流業者加強雙港物流之交流"},
    "變電所": {"綠能發電廠站暨變電所屋內化推動參訪"},
    "半導體": set(),  # no case is about it: nothing comes back
}


def _measure(find):
    found = relevant = returned = 0
    for query, expected in QUERIES.items():
        got = set(find(query).values_list("title", flat=True))
        found += len(got & expected)
        relevant += len(expected)
        returned += len(got)
    recall = found / relevant
    precision = found / returned if returned else 1.0
    return recall, precision


def _seed_cases(world):
    seed = sorted(seeds_or_skip().glob("004_*.txt"))
    if not seed:
        pytest.skip("seed 004 not found")
    body = Body.objects.create(name="北北基桃合作交流平臺產業發展組工作小組")
    import_minutes(world.admin, body, seed, confirm=True)
    return Case.objects.filter(body=body)


def test_search_recall_on_the_seed_record(world):
    cases = _seed_cases(world)
    dated = dict(cases.values_list("pk", "last_decided_on"))
    keys = CaseDoc.objects.filter(case__in=cases).values_list("case_id", "key")
    assert all(key == key_of(pk, dated[pk]) for pk, key in keys)  # the case's date

    recall, precision = _measure(lambda q: search(cases, q))
    base_recall, base_precision = _measure(
        lambda q: cases.search_names(q.replace(" ", "")).values("title")
    )
    print(
        f"\nsearch recall over {len(QUERIES)} queries: {recall:.2f} (precision {precision:.2f});"
        f" substring baseline: {base_recall:.2f} (precision {base_precision:.2f})"
    )
    assert recall == 1.0
    assert precision >= 0.95


def _words_of(texts: list[str], length: int, step: int):
    for text in texts:
        for word in normalise(text).split():
            for start in range(0, len(word) - length + 1, step):
                yield word[start : start + length]


@pytest.mark.parametrize("length", [1, 2, 3, 4, 5, 6, 8])
def test_every_case_whose_text_holds_the_word_is_found(world, length):
    cases = _seed_cases(world)
    texts = {
        pk: [normalise(t) for t in ts]
        for pk, (_d, ts) in texts_of(cases.values_list("pk", flat=True)).items()
    }
    all_texts = [t for ts in texts.values() for t in ts]
    words = sorted(set(_words_of(all_texts, length, step=5)))[:: max(1, length)][:60]
    assert words
    returned = stray = 0
    for word in words:
        found = set(search(cases, word).values_list("pk", flat=True))
        holding = {pk for pk, ts in texts.items() if any(word in t for t in ts)}
        pieces = pieces_of(word)
        near = {pk for pk, ts in texts.items() if all(any(p in t for t in ts) for p in pieces)}
        assert holding <= found, (word, holding - found)  # recall 1.00
        returned += len(found)
        stray += len(found - near)
    # A piece of three characters is looked up as its two pairs, which may stand apart
    # (並研…研擬 for 並研擬): rare, and only ever more, never fewer.
    assert stray <= 0.05 * returned, (stray, returned)
