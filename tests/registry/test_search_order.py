"""A search lists cases newest first (undated last), in the order of each case's
document key; the key follows the case's date in the transaction that changes it."""

import datetime as dt

import pytest
from django.db import connection, transaction
from django.db.models import F

from livinglab.search.index import found, reindex_all, search
from livinglab.search.models import CaseDoc, key_of
from livinglab.tracking.models import Case

pytestmark = pytest.mark.django_db(transaction=True)


def key_is_of(case, date) -> bool:
    """Whether the case's document lists it as decided on `date` (None: undated)."""
    return CaseDoc.objects.get(case=case).key == key_of(case.pk, date)


def ids(cases):
    return list(cases.values_list("pk", flat=True))


def test_search_lists_newest_first_undated_last(registry):
    body = registry.world.body
    for n, date in enumerate([dt.date(2024, 1, 1), None, dt.date(2026, 1, 1), dt.date(2024, 1, 1)]):
        Case.objects.create(body=body, title=f"捕獸鋏回收{n}", last_decided_on=date)
    newest = (F("last_decided_on").desc(nulls_last=True), "-pk")
    for query in ("捕獸鋏", "捕獸", "鋏", "回收 捕獸鋏", "捕獸鋏回收"):  # the last: 3 in 4 pairs
        found = ids(search(Case.objects.all(), query))
        assert found, query
        assert found == ids(Case.objects.filter(pk__in=found).order_by(*newest)), query
    assert len(ids(search(Case.objects.all(), "捕獸鋏"))) == 5  # the undated case too


def test_a_case_without_a_date_matches_every_gram(registry):
    case = Case.objects.create(body=registry.world.body, title="山豬吊清除")
    assert key_is_of(case, None)
    assert ids(search(Case.objects.all(), "山豬吊")) == [registry.traps.pk, case.pk]


def test_grams_take_the_new_date_when_a_decision_dates_the_case(registry):
    case = registry.energy
    assert key_is_of(case, case.last_decided_on)
    case.last_decided_on = dt.date(2030, 1, 1)
    case.save(update_fields=["last_decided_on"])  # as recording a decision does
    assert key_is_of(case, dt.date(2030, 1, 1))
    assert ids(search(Case.objects.all(), "交流"))[0] == case.pk


def test_a_full_save_redates_and_a_rollback_undoes_both(registry):
    case = registry.traps
    before = case.last_decided_on
    with pytest.raises(RuntimeError), transaction.atomic():
        case.last_decided_on = dt.date(2031, 1, 1)
        case.save()
        assert key_is_of(case, dt.date(2031, 1, 1))  # the same transaction
        raise RuntimeError
    assert key_is_of(case, before)
    case.refresh_from_db()
    case.last_decided_on = None
    case.save()
    assert key_is_of(case, None)


def test_reindex_all_keys_the_documents_by_date(registry):
    CaseDoc.objects.all().delete()
    Case.objects.filter(pk=registry.energy.pk).update(last_decided_on=None)
    reindex_all(Case.objects.all())
    for case in Case.objects.all():
        assert key_is_of(case, case.last_decided_on)


def test_many_matches_are_walked_in_the_same_order(registry, monkeypatch):
    # PostgreSQL collects few matches through its index and sorts them; past its cap
    # it walks the documents in key order instead. Both give the registry's order.
    from livinglab.search import backends

    body = registry.world.body
    for n, date in enumerate([dt.date(2024, 1, 1), None, dt.date(2026, 1, 1), dt.date(2024, 1, 1)]):
        Case.objects.create(body=body, title=f"捕獸鋏回收{n}", last_decided_on=date)
    newest = (F("last_decided_on").desc(nulls_last=True), "-pk")
    collected = ids(search(Case.objects.all(), "捕獸鋏 回收"))
    monkeypatch.setattr(backends, "COLLECT_CAP", 1)
    walked = search(Case.objects.all(), "捕獸鋏 回收")
    if connection.vendor == "postgresql":
        assert not found(walked).exact  # the walk, not the sorted few
    assert ids(walked) == collected == ids(Case.objects.filter(pk__in=collected).order_by(*newest))
    assert len(collected) == 4
    assert ids(search(Case.objects.all(), "捕獸鋏 清除")) == [registry.traps.pk]  # every gram
