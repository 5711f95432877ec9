"""Numbered entries and their tree.

The depth of a numbering style (壹、 一、 （一） 1、 (1) ① -) is decided by the order in
which the styles first appear in a record, as in a nested list: a style seen before
closes the deeper levels, a new style opens a level below the current one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import LinePattern

_CN = "一二三四五六七八九十"
_LEGAL = "壹貳參叁肆伍陸柒捌玖拾"
_NUMBER = (
    r"[ \t\u3000]*(?:"
    rf"(?P<legal>[{_LEGAL}]{{1,3}})[ \t]*[、．.]"
    rf"|(?P<cn>[{_CN}]{{1,3}})[ \t]*[、．.]"
    rf"|[（(][ \t]*(?P<pcn>[{_CN}]{{1,3}})[ \t]*[）)]"
    r"|(?P<ccn>[㈠-㈩])"
    rf"|第[ \t]*(?P<case>[{_CN}\d]{{1,3}})[ \t]*案[ \t]*[：:、]?"
    rf"|(?:報告|討論|審議|選舉|提案|臨時動議)事項[ \t]*(?P<agenda>[{_CN}]{{1,3}})[ \t]*[、：:．.]"
    rf"|案[ \t]*由[ \t]*(?P<agenda2>[{_CN}]{{1,3}})[ \t]*[：:、]"
    r"|案[ \t]*號[ \t]*[：:][ \t]*(?P<agenda3>\d{1,4})(?!\d)"
    r"|(?P<num>\d{1,2})[ \t]*(?:[、．]|\.(?!\d))"
    r"|(?P<numparen>\d{1,2})[ \t]*[）)](?![ \t]*(?:年|學年))"
    r"|[（(][ \t]*(?P<pnum>\d{1,2})[ \t]*[）)](?![ \t]*(?:年|學年))"  # 本(94)年: a year
    r"|(?P<circ>[①-⑳])"
    r"|(?P<stem>[甲乙丙丁戊己庚辛壬癸])[ \t]*[、．.]"
    r"|(?P<alpha>[A-Za-z])[ \t]*[、．.](?=[ \t]*[\u4e00-\u9fff「])"
    r"|[（(](?P<palpha>[a-z])[）)]"
    r"|(?P<bullet>[-*•●○■◆▪·‧])(?=[ \t\u3000])"
    r")[ \t\u3000]*"
)
NUMBER_RE = re.compile("^" + _NUMBER, re.M)
# the same, searched newline first; the first characters of its alternatives:
_LEADS = rf"{_LEGAL}{_CN}（(㈠-㈩第報討審選提臨案\d①-⑳甲乙丙丁戊己庚辛壬癸A-Za-z\-*•●○■◆▪·‧"
NUMBER_LINES = LinePattern(_NUMBER, leads=_LEADS)
# Parenthesised and enclosed forms of one numeral are one style.
_STYLE_OF_GROUP = {"ccn": "pcn", "agenda2": "agenda", "agenda3": "agenda"}
UNSEEN = object()  # a value not computed yet


@dataclass(eq=False, slots=True)
class Node:
    label: str  # the bare numeral as written: 壹, 一, 1; "-" for a bullet
    style: str
    start: int  # where the number begins
    body: int  # where the text after the number begins
    line_end: int
    depth: int = 0
    end: int = 0  # end of the node's own text and its children's
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    # sections.case_head outside and inside tracking records, once computed
    case_heads: tuple[object, object] = field(default=(UNSEEN, UNSEEN), repr=False)

    @property
    def path(self) -> list[str]:
        labels, node = [], self
        while node is not None:
            labels.append(node.label)
            node = node.parent
        return labels[::-1]

    @property
    def own_end(self) -> int:
        """End of the text before the first child."""
        return self.children[0].start if self.children else self.end


def numbered_lines(shadow: str, start: int, end: int) -> list[Node]:
    nodes = []
    for line_start, match in _number_lines(shadow, start, end):
        group = match.lastgroup or "bullet"
        body = match.end()
        line_end = shadow.find("\n", body, end)
        line_end = end if line_end < 0 else line_end
        if group == "bullet":
            if not shadow[body:line_end].strip():
                continue
            label = "-"
        else:
            label = match.group(group)
        start_at = line_start
        if shadow[line_start] in " \t\u3000":  # most numbers begin their line
            whole = shadow[line_start:body]
            start_at += len(whole) - len(whole.lstrip(" \t\u3000"))
        nodes.append(Node(label, _STYLE_OF_GROUP.get(group, group), start_at, body, line_end))
    return nodes


def _number_lines(shadow: str, start: int, end: int) -> list[tuple[int, re.Match[str]]]:
    """NUMBER_LINES.finditer as a list, built by a comprehension: the lines of an
    archive are many, and a generator's step per line costs more than the search."""
    first = None
    if start == 0 or shadow[start - 1] == "\n":
        first = NUMBER_LINES.at_start.match(shadow, start, end)
    rest = NUMBER_LINES.after_newline.finditer(shadow, first.end() if first else start, end)
    found = [(match.start() + 1, match) for match in rest]  # after the newline it begins with
    if first:
        found.insert(0, (start, first))
    return found


def release(nodes: list[Node]) -> None:
    """Break the parent/child cycles of a record's tree once it is read, so that its
    nodes are freed at once: the cyclic collector is paused while reading."""
    for node in nodes:
        node.parent = None


def build_tree(nodes: list[Node], end: int) -> list[Node]:
    """Give depths by order of appearance of styles; return the top-level nodes."""
    styles: list[str] = []
    stack: list[Node] = []
    roots: list[Node] = []
    for node in nodes:
        if node.style in styles:
            del styles[styles.index(node.style) + 1 :]
        else:
            styles.append(node.style)
        node.depth = len(styles) - 1
        while stack and stack[-1].depth >= node.depth:
            stack.pop().end = node.start
        if stack:
            node.parent = stack[-1]
            stack[-1].children.append(node)
        else:
            roots.append(node)
        stack.append(node)
    for node in stack:
        node.end = end
    return roots
