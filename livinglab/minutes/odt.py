"""Text of an .odt: headings and paragraphs in order, tables row by row."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from .archive import open_zip, parse_xml, read_member
from .errors import MinutesError

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def odt_text(data: bytes, source: str) -> str:
    archive = open_zip(data, source, ".odt")
    content = read_member(archive, "content.xml", source)
    if content is None:
        raise MinutesError(source, "corrupt .odt file (no content.xml)")
    body = parse_xml(content, source).find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        return ""
    return "\n".join(_blocks(body))


def _blocks(node: Element) -> Iterator[str]:
    for child in node:
        if child.tag in (f"{TEXT}p", f"{TEXT}h"):
            yield _inline(child)
        elif child.tag == f"{TABLE}table":
            yield from _rows(child)
        else:  # lists, sections, list items: their paragraphs in order
            yield from _blocks(child)


def _rows(table: Element) -> Iterator[str]:
    for row in table.iter(f"{TABLE}table-row"):
        cells = []
        for cell in row:
            if cell.tag in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                cells.append(" ".join(t for t in _blocks(cell) if t.strip()))
        yield "\t".join(cells)


def _inline(node: Element) -> str:
    parts = [node.text or ""]
    for child in node:
        if child.tag == f"{TEXT}s":
            parts.append(" " * int(child.get(f"{TEXT}c", "1")))
        elif child.tag == f"{TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{TEXT}line-break":
            parts.append("\n")
        elif child.tag != f"{OFFICE}annotation":
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)
