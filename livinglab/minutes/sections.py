"""Which entries of a record are decision items.

Decision parts (會議結論, 決議, 主席裁示, 指（裁）示事項, 決定事項 …) are told apart from
report-only parts by their headings; agenda items that carry their own 決議：/決定：
line are decision items too. Inside a decision part, one item per entry at the level
where a case or a directive is stated: an entry headed by a case name takes its
sub-entries with it, whatever their numbering and whether or not their first words
end in a colon (「1. 活動規劃：…」 is a point of the case, not another case); an
entry headed by a category (列管合作案（計5案）, 持續合作案, 交通類) does not; otherwise
the leaves are the items.

A heading names a case when it ends in 案 or is quoted (「…」), or, in a tracking
record (one whose text speaks of 列管, 解列 or 合作案), whenever it is not a category
or a generic word (說明, 決議 …): directive records name topics before a colon
(「算力補助機制：請…」), tracking records name their cases that way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lines import LinePattern
from .numbering import UNSEEN, Node

_TERM = r"(?:結論|決議|決定|裁示|指示|提示|裁\s*[（(]?\s*指\s*[)）]?\s*示|指\s*[（(]?\s*裁\s*[)）]?\s*示)"
_DECISION_HEAD = re.compile(rf"{_TERM}(?:事項)?\s*$|列管")
# An unnumbered line that heads what follows: 「會議結論：」, 「報告事項」, 「散會：…」.
_LOOSE_HEADING = LinePattern(
    r"[ \t\u3000]*(?P<head>[^\s：:，,。；;、]{2,16})[ \t\u3000]*[：:]?[ \t\u3000]*$"
    r"|[ \t\u3000]*(?P<close>散\s*會|臨時動議)"
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
# 持續合作案, 研擬新增合作提案, 列管案件, 交通類: headings over several cases.
_CATEGORY = re.compile(
    r"(?:列管|持續|繼續|延續|既有|新增|解列|解除列管|結案|討論|報告)[^「」]{0,4}"
    r"(?:案|案件|提案|事項|項目)$|類(?:別)?$"
)
_TRACKING = re.compile(r"列管|解列|合作案")
_TRAILING_NOTE = re.compile(r"[（(][^（）()]{0,40}[）)]$")  # （原雙北合作案）
_QUOTED_NAME = re.compile(r"^[「『][^」』]{2,80}[」』]")
# 一、市有閒置空間活化案。（地政局）: the name, a full stop, the agency in charge.
_HEADING_LINE = re.compile(
    r"[ \t\u3000]*([^，,。；;：:\n]{2,60}?)[ \t\u3000]*。?"
    r"(?:[ \t\u3000]*[（(][^（）()\n]{1,30}[）)])?[ \t\u3000]*(?:\n|$)"
)


def heading(shadow: str, node: Node) -> str:
    """The entry's first phrase: up to the first colon, full stop or line end."""
    end = node.own_end
    match = _HEAD_END.search(shadow, node.body, end)
    return shadow[node.body : match.start() if match else end].strip()


def is_decision_heading(shadow: str, node: Node) -> bool:
    head = heading(shadow, node)
    return len(head) <= 30 and bool(_DECISION_HEAD.search(head))


def is_tracking_record(shadow: str, start: int, end: int) -> bool:
    """A record that tracks cases (列管, 解列, 合作案) names them before a colon."""
    return _TRACKING.search(shadow, start, end) is not None


def decision_items(
    shadow: str, roots: list[Node], start: int, end: int, tracking: bool = True
) -> list[tuple[Node, Node | None]]:
    """(item node, decision part it lies in) in document order."""
    found: list[tuple[Node, Node | None]] = []
    headings = _loose_headings(shadow, roots, start, end)
    walk = _Walk(shadow, tracking, found)
    for root in roots:
        under = _heading_over(headings, root.start)
        if under:
            walk.choose(root, None)
        else:
            walk.visit(root)
    return found


def _loose_headings(shadow: str, roots: list[Node], start: int, end: int) -> list[tuple[int, bool]]:
    """(offset, opens a decision part) of unnumbered headings outside the top-level
    entries. Each entry runs to the next (see numbering.build_tree), so only the
    text before the first can hold one."""
    found = []
    for at, match in _LOOSE_HEADING.finditer(shadow, start, roots[0].start if roots else end):
        head = match.group("head") or ""
        found.append((at, bool(head) and bool(_DECISION_HEAD.search(head))))
    return found


def _heading_over(headings: list[tuple[int, bool]], position: int) -> bool:
    above = [decides for offset, decides in headings if offset < position]
    return bool(above) and above[-1]


class _Walk:
    """The walk down a record's tree that picks its decision items."""

    def __init__(self, shadow: str, tracking: bool, found: list[tuple[Node, Node | None]]):
        self.shadow, self.tracking, self.found = shadow, tracking, found

    def visit(self, node: Node) -> None:
        shadow = self.shadow
        if is_decision_heading(shadow, node):
            self.decision_part(node)
            return
        own_end = node.own_end
        # A 決議： line begins a line after the number's: none if the text is one line.
        has_lines = shadow.find("\n", node.body, own_end) >= 0
        inline = has_lines and _INLINE_DECISION.search(shadow, node.body, own_end)
        if inline:
            after = [c for c in node.children if c.start > inline.start()]
            if after and not _agenda_names_case(shadow, node, self.tracking):
                for child in after:
                    self.choose(child, node)
            else:
                self.found.append((node, node))
            return
        for child in node.children:
            self.visit(child)

    def decision_part(self, part: Node) -> None:
        if not part.children:
            head = heading(self.shadow, part)
            rest = self.shadow[part.body : part.end].strip().removeprefix(head)
            if not rest.strip(" \t\n\u3000：:。"):
                return  # a decision heading with nothing under it decides nothing
            if part.parent is not None and len(head) <= 6:
                self.found.append((part.parent, part))  # 「（三）決議：照案通過」
            else:
                self.found.append((part, part))
            return
        for child in part.children:
            self.choose(child, part)

    def choose(self, node: Node, part: Node | None) -> None:
        if not node.children or self._takes_children(node):
            self.found.append((node, part))
            return
        for child in node.children:
            self.choose(child, part)

    def _takes_children(self, node: Node) -> bool:
        """A case heading takes its sub-entries, unless they name cases of their own
        and it names none for certain (a topic over cases)."""
        head = case_head(self.shadow, node, self.tracking)
        if head is None or is_category(head):
            return False
        if is_strong_name(head):
            return True
        return not any(
            is_strong_name(case_head(self.shadow, child, True) or "") for child in node.children
        )


def case_head(shadow: str, node: Node, tracking: bool = True) -> str | None:
    """The case name heading an entry (before its colon, or a line over its
    sub-entries), or None. The walk, the case reader and the status reader all ask
    it of the same entries: it is kept on the node."""
    heads = node.case_heads
    known = heads[tracking]
    if known is UNSEEN:
        known = _case_head(shadow, node, tracking)
        node.case_heads = (heads[0], known) if tracking else (known, heads[1])
    return known  # type: ignore[return-value]


def _case_head(shadow: str, node: Node, tracking: bool) -> str | None:
    head = head_before_colon(shadow, node.body, node.own_end)
    if head is None and node.children:
        line = _HEADING_LINE.match(shadow, node.body, node.own_end)
        if line and not shadow[line.end() : node.own_end].strip():
            head = line.group(1)
            if _GENERIC_HEAD.match(head) or head.startswith(_NOT_A_NAME):
                head = None
            elif not tracking and not is_strong_name(head):
                head = None
            elif tracking and not (is_strong_name(head) or _under_category(shadow, node)):
                head = None  # a line over directives: 一、關於交通改善
    if head is not None and not tracking and not is_strong_name(head):
        return None
    return head


@lru_cache(maxsize=4096)  # the heads of a record's entries are asked again and again
def is_strong_name(head: str) -> bool:
    """Named as a case in any record: ends in 案 (計畫案, 合作案), is quoted, or is
    merged (甲交流及乙參訪合併為丙)."""
    head = head.strip()
    core = _without_note(head)
    if core.endswith("案") and not is_category(head):
        return True
    return bool(_QUOTED_NAME.match(head)) or "合併" in head


def _under_category(shadow: str, node: Node) -> bool:
    parent = node.parent
    if parent is None:
        return False
    head = head_before_colon(shadow, parent.body, parent.own_end) or heading(shadow, parent)
    return is_category(head)


def head_before_colon(text: str, start: int = 0, end: int | None = None) -> str | None:
    """「電競產業推動合作案：…」 → 電競產業推動合作案; None for 說明：, 請…：."""
    match = _CASE_HEAD.match(text, start, len(text) if end is None else end)
    if not match:
        return None
    head = match.group()[:-1].strip()
    if _GENERIC_HEAD.match(head) or head.startswith(_NOT_A_NAME):
        return None
    return head


def names_case(shadow: str, node: Node, tracking: bool = True) -> bool:
    head = case_head(shadow, node, tracking)
    return bool(head) and not is_category(head)  # type: ignore[arg-type]


@lru_cache(maxsize=4096)  # as is_strong_name
def is_category(head: str) -> bool:
    """列管合作案（計7案）, 新增提案（2案）, 持續合作案, 交通類: a heading over several
    cases."""
    head = head.strip()
    if _COUNT.search(head):
        return True
    return bool(_CATEGORY.search(_without_note(head)))


def _without_note(head: str) -> str:
    """持續合作案（計2案） → 持續合作案."""
    return _TRAILING_NOTE.sub("", head).strip() if head.endswith(("）", ")")) else head


def _agenda_names_case(shadow: str, node: Node, tracking: bool) -> bool:
    """An agenda item with 案由 or a case head is decided as a whole."""
    own = shadow[node.body : node.own_end]
    return "案由" in own or names_case(shadow, node, tracking)
