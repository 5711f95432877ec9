"""Reading exported tracking tables back with the libraries that open them."""

import io


def rows_of(fmt: str, data: bytes) -> list[list[str]]:
    return {"ods": _ods, "odt": _odt, "xlsx": _xlsx, "docx": _docx}[fmt](data)


def _odf_rows(document) -> list[list[str]]:
    from odf import teletype
    from odf.table import TableCell, TableRow
    from odf.text import P

    rows = []
    for row in document.getElementsByType(TableRow):
        cells = []
        for cell in row.getElementsByType(TableCell):
            cells.append("\n".join(teletype.extractText(p) for p in cell.getElementsByType(P)))
        rows.append(cells)
    return rows


def _ods(data):
    from odf.opendocument import load

    return _odf_rows(load(io.BytesIO(data)))


def _odt(data):
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    top = [e for e in document.text.childNodes if e.qname in ((TEXTNS, "h"), (TEXTNS, "p"))]
    return [[teletype.extractText(e)] for e in top] + _odf_rows(document)


def _xlsx(data):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data)).active
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def _docx(data):
    from docx import Document

    document = Document(io.BytesIO(data))
    paragraphs = [[p.text] for p in document.paragraphs if p.text]
    return paragraphs + [[c.text for c in row.cells] for row in document.tables[0].rows]


def case_titles(fmt: str, data: bytes) -> list[str]:
    """The 案由 column of the rows that are cases (numbered)."""
    return [row[1] for row in rows_of(fmt, data) if len(row) >= 7 and row[0].isdigit()]
