"""A list's download (`lists.list_file`) holds the first `EXPORT_CAP` rows and says on its
title row when the list was longer, in the words the list gives; it is dated and named
for its title, and an unknown format is not found before the list is read."""

import datetime as dt
from urllib.parse import quote

import pytest
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy

from livinglab.core import lists
from tests.lists.files import body_rows, csv_rows, ods_rows, xlsx_rows

COLUMNS = (lists.Column("name", "Name"), lists.Column("size", "Size"))
THINGS = [("bus", 3), ("air", 1), ("park", 2)]
DAY = dt.date(2026, 1, 2)


def things_file(fmt: str, **extra):
    return lists.list_file(
        fmt,
        lambda: THINGS,
        lambda thing: [thing[0], thing[1]],
        title="Things",
        columns=COLUMNS,
        fallback="things",
        today=DAY,
        **extra,
    )


def title_row(response, fmt: str) -> str:
    return {"xlsx": xlsx_rows, "ods": ods_rows}[fmt](response.content)[0][0]


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_a_list_cut_at_the_cap_says_so_on_its_title_row(monkeypatch, fmt):
    monkeypatch.setattr(lists, "EXPORT_CAP", 2)
    with translation.override("en"):
        response = things_file(fmt)
    assert title_row(response, fmt) == "Things 2026-01-02 — the first 2 rows only"
    assert [row[0] for row in body_rows(response, fmt)] == ["bus", "air"]


def test_a_list_names_what_was_cut_in_its_own_words(monkeypatch):
    monkeypatch.setattr(lists, "EXPORT_CAP", 2)
    response = things_file("xlsx", cut=gettext_lazy("the first %(count)s cases only"))
    assert title_row(response, "xlsx") == "Things 2026-01-02 — 僅前 2 件"  # the site's language


def test_a_list_within_the_cap_is_whole_and_its_title_has_only_the_date(monkeypatch):
    monkeypatch.setattr(lists, "EXPORT_CAP", 3)
    response = things_file("xlsx")
    assert title_row(response, "xlsx") == "Things 2026-01-02"
    assert [row[0] for row in body_rows(response, "xlsx")] == ["bus", "air", "park"]
    # A CSV is the header and the rows: a cut one would say nothing of it.
    assert csv_rows(things_file("csv").content) == [
        ["Name", "Size"],
        ["bus", "3"],
        ["air", "1"],
        ["park", "2"],
    ]


def test_shown_turns_only_the_rows_kept_into_what_the_cells_read(monkeypatch):
    monkeypatch.setattr(lists, "EXPORT_CAP", 2)
    given = []

    def shown(found):
        given.append(list(found))
        return [(name.upper(), size) for name, size in found]

    response = things_file("csv", shown=shown)
    assert given == [[("bus", 3), ("air", 1)]]
    assert body_rows(response, "csv") == [["BUS", "3"], ["AIR", "1"]]


def test_the_file_is_named_for_its_title_and_date_and_plainly_for_old_clients():
    response = lists.list_file(
        "ods",
        lambda: THINGS,
        lambda thing: list(thing),
        title="案件 清單",
        columns=COLUMNS,
        fallback="things",
        today=DAY,
    )
    assert response["Content-Type"] == lists.CONTENT_TYPES["ods"]
    assert response["Content-Disposition"] == (
        'attachment; filename="things-2026-01-02.ods"; '
        "filename*=UTF-8''" + quote("案件-清單_2026-01-02.ods", safe="")
    )


def test_an_unknown_format_is_not_found_before_the_list_is_read():
    def rows():
        raise AssertionError("the list was read")

    with pytest.raises(Http404):
        lists.list_file(
            "pdf", rows, list, title="Things", columns=COLUMNS, fallback="things", today=DAY
        )
