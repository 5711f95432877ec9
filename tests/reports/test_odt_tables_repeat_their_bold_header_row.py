"""Every table of an .odt (the tracking table, the draft agenda's sections) puts its header
row in `table:table-header-rows`, which Writer repeats on every page, in bold on a fill;
the cell borders collapse into single lines."""

import io

from odf import teletype
from odf.namespaces import TABLENS
from odf.opendocument import load
from odf.style import Style, TableCellProperties, TableProperties, TextProperties
from odf.table import Table, TableCell, TableHeaderRows, TableRow
from odf.text import P

from livinglab.reports.exports import Report, Section, report_to_odt, to_odt
from livinglab.reports.tracking_table import build_table, headers


def _styles(document) -> dict:
    return {s.getAttribute("name"): s for s in document.automaticstyles.getElementsByType(Style)}


def _properties(style, kind) -> dict:
    found = style.getElementsByType(kind)
    return {key[1]: value for key, value in found[0].attributes.items()} if found else {}


def _check_header(document, table, names: list[str]) -> None:
    first = [node for node in table.childNodes if node.qname != (TABLENS, "table-column")][0]
    assert first.qname == (TABLENS, "table-header-rows")  # before every other row
    (header,) = first.getElementsByType(TableRow)
    cells = header.getElementsByType(TableCell)
    assert [teletype.extractText(cell) for cell in cells] == names
    styles = _styles(document)
    for cell in cells:
        fill = _properties(styles[cell.getAttribute("stylename")], TableCellProperties)
        assert fill["background-color"].startswith("#")
        for paragraph in cell.getElementsByType(P):
            text = _properties(styles[paragraph.getAttribute("stylename")], TextProperties)
            assert text["font-weight"] == "bold" and text["font-weight-asian"] == "bold"
    table_style = _properties(styles[table.getAttribute("stylename")], TableProperties)
    assert table_style["border-model"] == "collapsing"


def test_tracking_table_repeats_its_header_row(registry):
    document = load(io.BytesIO(to_odt(build_table(registry.body))))
    (table,) = document.text.getElementsByType(Table)
    _check_header(document, table, headers())
    assert len(document.text.getElementsByType(TableHeaderRows)) == 1
    rows = [node for node in table.childNodes if node.qname == (TABLENS, "table-row")]
    assert len(rows) == 2  # the cases, outside the header rows


def test_every_section_table_repeats_its_header_row():
    sections = [
        Section(f"節{n}", ["編號", f"欄{n}"], [["1", "內容"], ["2", "更多"]], (2.0, 25.7))
        for n in range(3)
    ]
    document = load(io.BytesIO(report_to_odt(Report("標題", "副標題", sections))))
    tables = document.text.getElementsByType(Table)
    assert len(tables) == 3
    for n, table in enumerate(tables):
        _check_header(document, table, ["編號", f"欄{n}"])
