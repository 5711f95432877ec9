"""Which entries of a record are decision items.

Decision parts (會議結論, 決議, 主席裁示, 指（裁）示事項, 決定事項 …) are told apart from
report-only parts by their headings; agenda items that carry their own 決議：/決定：
line are decision items too. Inside a decision part, one item per entry at the level
where a case or a directive is stated: an entry headed by a case name takes its
sub-entries with it; otherwise the leaves are the items.
"""

from __future__ import annotations

import re

from .numbering import Node

_TERM = r"(?:結論|決議|決定|裁示|指示|提示|裁\s*[（(]?\s*指\s*[)）]?\s*示|指\s*[（(]?\s*裁\s*[)）]?\s*示)"
_DECISION_HEAD = re.compile(rf"{_TERM}(?:事項)?\s*$|列管")
# An unnumbered line that heads what follows: 「會議結論：」, 「報告事項」, 「散會：…」.
_LOOSE_HEADING = re.compile(
    r"^[ \t\u3000]*(?P<head>[^\s：:，,。；;、]{2,16})[ \t\u3000]*[：:]?[ \t\u3000]*$"
    r"|^[ \t\u3000]*(?P<close>散\s*會|臨時動議)",
    re.M,
)
_INLINE_DECISION = re.compile(
    rf"^[ \t\u3000]*(?:本案)?(?:會議|大會)?(?:主席|市長|副市長|主委|召集人|主任委員)?{_TERM}(?:事項)?[ \t\u3000]*[：:]",
    re.M,
)
_HEAD_END = re.compile(r"[：:。\n]")
# "電競產業推動合作案：…", "「名稱」（原…）：": a short head before a colon names a case.
_CASE_HEAD = re.compile(r"[ \t\u3000]*[^，,。；;：:\n]{2,100}[：:]")
_GENERIC_HEAD = re.compile(
    r"^(?:說明|決議|結論|決定|備註|附註|補充說明|理由|辦理情形|案由|主席裁示|裁示|指示|提案單位|"
    r"提案人|主辦單位|協辦單位|會議結論|會議決議|主席|執行情形|建議|回應|附件)"
)
_NOT_A_NAME = ("請", "本案", "因", "另", "為", "有關", "經", "由", "如", "惟", "至於", "針對")
_COUNT = re.compile(r"\d+\s*案|[計共]\s*\d+|[一二三四五六七八九十]+\s*案[）)]")


def heading(shadow: str, node: Node) -> str:
    """The entry's first phrase: up to the first colon, full stop or line end."""
    text = shadow[node.body : node.own_end]
    match = _HEAD_END.search(text)
    return (text[: match.start()] if match else text).strip()


def is_decision_heading(shadow: str, node: Node) -> bool:
    head = heading(shadow, node)
    return len(head) <= 30 and bool(_DECISION_HEAD.search(head))


def decision_items(
    shadow: str, roots: list[Node], start: int, end: int
) -> list[tuple[Node, Node | None]]:
    """(item node, decision part it lies in) in document order."""
    found: list[tuple[Node, Node | None]] = []
    headings = _loose_headings(shadow, roots, start, end)
    for root in roots:
        under = _heading_over(headings, root.start)
        if under:
            _choose(shadow, root, None, found)
        else:
            _visit(shadow, root, found)
    return found


def _loose_headings(shadow: str, roots: list[Node], start: int, end: int) -> list[tuple[int, bool]]:
    """(offset, opens a decision part) of unnumbered headings between top-level entries."""
    inside = [(r.start, r.end) for r in roots]
    found = []
    for match in _LOOSE_HEADING.finditer(shadow, start, end):
        if any(a <= match.start() < b for a, b in inside):
            continue
        head = match.group("head") or ""
        found.append((match.start(), bool(head) and bool(_DECISION_HEAD.search(head))))
    return found


def _heading_over(headings: list[tuple[int, bool]], position: int) -> bool:
    above = [decides for offset, decides in headings if offset < position]
    return bool(above) and above[-1]


def _visit(shadow: str, node: Node, found: list[tuple[Node, Node | None]]) -> None:
    if is_decision_heading(shadow, node):
        _decision_part(shadow, node, found)
        return
    inline = _INLINE_DECISION.search(shadow, node.body, node.own_end)
    if inline:
        after = [c for c in node.children if c.start > inline.start()]
        if after and not _agenda_names_case(shadow, node):
            for child in after:
                _choose(shadow, child, node, found)
        else:
            found.append((node, node))
        return
    for child in node.children:
        _visit(shadow, child, found)


def _decision_part(shadow: str, part: Node, found: list[tuple[Node, Node | None]]) -> None:
    if not part.children:
        head = heading(shadow, part)
        rest = shadow[part.body : part.end].strip().removeprefix(head)
        if not rest.strip(" \t\n\u3000：:。"):
            return  # a decision heading with nothing under it decides nothing
        if part.parent is not None and len(head) <= 6:
            found.append((part.parent, part))  # 「（三）決議：照案通過」 decides its agenda item
        else:
            found.append((part, part))
        return
    for child in part.children:
        _choose(shadow, child, part, found)


def _choose(
    shadow: str, node: Node, part: Node | None, found: list[tuple[Node, Node | None]]
) -> None:
    if not node.children or (
        names_case(shadow, node) and not any(names_case(shadow, c) for c in node.children)
    ):
        found.append((node, part))
        return
    for child in node.children:
        _choose(shadow, child, part, found)


def case_head(shadow: str, node: Node) -> str | None:
    """The case name heading an entry (before its colon), or None."""
    return head_before_colon(shadow, node.body, node.own_end)


def head_before_colon(text: str, start: int = 0, end: int | None = None) -> str | None:
    """「電競產業推動合作案：…」 → 電競產業推動合作案; None for 說明：, 請…：."""
    match = _CASE_HEAD.match(text, start, len(text) if end is None else end)
    if not match:
        return None
    head = match.group()[:-1].strip()
    if _GENERIC_HEAD.match(head) or head.startswith(_NOT_A_NAME):
        return None
    return head


def names_case(shadow: str, node: Node) -> bool:
    head = case_head(shadow, node)
    return bool(head) and not is_category(head)  # type: ignore[arg-type]


def is_category(head: str) -> bool:
    """列管合作案（計7案）, 新增提案（2案）: a heading over several cases."""
    return bool(_COUNT.search(head))


def _agenda_names_case(shadow: str, node: Node) -> bool:
    """An agenda item with 案由 or a case head is decided as a whole."""
    own = shadow[node.body : node.own_end]
    return "案由" in own or names_case(shadow, node)
