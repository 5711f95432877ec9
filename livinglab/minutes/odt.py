"""Text of an .odt: headings and paragraphs in order, tables row by row, automatic
list numbers rendered as the text a reader sees (一、 （一） 1.), as for .docx."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from .archive import open_zip, parse_xml, read_member
from .errors import MinutesError
from .numerals import format_number

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
# style:num-format as ODF writes it → the Word format names format_number knows
_FORMATS = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "一, 二, 三, ...": "chineseCounting",
    "壹, 貳, 參, ...": "ideographLegalTraditional",
    "甲, 乙, 丙, ...": "ideographTraditional",
    "①, ②, ③, ...": "decimalEnclosedCircle",
    "１, ２, ３, ...": "decimalFullWidth",
}


def odt_text(data: bytes, source: str) -> str:
    archive = open_zip(data, source, ".odt")
    content = read_member(archive, "content.xml", source)
    if content is None:
        raise MinutesError(source, "corrupt .odt file (no content.xml)")
    root = parse_xml(content, source)
    styles_xml = read_member(archive, "styles.xml", source)
    lists = _Lists(root, parse_xml(styles_xml, source) if styles_xml else None)
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        return ""
    return "\n".join(_blocks(body, lists))


def _blocks(node: Element, lists: _Lists) -> Iterator[str]:
    for child in node:
        if child.tag in (f"{TEXT}p", f"{TEXT}h"):
            yield _inline(child)
        elif child.tag == f"{TABLE}table":
            yield from _rows(child, lists)
        elif child.tag == f"{TEXT}list":
            yield from lists.render(child, None, 0, _blocks)
        else:  # sections and the like: their paragraphs in order
            yield from _blocks(child, lists)


class _Lists:
    """Counters of the automatic list numbering, by list style and level."""

    def __init__(self, content: Element, styles: Element | None) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        for root in (styles, content):
            for style in root.iter(f"{TEXT}list-style") if root is not None else []:
                self._load(style)

    def _load(self, style: Element) -> None:
        name = style.get(f"{STYLE}name", "")
        for level in style:
            depth = int(level.get(f"{TEXT}level", "1")) - 1
            if level.tag == f"{TEXT}list-level-style-number":
                fmt = _FORMATS.get(level.get(f"{STYLE}num-format", ""), "")
                prefix = level.get(f"{STYLE}num-prefix", "")
                suffix = level.get(f"{STYLE}num-suffix", "")
                start = int(level.get(f"{TEXT}start-value", "1") or 1)
                self.levels[(name, depth)] = (fmt, prefix, suffix, start)
            elif level.tag == f"{TEXT}list-level-style-bullet":
                self.levels[(name, depth)] = ("bullet", "", "", 1)

    def render(self, node: Element, style: str | None, depth: int, blocks) -> Iterator[str]:  # type: ignore[no-untyped-def]
        style = node.get(f"{TEXT}style-name") or style or ""
        continues = node.get(f"{TEXT}continue-numbering") == "true" or node.get(
            f"{TEXT}continue-list"
        )
        counters = self.counters.setdefault(style, [0] * 10)
        if depth == 0 and not continues:
            counters[:] = [0] * 10
        for item in node:
            if item.tag not in (f"{TEXT}list-item", f"{TEXT}list-header"):
                continue
            label = self._label(style, depth, counters) if item.tag.endswith("list-item") else ""
            for child in item:
                if child.tag == f"{TEXT}list":
                    yield from self.render(child, style, depth + 1, blocks)
                elif child.tag in (f"{TEXT}p", f"{TEXT}h"):
                    yield label + _inline(child)
                    label = ""
                else:
                    yield from blocks([child], self)

    def _label(self, style: str, depth: int, counters: list[int]) -> str:
        spec = self.levels.get((style, min(depth, 9)))
        if spec is None or not spec[0]:
            return ""
        counters[depth] += 1
        counters[depth + 1 :] = [0] * (len(counters) - depth - 1)
        fmt, prefix, suffix, start = spec
        if fmt == "bullet":
            return "- "
        return f"{prefix}{format_number(counters[depth] + start - 1, fmt)}{suffix} "


def _rows(table: Element, lists: _Lists) -> Iterator[str]:
    for row in table.iter(f"{TABLE}table-row"):
        cells = []
        for cell in row:
            if cell.tag in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                cells.append(" ".join(t for t in _blocks(cell, lists) if t.strip()))
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
