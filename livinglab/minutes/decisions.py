"""Decision items of any body's record, found over its lines and numbered entries.

What makes an item, strongest first:

- a decision label at a line start (決議 / 決定 / 裁示 / 主席裁示 / 主席指示 / 結論 /
  議決 / 大會決議 / 二讀決議 …, spaced or not, with a colon, a cell end, blanks or
  nothing after it): its value on the same line, or on the following line(s); where
  the value is a list (一、… 二、…), each entry is an item of its own. A label alone
  that heads a part (主席裁示事項：) works the same way. The item's path is that of
  the agenda entry the label stands in (報告事項四 → its number, not its sub-points').
- a report entry that carries its decision at its end (…准予備查, （確認通過）).
- where a record has no label at all: a title that names the decision part (…縣長
  裁示事項) makes its numbered entries items; the points of a chair's report phrased
  as directions (請…, 應…); a line that is only a resolution (照案通過。); prose
  sentences that report a decision (決議…, 裁示：…).

審查意見, 說明, 案由 and the like are never items; a decision quoted inside them is
not at a line start and is not found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numbering import NUMBER_RE, Node
from .sections import _Walk, case_head
from .tables import Row, row_number, table_rows

_S = r"[ \t\u3000]*"
_WHO = r"(?:主席|縣長|市長|副市長|議長|校長|主委|召集人|主任委員|院長|會長|部長|署長|局長|處長)"
_TERM = (
    rf"決{_S}議(?:文)?|決{_S}定|裁{_S}示|指{_S}示|結{_S}論|議{_S}決(?:文)?"
    rf"|裁{_S}[（(]?{_S}指{_S}[)）]?{_S}示|指{_S}[（(]?{_S}裁{_S}[)）]?{_S}示"
)
_LABEL_WORDS = rf"(?:會議|大會|二讀|三讀|委員會|本會|本案)?{_WHO}?(?:{_TERM})(?:事項|內容|事宜)?"
_BULLET = (
    r"(?:[-•●○◆▪·*][ \t\u3000]*"
    r"|(?:[壹貳參叁肆伍陸柒捌玖拾]{1,3}|[一二三四五六七八九十]{1,3}|\d{1,2})[ \t\u3000]*[、.．][ \t\u3000]*"
    r"|[（(][一二三四五六七八九十\d]{1,2}[）)][ \t\u3000]*)?"
)
_MARK = r"(?:[-•●○◆▪·*][ \t\u3000]*)?"
# A decision label at a line start, after a list number or bullet.
_LABEL = re.compile(
    rf"^{_S}{_BULLET}(?P<label>{_LABEL_WORDS}){_S}(?P<sep>[：:]|\||$|[ \t\u3000]+(?=\S))"
    rf"|^[ \t\u3000]{{1,}}(?P<damaged>議)[ \t]*[：:]",  # 決議 with its first character lost
    re.M,
)
# Labels of parts that are not decisions: they end a decision's text.
_OTHER_LABEL = re.compile(
    rf"^{_S}{_MARK}(?:(?:委員會)?審{_S}查{_S}意{_S}見|說{_S}明|案{_S}由|辦{_S}法|理{_S}由"
    rf"|提{_S}案{_S}人|連{_S}署{_S}人|附{_S}署{_S}人|類{_S}別|案{_S}號|備{_S}註|附{_S}件"
    rf"|報告單位|提案單位|執行情形|辦理情形|補充說明|散{_S}會|臨時動議|主席致詞|出席|列席"
    rf"|(?:報告|討論|審議|選舉|提案)事項|[^\s：:，。、]{{0,8}}(?:日期|會次|文號|字號|屆次|附件))"
    rf"{_S}(?:[：:|]|$|[ \t\u3000]+(?=\S))",
    re.M,
)
_OTHER_LABEL_AT = re.compile(_OTHER_LABEL.pattern.removeprefix("^"), re.M)
# A short key: value line (決議大會屆次：…) or a bare date, skipped before a value.
_KEY_LINE = re.compile(
    r"^[ \t\u3000]*(?:[^\s：:，,。]{2,10}[：:][^\n]{0,40}|[\d/\-.年月日 ]{6,20})[ \t\u3000]*$"
)
_LINE_OF_NUMBER = re.compile(r"[ \t\u3000]*")
# Report entries that carry their decision (convention: an item).
_FORMULA = re.compile(
    r"准予備查|同意備查|確認通過|洽悉|提下次會議討論|照案通過|同意結案|先行結案|予以結案"
)
_ONLY_FORMULA = re.compile(
    r"^[ \t\u3000]*(?:(?:照案|原案|修正|照審查意見)?通過|洽悉|准予備查|同意備查|同意結案)[。.]?[ \t\u3000]*$",
    re.M,
)
_TITLE_PART = re.compile(rf"{_WHO}?(?:裁示|指示|決議|結論|決定)(?:事項|內容)")
_CHAIR_REPORT = re.compile(r"(?:主席|校長|會長|首長)(?:報告|致詞|提示)")
_DIRECTION = re.compile(r"請(?<![申邀聲]請)|應(?![用該有徵])|責成|責請|務必")
# A record cut before its decision label (a gazette page that starts mid-list): the
# entries phrased as directions of the chair or the body are its decisions.
_DIRECTIVE = re.compile(
    r"請(?<![申邀聲]請)|應(?![用該有徵])|責成|責請|務必|[須需](?![要求知])|研議|據以"
    r"|可(?:與|研議|考慮|考量|評估|結合|配合|朝)"
)
# A speaker's remarks over the entries that follow (李局長補充說明：, 委員建議：).
_REMARKS = re.compile(
    r"^[^\n：:，。]{0,24}(?:補充說明|補充建議|補充報告|說明|建議|報告|表示|發言|意見)[ \t\u3000]*[：:][ \t\u3000]*$",
    re.M,
)
_RECORD_TITLE = re.compile(r"會議|紀錄|記錄|會報|議事錄|會談")
_HEAD_LINE = re.compile(r"^[^\n]{1,30}[：:][ \t\u3000]*$", re.M)
_PROSE_LABEL = re.compile(r"(?:裁示|決議|決定|議決|結論)(?:[：:，,為]|(?=[就請同照通]))")
# Words that introduce a decision's list: 如下：, 決議如下, 請各單位：.
_INTRO = re.compile(r"^[^。；;\n]{0,30}[：:]$|^[^。；;\n]{0,20}如下[。]?$")
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")


@dataclass(slots=True)
class Found:
    """An item found: its text span, its path's parent entry and label, and cues."""

    start: int
    end: int
    parent: Node | None  # the entry its path hangs under
    label: str | None  # its own list label (一, 1) or None
    cues: list[str] = field(default_factory=list)
    confidence: float = 0.5
    labels: list[str] = field(default_factory=list)  # labels between parent and label
    heading: Node | None = None  # the entry whose text heads it (else parent)
    entry: tuple[int, int] | None = None  # the agenda entry a label's decision ends
    columns: dict[str, str] | None = None  # a table row's other cells, by column kind


def find_items(
    shadow: str,
    nodes: list[Node],
    start: int,
    end: int,
    title: str | None,
    tables_only: bool = False,
) -> list[Found]:
    """Decision items of ``shadow[start:end]`` (nodes: its numbered entries, in a tree);
    only those of its tables if ``tables_only``."""
    rows = table_rows(shadow, start, end)
    found = [_row_item(shadow, row) for row in rows]
    if tables_only:
        return found
    finder = _Finder(shadow, nodes, start, end)
    if rows:
        spans = [(row.start, row.end) for row in rows]
        finder.labels = [
            m for m in finder.labels if not any(a <= m.start() + 1 < b for a, b in spans)
        ]
    found += finder.labelled()
    found += finder.report_formulas(found)
    if not found:
        found = finder.whole_part(title) or finder.directions() or finder.bare_formulas()
    if not found:
        found = finder.prose()
    if not found and title and _RECORD_TITLE.search(title):
        found = finder.directives()
    found = [f for f in found if f.end > f.start]  # a label's empty point: nothing decided
    found.sort(key=lambda f: f.start)
    return _distinct(found)


def _row_item(shadow: str, row: Row) -> Found:
    """A table row's decision: from its decision cell to the row's end (the cells
    after it, an agency or a date, are part of what it decides)."""
    cell = row.cells[row.columns["decision"]]  # table_rows keeps rows with one
    start = (
        cell.start
        + len(shadow[cell.start : cell.end])
        - len(shadow[cell.start : cell.end].lstrip(" \t\u3000"))
    )
    columns = {
        kind: row.cell(kind).text(shadow)  # type: ignore[union-attr]
        for kind in ("case", "lead", "supporting", "deadline")
        if row.cell(kind) is not None
    }
    found = Found(start, _trim(shadow, start, row.end), None, row_number(shadow, row))
    found.cues = ["table-row", "column:決議"]
    found.confidence = 0.85
    found.columns = columns
    return found


def _distinct(found: list[Found]) -> list[Found]:
    kept: list[Found] = []
    for item in found:
        if kept and item.start == kept[-1].start:
            continue
        kept.append(item)
    return kept


class _Finder:
    def __init__(self, shadow: str, nodes: list[Node], start: int, end: int) -> None:
        self.shadow, self.nodes, self.start, self.end = shadow, nodes, start, end
        self.starts = {n.start: n for n in nodes}
        self.line_starts = {}
        for n in nodes:
            self.line_starts[shadow.rfind("\n", 0, n.start) + 1] = n
        self.labels = [m for m in _LABEL.finditer(shadow, start, end) if self._real(m)]
        self.others = [m.start() for m in _OTHER_LABEL.finditer(shadow, start, end)]

    def _real(self, match: re.Match[str]) -> bool:
        # 決議 after a list number: the line's own number is fine; a label inside a
        # sentence is not at a line start and never matches.
        return True

    # -- labels ---------------------------------------------------------------------
    def labelled(self) -> list[Found]:
        found: list[Found] = []
        bounds = [m.start() for m in self.labels] + self.others
        bounds.sort()
        since = self.start  # where the parts of the entry a label ends may begin
        for match in self.labels:
            found += self._label_items(match, bounds, since)
            since = _line_end(self.shadow, match.end(), self.end)
        return found

    def _label_items(self, match: re.Match[str], bounds: list[int], since: int) -> list[Found]:
        shadow = self.shadow
        line_start = match.start()
        if shadow[line_start] == "\n":
            line_start += 1
        own = self.line_starts.get(line_start)  # the label's line is numbered itself
        enclosing = own or self._owner(line_start)
        agenda = _agenda_of(enclosing)
        word = re.sub(r"\s", "", match.group("label") or "決議")
        cue = f"label:{word}"
        line_end = _line_end(shadow, match.end(), self.end)
        inline = shadow[match.end() : line_end].strip(" \t\u3000|")
        limit = agenda.end if agenda is not None else self.end
        if own is not None and own is not agenda:
            limit = own.end
        if own is not None and not inline and own.end <= line_end + 1:
            limit = self._next_bound(own)  # 「- 大會決議」 then 「- 照審查意見通過。」
        if inline:
            body = (
                match.end()
                + len(shadow[match.end() : line_end])
                - len(shadow[match.end() : line_end].lstrip(" \t\u3000|"))
            )
        else:
            body = self._skip_keys(line_end, limit)
        if own is None and enclosing is not None and self._list_follows(body, enclosing):
            # 「決議：一、…；二、…」 numbered as the agenda entries themselves: its points
            # run on past the entry (up to one followed by a decision of its own)
            limit = enclosing.parent.end if enclosing.parent is not None else self.end
        stop = min([b for b in bounds if b >= body and b > line_start] + [limit, self.end])
        if body >= stop:
            return []
        parent = agenda if agenda is not None else enclosing
        points = self._points(body, stop, inline_number=bool(inline))
        base = [cue, "numbering" if parent is not None and parent.style != "bullet" else "bullet"]
        if "|" in shadow[line_start:line_end] or "\t" in shadow[line_start:line_end]:
            base.append("table-row")
        over = agenda if agenda is not own else (own.parent if own is not None else None)
        if own is not None and own.style in ("agenda", "case"):
            over = own  # 「案號：19」 … 「議決：通過」 on the entry's own line
        # where no entry holds the label (a proposal's parts as bullets or unnumbered
        # lines), its parts are those since the previous decision, and those after it
        # up to the next decision or numbered entry (a database record's review)
        entry = (over.start, over.end) if over is not None else (since, self._next_entry(line_end))
        if points:
            found = []
            for a, b, label in points:
                found += self._point_items(a, b, label, parent, [*base, "numbering"], entry)
            return found
        text_end = _trim(shadow, body, stop)
        if text_end <= body:
            return []
        return [Found(body, text_end, parent, None, base, 0.9, entry=entry)]

    def _point_items(
        self,
        start: int,
        end: int,
        label: str,
        parent: Node | None,
        cues: list[str],
        entry: tuple[int, int] | None = None,
    ) -> list[Found]:
        """A decision's list entry, or its leaves where it is a heading over points
        (unless it names a case: then it takes them with it)."""
        node = self._node_with_body(start)
        if node is None or not node.children:
            return [Found(start, end, parent, label, cues, 0.85, entry=entry)]
        head = case_head(self.shadow, node, False)
        chosen: list[tuple[Node, Node | None]] = []
        if head is None or head.endswith("專案"):  # a topic over points: its leaves
            chosen = [(leaf, None) for leaf in _leaves(node)]
        else:  # a case heading takes its points with it, unless they name cases
            _Walk(self.shadow, False, chosen).choose(node, None)
        found = []
        for leaf, _ in chosen:
            labels, current = [], leaf.parent
            while current is not None and current is not node:
                labels.append(current.label)
                current = current.parent
            if leaf is node:
                found.append(Found(start, end, parent, label, cues, 0.85))
                continue
            leaf_end = _trim(self.shadow, leaf.body, min(leaf.end, end))
            found.append(
                Found(
                    leaf.body,
                    leaf_end,
                    parent,
                    leaf.label,
                    cues,
                    0.8,
                    [label, *labels[::-1]],
                    leaf.parent,
                )
            )
        return found

    def _node_with_body(self, body: int) -> Node | None:
        for node in self.nodes:
            if node.body == body:
                return node
        return None

    def _next_entry(self, position: int) -> int:
        """Start of the next decision label or numbered entry after ``position``."""
        starts = [m.start() for m in self.labels if m.start() >= position]
        starts += [n.start for n in self.nodes if n.start >= position]
        return min(starts, default=self.end)

    def _next_bound(self, node: Node) -> int:
        """End of the entry after ``node`` (its value, a line of its own)."""
        after = [n for n in self.nodes if n.start >= node.end]
        return after[0].end if after else self.end

    def _owner(self, position: int) -> Node | None:
        """The entry a label stands in: the deepest one around it, less those indented
        deeper than the label's line (a list inside the entry's 案由)."""
        node = self._enclosing(position)
        indent = _indent(self.shadow, position)
        while (
            node is not None
            and node.parent is not None
            and _indent(self.shadow, node.start) > indent
        ):
            node = node.parent
        # 「(四)…」 in a 說明, then 「辦法：」, then 「決議」: the point's part ended at the
        # label after it; the decision belongs to the entry over the parts
        while node is not None and node.style not in ("agenda", "case"):
            if _OTHER_LABEL_AT.match(self.shadow, node.body, node.line_end):
                break  # 「一、提案人：…」: the entry of a proposal, headed by its parts
            if not any(node.start < at < position for at in self.others):
                break
            node = node.parent
        return node

    def _list_follows(self, body: int, enclosing: Node) -> bool:
        first = NUMBER_RE.match(self.shadow, body)
        if not first or first.lastgroup is None:
            return False
        style = {"ccn": "pcn"}.get(first.lastgroup, first.lastgroup)
        return (
            style == enclosing.style and enclosing.end <= _line_end(self.shadow, body, self.end) + 1
        )

    def _enclosing(self, position: int) -> Node | None:
        best = None
        for node in self.nodes:
            if node.start <= position < node.end:
                best = node
            elif node.start > position:
                break
        return best

    def _skip_keys(self, position: int, stop: int) -> int:
        """The first line after ``position`` that is not a key: value or a date."""
        at = position
        while at < stop:
            if self.shadow[at] == "\n":
                at += 1
                continue
            line_end = _line_end(self.shadow, at, stop)
            line = self.shadow[at:line_end]
            if not line.strip():
                at = line_end
                continue
            if _KEY_LINE.match(line) and not NUMBER_RE.match(line):
                at = line_end
                continue
            return at + len(line) - len(line.lstrip(" \t\u3000"))
        return stop

    def _points(self, body: int, stop: int, inline_number: bool) -> list[tuple[int, int, str]]:
        """(start, end, label) of a decision's list entries (一、… 二、…), if it is one."""
        shadow = self.shadow
        numbered = []
        first = NUMBER_RE.match(shadow, body, stop)
        if (
            first
            and first.lastgroup not in (None, "bullet")
            and first.end() > body
            and body not in self.starts
        ):
            numbered.append((body, first.lastgroup, first.group(first.lastgroup), first.end()))
        for node in self.nodes:
            if body <= node.start < stop:
                numbered.append((node.start, node.style, node.label, node.body))
        if not numbered:
            return []
        intro = shadow[body : numbered[0][0]].strip()
        if intro and not _INTRO.match(intro):
            return []  # a decision in words, then entries of its own (the next case)
        style = numbered[0][1]
        if style in ("agenda", "case"):
            return []
        tops = [n for n in numbered if n[1] == style]
        points = []
        for index, (at, _, label, text_at) in enumerate(tops):
            until = tops[index + 1][0] if index + 1 < len(tops) else stop
            inner = [m for m in self.labels if at < m.start() < until]
            if inner:
                break  # 「三、…案；決議：…」: the next case, not a third point
            points.append((text_at, _trim(shadow, text_at, until), label))
        return points

    # -- reports that carry their decision ----------------------------------------------
    def report_formulas(self, found: list[Found]) -> list[Found]:
        taken = [(f.start, f.end) for f in found]
        extra = []
        for node in self.nodes:
            if node.children and node.style != "legal":
                continue
            own_end = node.own_end
            if any(a <= node.body < b or node.start <= a < own_end for a, b in taken):
                continue
            text = self.shadow[node.body : own_end]
            if node.style == "legal":
                head = text.split("\n", 1)[0]
                if not re.search(r"[（(][^）)]*(?:通過|洽悉|備查)[^）)]*[）)]", head):
                    continue
                extra.append(
                    Found(
                        node.body,
                        _trim(self.shadow, node.body, node.body + len(head)),
                        node.parent,
                        node.label,
                        ["numbering", "formula"],
                        0.6,
                    )
                )
                continue
            if _FORMULA.search(text):
                extra.append(
                    Found(
                        node.body,
                        _trim(self.shadow, node.body, own_end),
                        node.parent,
                        node.label,
                        ["numbering", "formula"],
                        0.6,
                    )
                )
        return extra

    # -- records without labels ------------------------------------------------------
    def whole_part(self, title: str | None) -> list[Found]:
        """A record whose title names the decision part (…縣長裁示事項)."""
        head = self.shadow[self.start : self.start + 200].split("\n")
        named = (title and _TITLE_PART.search(title)) or any(
            _TITLE_PART.search(line) for line in head[:3]
        )
        if not named:
            return []
        chosen: list[tuple[Node, Node | None]] = []
        walk = _Walk(self.shadow, False, chosen)
        for root in (n for n in self.nodes if n.parent is None):
            walk.choose(root, None)
        return [
            Found(
                n.body,
                _trim(self.shadow, n.body, n.own_end if n.children else n.end),
                n.parent,
                n.label,
                ["title:裁示事項", "numbering"],
                0.7,
            )
            for n, _ in chosen
        ]

    def directions(self) -> list[Found]:
        """Points phrased as directions in a chair's report (請…, 應…)."""
        found = []
        for node in self.nodes:
            if node.children:
                continue
            heads = _ancestors(node)
            if not any(_CHAIR_REPORT.search(self.shadow[h.body : h.line_end]) for h in heads):
                continue
            text = self.shadow[node.body : node.own_end]
            if _DIRECTION.search(text):
                found.append(
                    Found(
                        node.body,
                        _trim(self.shadow, node.body, node.own_end),
                        node.parent,
                        node.label,
                        ["numbering", "direction"],
                        0.5,
                    )
                )
        return found

    def directives(self) -> list[Found]:
        """Last resort: numbered entries phrased as directions (請…, 應…, 須…, 可研議…),
        except a speaker's remarks (李局長補充說明：(一)…)."""
        found = []
        for node in self.nodes:
            if node.style in ("agenda", "case", "bullet"):
                continue
            text = self.shadow[node.body : node.own_end]
            if not _DIRECTIVE.search(text) or self._in_remarks(node):
                continue
            found.append(
                Found(
                    node.body,
                    _trim(self.shadow, node.body, node.own_end),
                    node.parent,
                    node.label,
                    ["numbering", "direction"],
                    0.4,
                )
            )
        return found

    def _in_remarks(self, node: Node) -> bool:
        """Whether the last unnumbered line ending in a colon before the entry (since
        its parent began) introduces a speaker's remarks."""
        since = node.parent.body if node.parent is not None else self.start
        last = None
        for match in _HEAD_LINE.finditer(self.shadow, since, node.start):
            if match.start() not in self.line_starts:
                last = match
        return last is not None and _REMARKS.match(last.group()) is not None

    def bare_formulas(self) -> list[Found]:
        return [
            Found(
                m.start() + len(m.group()) - len(m.group().lstrip()),
                _trim(self.shadow, m.start(), m.end()),
                None,
                None,
                ["formula"],
                0.5,
            )
            for m in _ONLY_FORMULA.finditer(self.shadow, self.start, self.end)
        ]

    def prose(self) -> list[Found]:
        """Sentences of prose that report a decision or give a direction."""
        found = []
        for sentence in _SENTENCE.finditer(self.shadow, self.start, self.end):
            text = sentence.group()
            label = _PROSE_LABEL.search(text)
            if label:
                found.append(
                    Found(
                        sentence.start() + label.end(),
                        _trim(self.shadow, sentence.start(), sentence.end()),
                        None,
                        None,
                        ["prose", f"label:{label.group()[:2]}"],
                        0.4,
                    )
                )
            elif _DIRECTION.search(text) and len(text) > 12 and found:
                found.append(
                    Found(
                        sentence.start() + len(text) - len(text.lstrip()),
                        _trim(self.shadow, sentence.start(), sentence.end()),
                        None,
                        None,
                        ["prose"],
                        0.3,
                    )
                )
        return found


def _agenda_of(node: Node | None) -> Node | None:
    """The agenda entry (報告事項四, 案號：19, 第一案) over ``node``, else ``node``."""
    current = node
    while current is not None:
        if current.style in ("agenda", "case"):
            return current
        current = current.parent
    return node


def _leaves(node: Node) -> list[Node]:
    if not node.children:
        return [node]
    return [leaf for child in node.children for leaf in _leaves(child)]


def _indent(text: str, position: int) -> int:
    line_start = text.rfind("\n", 0, position) + 1
    line = text[line_start:position]
    return len(line) - len(line.lstrip(" \t\u3000"))


def _ancestors(node: Node) -> list[Node]:
    found, current = [], node.parent
    while current is not None:
        found.append(current)
        current = current.parent
    return found


def _line_end(text: str, position: int, end: int) -> int:
    found = text.find("\n", position, end)
    return end if found < 0 else found


def _first_text(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\u3000\n":
        position += 1
    return position


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n\u3000|":
        end -= 1
    return end
