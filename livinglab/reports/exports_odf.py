"""Reports and the tracking table as OpenDocument (odfpy): .ods and .odt on A4 landscape.

Cells are top-aligned, wrapped and bordered; the header row is bold on a grey fill and
is a `table:table-header-rows`, which Writer repeats on every page and Calc prints as
the rows to repeat. odfpy takes ~1 ms a cell, so the case rows are written as XML text
into the saved document instead (a 2,000-case table: 0.2 s rather than 2.5 s).
"""

import io
import re
import zipfile
from xml.sax.saxutils import escape

from livinglab.core.office import xml_safe
from livinglab.reports.layout import (
    HEADER_FILL,
    MARGIN_CM,
    TITLE_PT,
    WIDTHS_CM,
    Report,
    Section,
    image_cm,
)
from livinglab.reports.tracking_table import TrackingTable

SHEET = "列管"
HEADING_PT = 13
CELL = "cell"  # the style of a body cell, named in the rows written as text


def _bold(size: str | None = None) -> dict:
    """Text properties for bold text (of `size`), Latin and CJK alike."""
    properties = {"fontweight": "bold", "fontweightasian": "bold", "fontweightcomplex": "bold"}
    if size:
        properties.update(fontsize=size, fontsizeasian=size, fontsizecomplex=size)
    return properties


def _page_layout(document, master: str) -> None:
    """A4 landscape on the master page the application applies by default.

    Calc prints tables on the master page "Default", Writer text on "Standard".
    """
    from odf.style import MasterPage, PageLayout, PageLayoutProperties

    layout = PageLayout(name="A4Landscape")
    layout.addElement(
        PageLayoutProperties(
            pagewidth="29.7cm",
            pageheight="21cm",
            printorientation="landscape",
            margin=f"{MARGIN_CM}cm",
        )
    )
    document.automaticstyles.addElement(layout)
    document.masterstyles.addElement(MasterPage(name=master, pagelayoutname=layout))


def _styles(document, padding: str | None = None) -> dict:
    """The automatic styles the tables and headings use, by role. Calc computes row
    heights without the cell padding, so only Writer's cells have some."""
    from odf.style import (
        ParagraphProperties,
        Style,
        TableCellProperties,
        TextProperties,
    )

    border = "0.5pt solid #000000"
    made = {}

    def add(role, name, family, cell=None, paragraph=None, text=None):
        style = Style(name=name, family=family)
        if cell:
            style.addElement(TableCellProperties(**cell))
        if paragraph:
            style.addElement(ParagraphProperties(**paragraph))
        if text:
            style.addElement(TextProperties(**text))
        document.automaticstyles.addElement(style)
        made[role] = style

    box = {"border": border, "wrapoption": "wrap", **({"padding": padding} if padding else {})}
    centre = {"textalign": "center"}
    add("cell", CELL, "table-cell", cell={**box, "verticalalign": "top"})
    head_fill = {**box, "verticalalign": "middle", "backgroundcolor": f"#{HEADER_FILL}"}
    add("head", "head", "table-cell", cell=head_fill, paragraph=centre, text=_bold())
    title_size = f"{TITLE_PT}pt"
    add("title", "title", "table-cell", paragraph=centre, text=_bold(title_size))
    add("subtitle", "subtitle", "table-cell", paragraph=centre)
    add("head_p", "HeadP", "paragraph", paragraph=centre, text=_bold())
    title_p = {**centre, "marginbottom": "0.1cm"}
    add("title_p", "ReportTitle", "paragraph", paragraph=title_p, text=_bold(title_size))
    add("subtitle_p", "ReportSubtitle", "paragraph", paragraph={**centre, "marginbottom": "0.3cm"})
    heading = {"margintop": "0.4cm", "marginbottom": "0.2cm", "keepwithnext": "always"}
    add("heading", "ReportHeading", "paragraph", paragraph=heading, text=_bold(f"{HEADING_PT}pt"))
    add(
        "heading_page",
        "ReportHeadingPage",
        "paragraph",
        paragraph={**heading, "breakbefore": "page"},
        text=_bold(f"{HEADING_PT}pt"),
    )
    return made


def _cell(text: str, style=None, paragraph=None, span: int = 1):
    from odf.table import TableCell
    from odf.text import P

    attributes = {"valuetype": "string"}
    if style is not None:
        attributes["stylename"] = style
    if span > 1:
        attributes["numbercolumnsspanned"] = span
    cell = TableCell(**attributes)
    for line in xml_safe(text or "").split("\n"):
        cell.addElement(P(text=line, **({"stylename": paragraph} if paragraph else {})))
    return cell


def _columns(document, table, widths, prefix: str) -> None:
    from odf.style import Style, TableColumnProperties
    from odf.table import TableColumn

    for index, width in enumerate(widths):
        style = Style(name=f"{prefix}{index}", family="table-column")
        style.addElement(TableColumnProperties(columnwidth=f"{width}cm"))
        document.automaticstyles.addElement(style)
        # The default cell style also keeps odfpy writing the style the rows added as
        # text name: it leaves out automatic styles that nothing in its tree uses.
        table.addElement(TableColumn(stylename=style, defaultcellstylename=CELL))


def _header_rows(names: list[str], styles: dict):
    """The header row, inside the table-header-rows that repeat on every page."""
    from odf.table import TableHeaderRows, TableRow

    row = TableRow()
    for text in names:
        row.addElement(_cell(text, styles["head"], styles["head_p"]))
    repeat = TableHeaderRows()
    repeat.addElement(row)
    return repeat


def to_ods(table: TrackingTable) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableRow

    document = OpenDocumentSpreadsheet()
    _page_layout(document, master="Default")
    styles = _styles(document)
    names = table.headers
    sheet = Table(name=SHEET)
    _columns(document, sheet, WIDTHS_CM, prefix="col")
    for text, style in ((table.title, styles["title"]), (table.subtitle, styles["subtitle"])):
        row = TableRow()
        row.addElement(_cell(text, style, span=len(names)))
        for _ in names[1:]:
            row.addElement(CoveredTableCell(stylename=style))  # not the column default
        sheet.addElement(row)
    sheet.addElement(_header_rows(names, styles))
    document.spreadsheet.addElement(sheet)
    out = io.BytesIO()
    document.write(out)
    return _append_rows(out.getvalue(), [(SHEET, [row.cells for row in table.rows])])


def to_odt(table: TrackingTable, images=(), notice: str = "") -> bytes:
    section = Section("", table.headers, [row.cells for row in table.rows], WIDTHS_CM)
    return report_to_odt(Report(table.title, table.subtitle, [section], list(images), notice))


def report_to_odt(report: Report) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    _page_layout(document, master="Standard")
    styles = _styles(document, padding="0.08cm")
    document.text.addElement(H(outlinelevel=1, stylename=styles["title_p"], text=report.title))
    document.text.addElement(P(stylename=styles["subtitle_p"], text=report.subtitle))
    rows = []
    for index, section in enumerate(report.sections):
        if section.heading:
            heading = H(outlinelevel=2, stylename=styles["heading"], text=section.heading)
            document.text.addElement(heading)
        if section.note:
            document.text.addElement(P(text=section.note))
        if section.rows or not section.note:
            grid = _table(document, section, styles, index)
            document.text.addElement(grid)
            rows.append((grid.getAttribute("name"), section.rows))
    if report.notice and report.images:  # the charts' heading, on a page of their own
        heading = H(outlinelevel=2, stylename=styles["heading_page"], text=report.notice)
        document.text.addElement(heading)
    elif report.notice:  # why there are no charts
        document.text.addElement(P(text=report.notice))
    for index, image in enumerate(report.images):
        _image(document, image, index)
    out = io.BytesIO()
    document.write(out)
    return _append_rows(out.getvalue(), rows)


def _table(document, section: Section, styles: dict, index: int):
    """The section's table with its header row; `_append_rows` adds the others."""
    from odf.style import Style, TableProperties
    from odf.table import Table

    # Writer draws both borders where two cells meet, unless they collapse into one.
    style = Style(name=f"table{index}", family="table")
    width = sum(section.column_widths())
    style.addElement(
        TableProperties(width=f"{width:.2f}cm", align="center", bordermodel="collapsing")
    )
    document.automaticstyles.addElement(style)
    grid = Table(name=SHEET if index == 0 else f"T{index + 1}", stylename=style)
    _columns(document, grid, section.column_widths(), prefix=f"t{index}col")
    grid.addElement(_header_rows(section.headers, styles))
    return grid


def _image(document, png: bytes, index: int) -> None:
    from odf.draw import Frame, Image
    from odf.text import P

    width, height = image_cm(png)
    href = document.addPicture(f"Pictures/chart{index}.png", "image/png", png)
    frame = Frame(
        width=f"{width}cm", height=f"{height}cm", anchortype="as-char", name=f"chart{index}"
    )
    frame.addElement(Image(href=href))
    paragraph = P()
    paragraph.addElement(frame)
    document.text.addElement(paragraph)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r]")


def _rows_xml(rows: list[list[str]]) -> str:
    parts = []
    for values in rows:
        parts.append("<table:table-row>")
        for text in values:
            lines = _CONTROL.sub("", text or "").split("\n")
            paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in lines)
            parts.append(
                f'<table:table-cell table:style-name="{CELL}" office:value-type="string">'
                f"{paragraphs}</table:table-cell>"
            )
        parts.append("</table:table-row>")
    return "".join(parts)


def _append_rows(odf: bytes, tables: list[tuple[str, list[list[str]]]]) -> bytes:
    """The ODF document `odf` with rows added at the end of each named table, in order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(odf)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():  # in order: "mimetype" first, stored
            data = source.read(info)
            if info.filename == "content.xml":
                data = _insert_rows(data.decode("utf-8"), tables).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def _insert_rows(content: str, tables) -> str:
    parts, position = [], 0
    for name, rows in tables:
        start = content.index(f'table:name="{name}"', position)
        end = content.index("</table:table>", start)
        parts += [content[position:end], _rows_xml(rows)]
        position = end
    return "".join(parts) + content[position:]
