"""Table rows with their column headings: decisions kept in tables.

A .docx or .odt table comes through as rows of tab-separated cells, an HTML table
flattened by a converter as cells separated by ' | '. A row whose cells are column
headings (案由 | 決議 | 主辦機關 | 預定完成日期) opens a table of decisions when one of
them names the decision; each following row of cells is then a decision, read by
its columns: the case, the lead and supporting agencies, the deadline, a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADING = {
    "decision": re.compile(
        r"^(?:會議|大會|主席|本次)?(?:決議|決定|裁示|指示|結論|裁\(指\)示|指\(裁\)示|議決|審議結果|會議結論)(?:事項|內容|情形)?$"
    ),
    "case": re.compile(
        r"^(?:案由|案名|提案|議題|列管事項|列管案件|事項|案件名稱|案件|討論事項|提案名稱|項目|工作項目)$"
    ),
    "lead": re.compile(r"^(?:主辦|權責|負責|承辦|執行)(?:機關|單位|局處)?$"),
    "supporting": re.compile(r"^(?:協辦|配合)(?:機關|單位|局處)?$"),
    "deadline": re.compile(
        r"^(?:預定)?(?:完成)?(?:期限|日期|時程|期程)$|^預定完成日期$|^辦理期限$"
    ),
    "number": re.compile(r"^(?:編號|項次|序號|序|案號|No\.?)$", re.I),
    "progress": re.compile(r"^(?:辦理情形|執行情形|辦理進度|執行進度|說明)$"),
}
_BLANKS = re.compile(r"[\s\u3000]+")
_NUMBER = re.compile(r"^[（(]?([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})[）)、.．]?$")


@dataclass(slots=True)
class Cell:
    start: int
    end: int

    def text(self, shadow: str) -> str:
        return shadow[self.start : self.end].strip(" \t\u3000")


@dataclass(slots=True)
class Row:
    start: int
    end: int
    cells: list[Cell]
    columns: dict[str, int] = field(default_factory=dict)  # kind → cell index

    def cell(self, kind: str) -> Cell | None:
        index = self.columns.get(kind)
        return self.cells[index] if index is not None and index < len(self.cells) else None


def table_rows(shadow: str, start: int, end: int) -> list[Row]:
    """The decision rows of every table in ``shadow[start:end]``, with their columns."""
    rows: list[Row] = []
    if shadow.find("\t", start, end) < 0 and shadow.find("|", start, end) < 0:
        return rows  # no cell in the text: no table
    columns: dict[str, int] | None = None
    width = 0
    at = start
    while at < end:
        line_end = shadow.find("\n", at, end)
        line_end = end if line_end < 0 else line_end
        cells = _cells(shadow, at, line_end)
        if len(cells) < 2:
            if shadow[at:line_end].strip():
                columns = None  # a paragraph ends the table
            at = line_end + 1
            continue
        heads = _headings(shadow, cells)
        if heads is not None:
            columns, width = heads, len(cells)
        elif columns is not None and abs(len(cells) - width) <= 1:
            decision = columns["decision"]
            if decision < len(cells) and cells[decision].text(shadow):
                rows.append(Row(at, line_end, cells, columns))
        at = line_end + 1
    return rows


def _cells(shadow: str, start: int, end: int) -> list[Cell]:
    line = shadow[start:end]
    separator = "\t" if "\t" in line else (" | " if " | " in line or "|" in line else None)
    if separator is None:
        return []
    if separator != "\t":
        separator = "|"
    cells, at = [], start
    for part in line.split(separator):
        cells.append(Cell(at, at + len(part)))
        at += len(part) + len(separator)
    while cells and not cells[-1].text(shadow):
        cells.pop()  # the blank after a last ' |'
    while cells and not cells[0].text(shadow) and separator == "|":
        cells.pop(0)
    return cells


def _headings(shadow: str, cells: list[Cell]) -> dict[str, int] | None:
    """Column kinds of a heading row, or None if the row is not one."""
    columns: dict[str, int] = {}
    known = 0
    for index, cell in enumerate(cells):
        text = _BLANKS.sub("", cell.text(shadow))
        if not text:
            continue
        for kind, pattern in _HEADING.items():
            if pattern.match(text):
                columns.setdefault(kind, index)
                known += 1
                break
        else:
            if len(text) > 8:
                return None  # a heading is a word or two
    if "decision" not in columns or known < 2:
        return None
    return columns


def row_number(shadow: str, row: Row) -> str | None:
    cell = row.cell("number")
    if cell is None:
        return None
    match = _NUMBER.match(_BLANKS.sub("", cell.text(shadow)))
    return match.group(1) if match else None
