"""The registry sorts by a column when its header is clicked (issue 12)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.tracking.models import Case

pytestmark = pytest.mark.django_db(transaction=True)


def numbers(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<td class="num" data-label="[^"]*">(\d+)</td>', html)]


def test_a_header_sorts_the_list_and_says_so(client, registry):
    html = client.get("/cases/").content.decode()
    link = re.search(r'<a class="sort-link" href="\?sort=case">', html)
    assert link, "the case column's header links to the list sorted by it"
    assert "aria-sort" not in html  # the default order is no column's

    html = client.get("/cases/", {"sort": "case"}).content.decode()
    titles = [c.title for c in Case.objects.filter(body=registry.world.body).order_by("title")]
    assert numbers(html) == list(
        Case.objects.filter(title__in=titles).order_by("title").values_list("pk", flat=True)
    )
    assert re.search(r'aria-sort="ascending"><a class="sort-link" href="\?sort=-case"', html)

    html = client.get("/cases/", {"sort": "-case"}).content.decode()
    assert re.search(r'aria-sort="descending"><a class="sort-link" href="\?sort=case"', html)
    assert numbers(html) == sorted(
        numbers(html), key=lambda pk: Case.objects.get(pk=pk).title, reverse=True
    )


def test_equal_values_keep_one_order_by_number(client, registry):
    for _n in range(5):
        Case.objects.create(body=registry.world.body, title="同名案件")
    html = client.get("/cases/", {"sort": "case"}).content.decode()
    same = list(Case.objects.filter(title="同名案件").order_by("pk").values_list("pk", flat=True))
    shown = [pk for pk in numbers(html) if pk in same]
    assert shown == same


def test_an_unknown_sort_key_is_the_usual_order(client, registry):
    usual = numbers(client.get("/cases/").content.decode())
    assert numbers(client.get("/cases/", {"sort": "password"}).content.decode()) == usual
    assert numbers(client.get("/cases/", {"sort": "-agencies"}).content.decode()) == usual


def test_sorting_keeps_the_filters_and_the_filters_keep_the_sort(client, registry):
    html = client.get("/cases/", {"state": "tracked", "sort": "-last"}).content.decode()
    assert 'href="?state=tracked&amp;sort=last"' in html
    assert '<input type="hidden" name="sort" value="-last">' in html
    assert "新興能源經驗交流合作案" not in html
    # the pages and the downloads carry the order too
    assert "export.csv?state=tracked&amp;sort=-last" in html


def test_a_search_can_be_sorted(client, registry):
    html = client.get("/cases/", {"q": "交流", "sort": "number"}).content.decode()
    assert numbers(html) == sorted(numbers(html)) and len(numbers(html)) >= 2


def test_a_sorted_page_reads_no_more_than_the_usual_one(client, registry):
    for n in range(20):
        Case.objects.create(body=registry.world.body, title=f"新案件{n}")
    with CaptureQueriesContext(connection) as usual:
        client.get("/cases/")
    with CaptureQueriesContext(connection) as sorted_:
        client.get("/cases/", {"sort": "body"})
    assert len(sorted_.captured_queries) == len(usual.captured_queries)
