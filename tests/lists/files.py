"""Reading back a list's download: the rows under the title and header, in each format."""

import csv
import io


def xlsx_rows(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data)).active
    return [["" if c.value is None else c.value for c in row] for row in sheet.iter_rows()]


def ods_rows(data: bytes) -> list[list[str]]:
    from odf import teletype
    from odf.opendocument import load
    from odf.table import TableCell, TableRow

    document = load(io.BytesIO(data))
    return [
        [teletype.extractText(cell) for cell in row.getElementsByType(TableCell)]
        for row in document.spreadsheet.getElementsByType(TableRow)
    ]


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def body_rows(response, fmt: str) -> list[list]:
    """The data rows of a downloaded list (without its title row and its header)."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Disposition"].startswith("attachment;")
    read = {"xlsx": xlsx_rows, "ods": ods_rows, "csv": csv_rows}[fmt]
    rows = read(response.content)
    return rows[1:] if fmt == "csv" else rows[2:]


def first_column(client, url: str, query: dict) -> dict[str, list[str]]:
    """The first column of each format of a list's download, all three read back."""
    return {
        fmt: [str(row[0]) for row in body_rows(client.get(f"{url}.{fmt}", query), fmt)]
        for fmt in ("xlsx", "ods", "csv")
    }
