"""Text of a .docx: paragraphs in order, tables row by row (cells tab-separated),
automatic list numbers rendered as the text a reader sees (一、 （一） 1.)."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from .archive import open_zip, parse_xml, read_member
from .errors import MinutesError
from .numerals import format_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes, source: str) -> str:
    archive = open_zip(data, source, ".docx")
    body_xml = read_member(archive, "word/document.xml", source)
    if body_xml is None:
        raise MinutesError(source, "corrupt .docx file (no word/document.xml)")
    numbering_xml = read_member(archive, "word/numbering.xml", source)
    styles_xml = read_member(archive, "word/styles.xml", source)
    numbers = _Numbering(
        parse_xml(numbering_xml, source) if numbering_xml else None,
        parse_xml(styles_xml, source) if styles_xml else None,
    )
    body = parse_xml(body_xml, source).find(f"{W}body")
    if body is None:
        return ""
    return "\n".join(_blocks(body, numbers))


def _blocks(body: Element, numbers: _Numbering) -> Iterator[str]:
    for child in body:
        if child.tag == f"{W}p":
            yield numbers.label(child) + _paragraph_text(child)
        elif child.tag == f"{W}tbl":
            yield from _table_rows(child)
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content, numbers)


def _table_rows(table: Element) -> Iterator[str]:
    for row in table.iter(f"{W}tr"):
        cells = []
        for cell in row.findall(f"{W}tc"):
            paragraphs = (_paragraph_text(p) for p in cell.iter(f"{W}p"))
            cells.append(" ".join(p for p in paragraphs if p.strip()))
        yield "\t".join(cells)


def _paragraph_text(paragraph: Element) -> str:
    parts = []
    for node in paragraph.iter():
        if node.tag == f"{W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{W}tab":
            parts.append("\t")
        elif node.tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
    return "".join(parts)


class _Numbering:
    """Counters of Word's automatic numbering, keyed by list and level."""

    def __init__(self, root: Element | None, styles: Element | None = None) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.styles: dict[str, Element] = {}  # paragraph styles that number (List Number)
        if root is not None:
            self._load(root)
        for style in styles.findall(f"{W}style") if styles is not None else []:
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                self.styles[style.get(f"{W}styleId", "")] = num_pr

    def _load(self, root: Element) -> None:
        abstract = {}
        for node in root.findall(f"{W}abstractNum"):
            levels = {}
            for lvl in node.findall(f"{W}lvl"):
                levels[int(lvl.get(f"{W}ilvl", "0"))] = (
                    _val(lvl, "numFmt", "decimal"),
                    _val(lvl, "lvlText", "%1."),
                    int(_val(lvl, "start", "1") or 1),
                )
            abstract[node.get(f"{W}abstractNumId")] = levels
        for num in root.findall(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            levels = abstract.get(ref.get(f"{W}val") if ref is not None else None, {})
            for ilvl, spec in levels.items():
                self.levels[(num.get(f"{W}numId", ""), ilvl)] = spec

    def label(self, paragraph: Element) -> str:
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        if num_pr is None:
            style = paragraph.find(f"{W}pPr/{W}pStyle")
            num_pr = self.styles.get(style.get(f"{W}val", "")) if style is not None else None
        if num_pr is None:
            return ""
        num_id = _val(num_pr, "numId", "")
        ilvl = int(_val(num_pr, "ilvl", "0") or 0)
        spec = self.levels.get((num_id, ilvl))
        if spec is None or num_id == "0":
            return ""
        counters = self.counters.setdefault(num_id, [0] * 10)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        return self._render(num_id, ilvl, counters) + " "

    def _render(self, num_id: str, ilvl: int, counters: list[int]) -> str:
        fmt, text, _ = self.levels[(num_id, ilvl)]
        if fmt == "bullet":
            return "-"
        for level in range(ilvl, -1, -1):
            spec = self.levels.get((num_id, level), ("decimal", "", 1))
            value = counters[level] + spec[2] - 1
            text = text.replace(f"%{level + 1}", format_number(max(value, 1), spec[0]))
        return text


def _val(node: Element, child: str, default: str) -> str:
    found = node.find(f"{W}{child}")
    return found.get(f"{W}val", default) if found is not None else default
