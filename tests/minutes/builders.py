"""Office and PDF files made from the plain-text sample records, for the tests.

Binary samples are generated rather than committed: .docx with python-docx, .odt
with odfpy, and a small text-layer .pdf written by hand (CID font with a ToUnicode
map, so that its CJK text can be extracted without an embedded font).
"""

from __future__ import annotations

import zlib
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent / "samples"


def sample_text(name: str) -> str:
    return (SAMPLES / name).read_text("utf-8")


def write_docx(lines: list[str], path: Path) -> Path:
    """Paragraphs; a line with tabs becomes a table row (consecutive rows, one table)."""
    import docx

    document = docx.Document()
    index = 0
    while index < len(lines):
        rows = []
        while index < len(lines) and "\t" in lines[index]:
            rows.append(lines[index].split("\t"))
            index += 1
        if rows:
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        document.add_paragraph(lines[index])
        index += 1
    document.save(path)
    return path


def write_numbered_docx(
    path: Path, heading: list[str], numbered: list[str], tail: list[str]
) -> Path:
    """Paragraphs whose numbers come from Word's automatic numbering (List Number)."""
    import docx

    document = docx.Document()
    for line in heading:
        document.add_paragraph(line)
    for line in numbered:
        document.add_paragraph(line, style="List Number")
    for line in tail:
        document.add_paragraph(line)
    document.save(path)
    return path


def write_odt(lines: list[str], path: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    document = OpenDocumentText()
    index = 0
    while index < len(lines):
        if "\t" in lines[index]:
            table = Table()
            width = len(lines[index].split("\t"))
            table.addElement(TableColumn(numbercolumnsrepeated=width))
            while index < len(lines) and "\t" in lines[index]:
                row = TableRow()
                for cell_text in lines[index].split("\t"):
                    cell = TableCell()
                    cell.addElement(P(text=cell_text))
                    row.addElement(cell)
                table.addElement(row)
                index += 1
            document.text.addElement(table)
            continue
        document.text.addElement(P(text=lines[index]))
        index += 1
    document.save(str(path))
    return path


def write_pdf(lines: list[str], path: Path, *, per_page: int = 40) -> Path:
    """A minimal PDF 1.4 whose text layer holds the lines (one CID font, Identity-H)."""
    chars = sorted({ord(c) for line in lines for c in line if ord(c) < 0x10000})
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    cmap = _to_unicode(chars)
    to_unicode = add(_stream(cmap))
    descendant = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Sample /CIDSystemInfo"
        b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>"
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Sample /Encoding /Identity-H"
        + f" /DescendantFonts [{descendant} 0 R] /ToUnicode {to_unicode} 0 R >>".encode()
    )
    pages_id = len(objects) + 1 + 2 * len(pages)
    kids = []
    for page_lines in pages:
        content = add(_stream(_content(page_lines)))
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842]"
                f" /Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode()
            )
        )
    kid_refs = " ".join(f"{k} 0 R" for k in kids)
    add(f"<< /Type /Pages /Kids [{kid_refs}] /Count {len(kids)} >>".encode())
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
    path.write_bytes(_assemble(objects, catalog))
    return path


def _content(lines: list[str]) -> bytes:
    parts = [b"BT /F1 11 Tf"]
    for index, line in enumerate(lines):
        y = 800 - index * 18
        hexed = "".join(f"{ord(c):04X}" for c in line if ord(c) < 0x10000)
        parts.append(f"1 0 0 1 40 {y} Tm <{hexed}> Tj".encode())
    parts.append(b"ET")
    return b"\n".join(parts)


def _to_unicode(chars: list[int]) -> bytes:
    entries = []
    for start in range(0, len(chars), 100):
        block = chars[start : start + 100]
        entries.append(f"{len(block)} beginbfchar")
        entries += [f"<{c:04X}> <{c:04X}>" for c in block]
        entries.append("endbfchar")
    body = "\n".join(entries)
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{body}\nendcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


def _stream(data: bytes) -> bytes:
    packed = zlib.compress(data)
    return (
        f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
        + packed
        + b"\nendstream"
    )


def _assemble(objects: list[bytes], root: int) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
