"""A same-length "shadow" of the text with conversion debris blanked out.

Spans must index into the source text, so debris (HTML tags and entities, markdown
emphasis, bullets in front of numbers, repeated page headers, page numbers) is
replaced by spaces rather than removed; every parser reads the shadow.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from .lines import LinePattern

_TAG = re.compile(
    r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]{0,300})?/?>|&(?:nbsp|lt|gt|amp|quot|#\d{1,5});"
)
# A markdown heading mark at a line start; the lookbehind follows the first "#" so
# that re skips in C to each "#" (a leading ^ would make it try every position).
_HEADING_MARK = re.compile(r"#(?<![^\n]#)#{0,5}(?= )")
# Line patterns are searched newline first (see lines.py).
# "- (一)", "* 1、", "• 壹、": a bullet left in front of a number by a converter.
_BULLET_BEFORE_NUMBER = LinePattern(
    r"[ \t\u3000]*([-*•●○■◆▪·‧])[ \t\u3000]*(?=[（(]|[一二三四五六七八九十壹貳參肆伍陸柒捌玖拾]+[、.．]|\d{1,2}[、.．)）])"
)
_MARKDOWN_RULE = LinePattern(r"[ \t]*\|?[ \t]*:?-{3,}.*$|[ \t]*(?:-{3,}|={3,})[ \t]*$")
_PIPE_ROW = LinePattern(r"[ \t]*\|.*\|[ \t]*$")
_PAGE_NUMBER = LinePattern(
    r"[ \t\u3000]*(?:第\s*\d+\s*頁(?:\s*[，,/／]?\s*共\s*\d+\s*頁)?|[-－—]\s*\d+\s*[-－—]|\d+\s*/\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)[ \t\u3000]*$"
)
_NOT_NEWLINE = re.compile(r"[^\n]")
_NOT_HEADER = re.compile(
    r"[、：:。]|^\s*[（(]?[一二三四五六七八九十壹貳參肆伍陸柒捌玖\d]+[）)、.]|散會|臨時動議|簽到|^(?:會議)?[紀記]錄$"
)
# A repeated title followed by header fields opens another record: not a page header.
_FIELDS_FOLLOW = re.compile(
    r"\s*(?:[^\n]*\n\s*){0,3}?[^\n]{0,8}?(?:時\s*間|日\s*期|地\s*點|主\s*席|主持人)\s*[：:\t]"
)


def shadow(text: str) -> str:
    # Each pass is skipped where the text lacks the character it needs (most do).
    chars = _blank(text, _TAG) if "<" in text or "&" in text else text
    chars = chars.replace("**", "  ").replace("__", "  ")  # emphasis
    if "#" in chars:
        chars = _blank(chars, _HEADING_MARK)
    if "---" in chars or "===" in chars:
        chars = _replace_lines(chars, _MARKDOWN_RULE, _spaces)
    chars = _replace_lines(chars, _PAGE_NUMBER, _spaces)
    chars = _replace_lines(chars, _BULLET_BEFORE_NUMBER, _spaces)
    if "|" in chars:
        chars = _replace_lines(chars, _PIPE_ROW, lambda row: row.replace("|", "\t"))
    return _blank_page_headers(chars)


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(_blanked, text)


def _blanked(match: re.Match[str]) -> str:
    return _spaces(match.group())


def _spaces(found: str) -> str:
    """Blanks of the same length, line breaks kept."""
    return _NOT_NEWLINE.sub(" ", found) if "\n" in found else " " * len(found)


def _replace_lines(text: str, pattern: LinePattern, replace: Callable[[str], str]) -> str:
    """``text`` with each match of ``pattern`` (from its line start) replaced."""
    parts, last = [], 0
    for start, match in pattern.finditer(text, 0, len(text)):
        end = match.end()
        parts += [text[last:start], replace(text[start:end])]
        last = end
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def _blank_page_headers(text: str) -> str:
    """Lines repeated three times or more, as page headers are, kept only once.

    Structural lines (numbered, with a colon, 散會, 紀錄 …) repeat in every record of
    a multi-record file and are never page headers.
    """
    counts = Counter(map(str.strip, text.split("\n")))  # all in C
    repeated = {
        line
        for line, n in counts.items()
        if n >= 3 and len(line) >= 4 and not _NOT_HEADER.search(line)
    }
    if not repeated:
        return text
    parts, last = [], 0
    for start, end in _repeats(text, repeated):
        parts += [text[last:start], " " * (end - start)]
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _repeats(text: str, repeated: set[str]) -> list[tuple[int, int]]:
    """Spans of the lines to blank, in order: of each repeated line, every one after
    the first that opens no record. Found with str.find, as such lines are few."""
    spans = []
    for line in repeated:
        seen, at = False, text.find(line)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            if text[start:end].strip() == line and not _FIELDS_FOLLOW.match(text, end):
                if seen:
                    spans.append((start, end))
                seen = True
            at = text.find(line, end)
    spans.sort()
    return spans
