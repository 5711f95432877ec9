"""The .ods sheet: body cells wrapped, bordered and aligned to the top; the title bold and
larger, merged across the columns; the header row bold on a fill and repeated on every
printed page; A4 landscape on Calc's default master page."""

import io

import pytest
from odf import teletype
from odf.namespaces import TABLENS
from odf.opendocument import load
from odf.style import (
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    Style,
    TableCellProperties,
    TextProperties,
)
from odf.table import CoveredTableCell, Table, TableCell, TableHeaderRows, TableRow

from livinglab.reports.exports import to_ods
from livinglab.reports.tracking_table import build_table, headers


@pytest.fixture
def document(registry):
    return load(io.BytesIO(to_ods(build_table(registry.body))))


def _styles(document) -> dict:
    return {s.getAttribute("name"): s for s in document.automaticstyles.getElementsByType(Style)}


def _properties(style, kind) -> dict:
    found = style.getElementsByType(kind)
    return {key[1]: value for key, value in found[0].attributes.items()} if found else {}


def _cells(row):
    return row.getElementsByType(TableCell)


def _style_of(document, cell, column: int) -> str:
    """The cell's style, or its column's default cell style."""
    if cell.getAttribute("stylename"):
        return cell.getAttribute("stylename")
    sheet = document.spreadsheet.getElementsByType(Table)[0]
    columns = [c for c in sheet.childNodes if c.qname == (TABLENS, "table-column")]
    return columns[column].getAttribute("defaultcellstylename")


def test_body_cells_are_wrapped_bordered_and_aligned_to_the_top(document):
    sheet = document.spreadsheet.getElementsByType(Table)[0]
    body = [row for row in sheet.childNodes if row.qname == (TABLENS, "table-row")][2:]
    assert len(body) == 2
    styles = _styles(document)
    for row in body:
        for column, cell in enumerate(_cells(row)):
            cell_properties = _properties(
                styles[_style_of(document, cell, column)], TableCellProperties
            )
            assert cell_properties["vertical-align"] == "top"
            assert cell_properties["wrap-option"] == "wrap"
            assert "solid" in cell_properties["border"]


def test_title_is_bold_larger_and_merged_across_the_columns(document, registry):
    title_row, subtitle_row = document.spreadsheet.getElementsByType(TableRow)[:2]
    styles = _styles(document)
    for row in (title_row, subtitle_row):
        (cell,) = _cells(row)
        assert cell.getAttribute("numbercolumnsspanned") == str(len(headers()))
        covered = row.getElementsByType(CoveredTableCell)
        assert len(covered) == len(headers()) - 1
        # Their own style, not the body cells' default: no borders beside the title.
        assert {c.getAttribute("stylename") for c in covered} == {cell.getAttribute("stylename")}
    assert registry.body.name in teletype.extractText(_cells(title_row)[0])
    text = _properties(styles[_cells(title_row)[0].getAttribute("stylename")], TextProperties)
    assert text["font-weight-asian"] == "bold" and text["font-weight"] == "bold"
    assert float(text["font-size-asian"].removesuffix("pt")) >= 14


def test_header_row_is_bold_on_a_fill_and_repeats_on_every_page(document):
    (repeat,) = document.spreadsheet.getElementsByType(TableHeaderRows)
    (header,) = repeat.getElementsByType(TableRow)
    styles = _styles(document)
    cells = _cells(header)
    assert len(cells) == len(headers())
    for cell in cells:
        style = styles[cell.getAttribute("stylename")]
        assert _properties(style, TextProperties)["font-weight-asian"] == "bold"
        assert _properties(style, TableCellProperties)["background-color"].startswith("#")


def test_prints_on_a4_landscape(document):
    (master,) = document.masterstyles.getElementsByType(MasterPage)
    assert master.getAttribute("name") == "Default"
    layouts = {
        p.getAttribute("name"): p for p in document.automaticstyles.getElementsByType(PageLayout)
    }
    page = _properties(layouts[master.getAttribute("pagelayoutname")], PageLayoutProperties)
    assert page["print-orientation"] == "landscape"
    assert (page["page-width"], page["page-height"]) == ("29.7cm", "21cm")
