"""Layout of a shadow text: records run together on one line split into lines, the
cell ends of flattened tables blanked, lines as blocks.

Converters (PDF text layers, catalogue pages, HTML tables) lose line breaks: a whole
record may stand on one line, with 「；」 between its parts or blanks before its list
numbers, and a table's cells may end in ' |'. Every later stage reads lines, so the
layout stage gives them back: a separator before a list number or a label becomes a
line break in the shadow (same length: spans still index the source text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "一二三四五六七八九十"
_LEGAL = "壹貳參叁肆伍陸柒捌玖拾"
# What opens a part of a record: a list number or a decision / agenda label.
_OPENING = (
    rf"(?:[甲乙丙丁戊][、．.]|[{_LEGAL}]{{1,3}}[、．.]|[{_CN}]{{1,3}}[、．]"
    rf"|[（(][{_CN}\d]{{1,2}}[）)]|\d{{1,2}}[、．.](?!\d)"
    r"|(?:大會|會議|二讀|主席)?(?:決議|決定|裁示|議決|結論)[：:]"
    r"|(?:報告|討論)事項[一二三四五六七八九十]{1,3}[、：:]|第[一二三四五六七八九十\d]{1,3}案)"
)
_LIST_OPENING = rf"(?:[甲乙丙丁戊][、．.]|[{_LEGAL}]{{1,3}}[、．.]|[{_CN}]{{1,3}}[、．]|[（(][{_CN}]{{1,2}}[）)])"
# 「；乙、」, 「; 決議:」, 「討論事項：（一）」: a separator before an opening.
_SEPARATOR = re.compile(rf"[；;](?=[ \t\u3000]*{_OPENING})|[：:](?=[ \t\u3000]*{_LIST_OPENING})")
_FIELD_WORD = (
    r"(?:開會|會議)?(?:時\s*間|日\s*期|地\s*點|主\s*席|主持人|紀\s*錄|記\s*錄|出\s*席|列\s*席)"
)
# 「…第144次會議紀錄壹、時間:…貳、地點:…」: a header run together, broken before
# each numbered field.
_FIELD_OPENING = re.compile(
    rf"(?<=[^\s\n])(?=(?:[{_LEGAL}]{{1,3}}|[{_CN}]{{1,3}})、{_FIELD_WORD}(?:人員|人)?\s*[：:(（])"
)
# In a line run together by a PDF converter: blanks before an opening or a field.
_BLANKS_BEFORE = re.compile(rf"(?<=[^\s])[ \t\u3000]+(?={_OPENING}|{_FIELD_WORD}(?:人員|人)?[：:])")
# 「…解決。 一、經提報…」: a list number after a sentence's end and a blank, where a
# converter ran the entries of a list into the paragraph before them.
_AFTER_SENTENCE = re.compile(
    rf"(?<=[。；;！？])[ \t\u3000]+(?=[{_CN}]{{1,3}}、|[（(][{_CN}]{{1,2}}[）)]|\d{{1,2}}、)"
)
_LONG = 300  # a PDF line this long holds several parts
_RUN = 40  # a line this long with two 「；乙、」 separators holds several parts
# A table flattened by an HTML converter: each cell ends in ' |' (or is a bare '|').
_CELL_END = re.compile(r"[ \t\u3000]*\|[ \t\u3000]*$", re.M)


def unfold(shadow: str) -> str:
    """The shadow with long run-together lines broken before their parts, and cell
    ends of flattened tables blanked; same length as the input."""
    if "|" in shadow:
        shadow = _CELL_END.sub(_spaces, shadow)
    if len(shadow) < _RUN or not _has_long_line(shadow):
        return shadow
    out, at = [], 0
    for line in re.finditer(r"[^\n]+", shadow):
        if line.end() - line.start() < _RUN:
            continue
        out.append(shadow[at : line.start()])
        out.append(_break(line.group()))
        at = line.end()
    out.append(shadow[at:])
    return "".join(out)


def _has_long_line(text: str) -> bool:
    at = 0
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if end - at >= _RUN:
            return True
        at = end + 1
    return False


def _break(line: str) -> str:
    if len(_SEPARATOR.findall(line)) >= 2:
        line = _SEPARATOR.sub("\n", line)
    if len(_FIELD_OPENING.findall(line)) >= 2:
        line = _break_before(line, _FIELD_OPENING)
    if "、" in line or "）" in line or ")" in line:
        line = _AFTER_SENTENCE.sub(lambda m: "\n" + m.group()[1:], line)
    if len(line) < _LONG:
        return line
    if line.count(" ") * 20 > len(line) or "\u3000" in line or "\t" in line:
        # a PDF line: words kept apart by blanks; a break before each opening
        line = _BLANKS_BEFORE.sub(lambda m: "\n" + m.group()[1:], line)
    return line


def _break_before(line: str, pattern: re.Pattern[str]) -> str:
    """A line break in place of the first character of each match: its list number
    (「貳、地點」 → 「、地點」 on a line of its own; same length, nothing of a value lost)."""
    chars = list(line)
    for match in pattern.finditer(line):
        chars[match.start()] = "\n"
    return "".join(chars)


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match.group())


@dataclass(slots=True)
class Line:
    start: int
    end: int  # without the line break
    text_start: int  # first non-blank character

    def text(self, shadow: str) -> str:
        return shadow[self.text_start : self.end].rstrip()


def lines(shadow: str, start: int, end: int) -> list[Line]:
    """The non-blank lines of ``shadow[start:end]``."""
    found = []
    for match in re.finditer(r"[^\n]*", shadow[start:end]):
        text = match.group()
        if not text.strip():
            continue
        first = len(text) - len(text.lstrip())
        found.append(
            Line(start + match.start(), start + match.end(), start + match.start() + first)
        )
    return found
