"""A same-length "shadow" of the text with conversion debris blanked out.

Spans must index into the source text, so debris (HTML tags and entities, markdown
emphasis, bullets in front of numbers, repeated page headers, page numbers) is
replaced by spaces rather than removed; every parser reads the shadow.
"""

from __future__ import annotations

import re
from collections import Counter

_TAG = re.compile(
    r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]{0,300})?/?>|&(?:nbsp|lt|gt|amp|quot|#\d{1,5});"
)
_EMPHASIS = re.compile(r"\*\*|__|^#{1,6}(?= )", re.M)
# "- (一)", "* 1、", "• 壹、": a bullet left in front of a number by a converter.
_BULLET_BEFORE_NUMBER = re.compile(
    r"^[ \t\u3000]*([-*•●○■◆▪·‧])[ \t\u3000]*(?=[（(]|[一二三四五六七八九十壹貳參肆伍陸柒捌玖拾]+[、.．]|\d{1,2}[、.．)）])",
    re.M,
)
_MARKDOWN_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}.*$|^[ \t]*(?:-{3,}|={3,})[ \t]*$", re.M)
_PIPE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)
_PAGE_NUMBER = re.compile(
    r"^[ \t\u3000]*(?:第\s*\d+\s*頁(?:\s*[，,/／]?\s*共\s*\d+\s*頁)?|[-－—]\s*\d+\s*[-－—]|\d+\s*/\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)[ \t\u3000]*$",
    re.M,
)
_LINE = re.compile(r"[^\n]+")
_NOT_NEWLINE = re.compile(r"[^\n]")
_NOT_HEADER = re.compile(
    r"[、：:。]|^\s*[（(]?[一二三四五六七八九十壹貳參肆伍陸柒捌玖\d]+[）)、.]|散會|臨時動議|簽到|^(?:會議)?[紀記]錄$"
)
# A repeated title followed by header fields opens another record: not a page header.
_FIELDS_FOLLOW = re.compile(
    r"\s*(?:[^\n]*\n\s*){0,3}?[^\n]{0,8}?(?:時\s*間|日\s*期|地\s*點|主\s*席|主持人)\s*[：:\t]"
)


def shadow(text: str) -> str:
    chars = _blank(text, _TAG)
    chars = _blank(chars, _EMPHASIS)
    chars = _blank(chars, _MARKDOWN_RULE)
    chars = _blank(chars, _PAGE_NUMBER)
    chars = _BULLET_BEFORE_NUMBER.sub(lambda m: " " * len(m.group()), chars)
    chars = _PIPE_ROW.sub(lambda m: m.group().replace("|", "\t"), chars)
    return _blank_page_headers(chars)


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(_blanked, text)


def _blanked(match: re.Match[str]) -> str:
    found = match.group()
    return _NOT_NEWLINE.sub(" ", found) if "\n" in found else " " * len(found)


def _blank_page_headers(text: str) -> str:
    """Lines repeated three times or more, as page headers are, kept only once.

    Structural lines (numbered, with a colon, 散會, 紀錄 …) repeat in every record of
    a multi-record file and are never page headers.
    """
    counts = Counter(map(str.strip, _LINE.findall(text)))  # strings, not matches: in C
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
