"""Printed by LibreOffice (converted headless to PDF), every format shows every line of
every cell (a row too short for its wrapped text cuts lines off) and the header row on
every page of a table longer than a page."""

from livinglab.reports.exports import FORMATS, export
from livinglab.reports.tracking_table import build_table, headers
from tests.reports.libreoffice import needs_libreoffice, printed_pages
from tests.work.conftest import make_case

pytestmark = needs_libreoffice


def _compact(text: str) -> str:
    return "".join(text.split())


def _printed(table, tmp_path) -> dict[str, list[str]]:
    """The compacted text of each PDF page, by format."""
    files = []
    for fmt in FORMATS:
        path = tmp_path / f"table-{fmt}.{fmt}"
        path.write_bytes(export(table, fmt))
        files.append(path)
    pages = printed_pages(files, tmp_path)
    return {
        path.suffix[1:]: [_compact(page.extract_text()) for page in pages[path]] for path in files
    }


def test_every_line_of_every_cell_is_printed(registry, tmp_path):
    table = build_table(registry.body)
    lines = [line for row in table.rows for cell in row.cells for line in cell.split("\n")]
    assert any(len(line) > 40 for line in lines)  # wider than the 歷次決議 column
    missing = {}
    for fmt, pages in _printed(table, tmp_path).items():
        text = "".join(pages)
        missing[fmt] = [line for line in lines if _compact(line) not in text]
    assert missing == dict.fromkeys(FORMATS, [])


def test_header_row_is_printed_on_every_page(registry, tmp_path):
    for n in range(45):
        make_case(registry, f"第{n + 1}號測試案件", lead=registry.economic)
    table = build_table(registry.body)
    names = [_compact(name) for name in headers()]
    without = {}
    for fmt, pages in _printed(table, tmp_path).items():
        assert len(pages) >= 2, fmt
        without[fmt] = [n for n, page in enumerate(pages, 1) if not all(h in page for h in names)]
    assert without == dict.fromkeys(FORMATS, [])  # pages without the header row
