"""The registry counts matching cases up to a cap, then pages on with "Next" only."""

import pytest
from django.core.paginator import EmptyPage

from livinglab.tracking import registry as registry_module
from livinglab.tracking.models import Case
from livinglab.tracking.registry import CappedPaginator

pytestmark = pytest.mark.django_db(transaction=True)


def _cases(body, n):
    for i in range(n):
        Case.objects.create(body=body, title=f"新案件{i}")
    return Case.objects.filter(title__startswith="新案件").order_by("pk")


def test_under_the_cap_the_count_is_exact(world):
    paginator = CappedPaginator(_cases(world.body, 5), 2, cap=5)
    assert paginator.count == 5 and not paginator.capped
    assert paginator.num_pages == 3
    assert [c.title for c in paginator.page(3)] == ["新案件4"]


def test_over_the_cap_pages_go_on_while_rows_remain(world, django_assert_num_queries):
    cases = _cases(world.body, 5)
    paginator = CappedPaginator(cases, 2, cap=3)
    with django_assert_num_queries(1):
        assert paginator.count == 4  # stops counting at cap + 1
    assert paginator.capped
    first = paginator.get_page(1)
    assert first.has_next() and not first.has_previous()
    last = paginator.get_page(3)
    assert [c.title for c in last] == ["新案件4"]
    assert not last.has_next() and last.has_previous()
    with pytest.raises(EmptyPage):
        paginator.page(4)
    assert paginator.get_page("x").number == 1


def test_counted_queryset_can_differ_from_the_rows(world):
    cases = _cases(world.body, 4)
    paginator = CappedPaginator(cases.values_list("title", flat=True), 10, cap=2, counted=cases)
    assert paginator.capped and list(paginator.page(1)) == [f"新案件{i}" for i in range(4)]


def test_registry_page_says_more_than_the_cap(client, registry, monkeypatch):
    monkeypatch.setattr(registry_module, "COUNT_CAP", 2)
    _cases(registry.world.body, 60)
    html = client.get("/cases/").content.decode()
    assert "超過 2 列。" in html  # More than 2 rows.
    assert "page=2" in html and "第 1 頁" not in html  # no "Page 1 of N"
    html = client.get("/cases/?page=2").content.decode()
    assert "page=1" in html and "page=3" not in html  # 63 public cases: 50, then 13


def test_registry_page_counts_exactly_under_the_cap(client, registry):
    html = client.get("/cases/").content.decode()
    assert "共 3 件案件" in html


def test_search_results_are_counted_up_to_the_cap_too(client, registry, monkeypatch):
    monkeypatch.setattr(registry_module, "COUNT_CAP", 2)
    _cases(registry.world.body, 60)
    html = client.get("/cases/?q=案件").content.decode()
    assert "超過 2 列。" in html and "第 1 頁" not in html
    assert "page=2" in html
    html = client.get("/cases/?q=案件&page=2").content.decode()
    assert "page=1" in html and "page=3" not in html  # 60 matches: 50, then 10
    assert html.count('<td class="num" data-label=') == 10
