"""`lists.list_context`, what every list page gives its pager, sort headers and download
links: the page asked for, and links that keep the list's filters and order but not the
page (the registry, proposals, trials, assignments, needs and organisations lists)."""

from django.core.paginator import Paginator
from django.test import RequestFactory
from django.urls import reverse

from livinglab.core import lists

COLUMNS = (
    lists.Column("title", "Title", ("title",)),
    lists.Column("agency", "Agency"),  # not sortable
    lists.Column("status", "Status", ("status",)),
)
ROWS = list(range(1, 8))  # seven rows, three a page


def context(query: dict, files: str = "", **extra) -> dict:
    request = RequestFactory().get("/list/", query)
    sorting = lists.Sorting(COLUMNS, request.GET)
    return lists.list_context(request, ROWS, sorting, files, per_page=3, **extra)


def test_the_page_asked_for_and_links_without_the_page():
    found = context({"q": "路燈", "sort": "-status", "page": "2"}, "tracking:list_file")
    assert list(found["page"]) == [4, 5, 6]
    assert found["page"].paginator.num_pages == 3
    assert found["query"] == "q=%E8%B7%AF%E7%87%88&sort=-status"
    assert found["sort"] == "-status"
    assert [(h.label, h.url, h.aria_sort) for h in found["headers"]] == [
        ("Title", "?q=%E8%B7%AF%E7%87%88&sort=title", "none"),
        ("Agency", "", ""),
        ("Status", "?q=%E8%B7%AF%E7%87%88&sort=status", "descending"),
    ]
    assert found["exports"] == [
        (fmt, reverse("tracking:list_file", args=[fmt]) + "?q=%E8%B7%AF%E7%87%88&sort=-status")
        for fmt in ("xlsx", "ods", "csv")
    ]


def test_a_page_past_the_end_or_not_a_number_is_the_last_or_the_first():
    assert list(context({"page": "9"})["page"]) == [7]
    assert list(context({"page": "x"})["page"]) == [1, 2, 3]


def test_the_list_s_own_order_and_no_files():
    found = context({})
    assert found["query"] == "" and found["sort"] == ""
    assert [h.active for h in found["headers"]] == [False, False, False]
    assert found["exports"] == []


def test_a_list_pages_with_its_own_paginator_and_shows_its_own_rows():
    class Counted(Paginator):  # like the registry's, which counts other rows than it shows
        count = 70

    found = context(
        {"page": "2"},
        paginator=Counted,
        shown=lambda page: [f"row {n}" for n in page.object_list],
    )
    assert found["page"].paginator.num_pages == 24
    assert found["page"].object_list == ["row 4", "row 5", "row 6"]
