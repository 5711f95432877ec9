"""read_minutes: from a file to meetings and their decision items."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import replace

from .agencies import AgencyDirectory
from .cases import item_cases
from .clean import shadow as make_shadow
from .collector import collections_paused
from .deadlines import first_deadline
from .decisions import Found, find_items
from .header import Header, fallback_header, find_headers, generic_header, mend_fields
from .layout import unfold
from .mentions import Context, assigned_agencies, find_agencies, meeting_context
from .model import Document, Item, Meeting
from .numbering import Node, build_tree, numbered_lines, release
from .reported import Reported, cut_points, owner, reported_meetings
from .sections import decision_items, is_decision_heading, is_tracking_record, names_case
from .source import load_text
from .statuses import item_status

_BLANKS = re.compile(r"[ \t\u3000][ \t\u3000]*")  # not "+": a set first, re skips in C
_TRAILING = " \t\n\u3000"  # blanks an item's or a record's span does not end with
_CUT_TRAILING = _TRAILING + "；;，,"  # and a piece cut before a mention, its clause stop
_LINE_BREAKS = re.compile(r"[ \t\u3000]*\n[ \t\u3000\n]*")


def read_minutes(
    source: str | os.PathLike[str] | bytes,
    *,
    filename: str | None = None,
    directory: AgencyDirectory | None = None,
    members: list[str] | None = None,
) -> Document:
    """Read a .txt/.docx/.odt/.pdf file (path or bytes); raise MinutesError if unreadable."""
    name, text = load_text(source, filename)
    return parse_text(text, name, directory=directory, members=members)


def parse_text(
    text: str,
    source: str = "<text>",
    *,
    directory: AgencyDirectory | None = None,
    members: list[str] | None = None,
) -> Document:
    """Read already decoded text (spans index into ``text``)."""
    with collections_paused():
        return _parse(text, source, directory or AgencyDirectory.default(), members)


def _parse(
    text: str, source: str, directory: AgencyDirectory, members: list[str] | None
) -> Document:
    shadow = unfold(make_shadow(text))
    headers = find_headers(shadow)
    if not headers:
        fallback = fallback_header(shadow) or generic_header(shadow)
        headers = [fallback] if fallback else []
    meetings = []
    for index, header in enumerate(headers):
        end = headers[index + 1].start if index + 1 < len(headers) else len(shadow)
        for meeting in _meetings(shadow, header, end, directory, members):
            if meeting.items or header.cues or not header.generic:
                meetings.append(meeting)
    return Document(source, text, meetings)


def _meetings(
    shadow: str, header: Header, end: int, directory: AgencyDirectory, members: list[str] | None
) -> list[Meeting]:
    """The meeting a header opens; or, where a text without a header of its own reports
    the meetings that decided (經…第9次工作會議，裁示：…), one meeting for each."""
    meeting = _meeting(shadow, header, end, directory, members)
    if header.values or not meeting.items:
        return [meeting]
    reported = reported_meetings(shadow, header.start, meeting.span[1])
    # a title line with a date (fallback_header) counts only where it is such a mention
    if not reported or not (header.generic or reported[0].start < header.fields_end):
        return [meeting]
    return _split_reported(shadow, meeting, reported, directory, members, header)


def _meeting(
    shadow: str,
    header: Header,
    end: int,
    directory: AgencyDirectory,
    members: list[str] | None,
    reported: list[Reported] | None = None,
) -> Meeting:
    end = _trim(shadow, header.start, end)
    mend_fields(shadow, header, end)
    nodes = numbered_lines(shadow, header.fields_start, end)
    roots = build_tree(nodes, end)
    location, chair = header.first("location"), header.first("chair")
    record = shadow[header.start : end]
    context = meeting_context(directory, location, chair, header.title, record, members)
    date = header.date
    tracking = is_tracking_record(shadow, header.fields_end, end)
    texts: dict[int, str] = {}  # own text of headings, shared by the items under them
    found = find_items(shadow, nodes, header.fields_end, end, header.title, tables_only=tracking)
    if reported:
        found = _cut_at_mentions(shadow, _mentioned(shadow, found, reported, nodes, end), reported)
    items = [_found_item(shadow, f, date, context, texts) for f in found]
    if not items:
        items = [
            _item(shadow, node, part, date, context, tracking, texts)
            for node, part in decision_items(shadow, roots, header.fields_end, end, tracking)
        ]
    release(nodes)
    return Meeting(
        title=header.title,
        date=date,
        time=header.time,
        location=location,
        chair=chair,
        recorder=header.first("recorder"),
        span=(header.start, end),
        items=items,
        confidence=header.confidence,
        cues=list(header.cues),
    )


def _split_reported(
    shadow: str,
    whole: Meeting,
    reported: list[Reported],
    directory: AgencyDirectory,
    members: list[str] | None,
    header: Header,
) -> list[Meeting]:
    """One meeting for each meeting the text reports, with the items after its mention."""
    read = _meeting(shadow, header, whole.span[1], directory, members, reported)
    groups: list[list[Item]] = [[] for _ in reported]
    for item in read.items:
        groups[owner(reported, *item.span)].append(item)
    meetings = []
    for index, (mention, items) in enumerate(zip(reported, groups, strict=True)):
        start = read.span[0] if index == 0 else mention.start
        stop = reported[index + 1].start if index + 1 < len(reported) else read.span[1]
        for item in items:  # the day it met is no deadline of what it decided
            if item.deadline is not None and item.deadline.date == mention.date:
                item.deadline = None
        meetings.append(
            Meeting(
                title=mention.title,
                date=mention.date,
                time=None,
                location=None,
                chair=None,
                recorder=None,
                span=(start, _trim(shadow, start, stop)),
                items=items,
                confidence=0.5,
                cues=["reported"],
            )
        )
    return meetings


def _mentioned(
    shadow: str, found: list[Found], reported: list[Reported], nodes: list[Node], end: int
) -> list[Found]:
    """The decision after each mention of a meeting that no item holds yet: from the
    mention to the end of its line (its entry's label where the entry opens with it)."""
    extra = []
    for mention in reported:
        if any(f.start <= mention.start < f.end for f in found):
            continue
        stop = shadow.find("\n", mention.end, end)
        stop = _trim(shadow, mention.start, end if stop < 0 else stop)
        entry = None
        for node in nodes:
            if node.start <= mention.start < node.end:
                entry = node  # the deepest: nodes are in document order
        if entry is not None and entry.body == mention.start:
            extra.append(Found(mention.start, stop, entry.parent, entry.label, ["reported"], 0.5))
        else:
            extra.append(Found(mention.start, stop, entry, None, ["reported"], 0.5))
    return sorted([*found, *extra], key=lambda f: f.start) if extra else found


def _cut_at_mentions(shadow: str, found: list[Found], reported: list[Reported]) -> list[Found]:
    """An item that runs on into the mention of the next meeting, cut before it."""
    cut: list[Found] = []
    for item in found:
        points = cut_points(reported, item.start, item.end)
        if not points:
            cut.append(item)
            continue
        start = item.start
        for at in [*points, item.end]:
            stop = at
            while stop > start and shadow[stop - 1] in _CUT_TRAILING:
                stop -= 1
            if stop > start:
                piece = replace(item, start=start, end=stop)
                if start != item.start:
                    piece.cues = [*item.cues, "reported"]
                cut.append(piece)
            start = at
    return cut


def _item(
    shadow: str,
    node: Node,
    part: Node | None,
    date: object,
    context: Context,
    tracking: bool,
    texts: dict[int, str],
) -> Item:
    raw = shadow[node.start : node.end].rstrip(_TRAILING)
    end = node.start + len(raw)
    text = collapse(raw)
    cases, relations = item_cases(shadow, node, text, tracking)
    headings = _Headings(shadow, node, texts)
    status = item_status(text, headings, _named_in_section(shadow, node, part, cases, tracking))
    if status == "tracked" and not cases and not tracking:
        status = None  # 持續推動 in a directive: no case is kept on the list
    return Item(
        path=node.path,
        text=text,
        cases=cases,
        agencies=assigned_agencies(text, context, cases) or _heading_agencies(headings, context),
        deadline=first_deadline(text, date),  # type: ignore[arg-type]
        status=status,
        span=(node.start, end),
        relations=relations,
        confidence=0.8,
        cues=["numbering" if node.style != "bullet" else "bullet"],
    )


def _found_item(
    shadow: str, found: Found, date: object, context: Context, texts: dict[int, str]
) -> Item:
    """An item the layout-led finder found (see decisions.py)."""
    parent = found.parent
    node = Node(found.label or "-", "found", found.start, found.start, found.end, end=found.end)
    node.parent = found.heading or parent
    text = collapse(shadow[found.start : found.end])
    cases, relations = item_cases(shadow, node, text, False)
    if not cases:
        lead = _LEADING_CASE.match(text)
        cases = [lead.group(1)] if lead else cases
    names_case = bool(cases)  # named by the item itself, not by its agenda entry
    if not cases and parent is not None:
        cases, relations = item_cases(shadow, node, text, False, parent)
    columns = found.columns or {}
    if columns.get("case"):
        cases = [_case_cell(columns["case"])] if _case_cell(columns["case"]) else cases
    headings = _Headings(shadow, node, texts)
    status = item_status(text, headings, names_case)
    agencies = _column_agencies(columns, context) or (
        assigned_agencies(text, context, cases) or _noted_agencies(headings, context)
    )
    if not agencies and found.entry and _ADOPTED.match(text):
        agencies = _proposal_agencies(shadow, found.entry, text, context)
    if status == "tracked" and not cases:
        status = None  # 持續推動 in a directive: no case is kept on the list
    path = (parent.path if parent is not None else []) + found.labels
    path += [found.label] if found.label else []
    return Item(
        path=path or ["-"],
        text=text,
        cases=cases,
        agencies=agencies,
        deadline=first_deadline(columns.get("deadline", ""), date)  # type: ignore[arg-type]
        or first_deadline(text, date),  # type: ignore[arg-type]
        status=status,
        span=(found.start, found.end),
        relations=relations,
        confidence=found.confidence,
        cues=list(found.cues),
    )


def _named_in_section(
    shadow: str, node: Node, part: Node | None, cases: list[str], tracking: bool
) -> bool:
    """A case listed in a decision part (not an agenda item with its own 決議)."""
    inline = part is node and not is_decision_heading(shadow, node)
    return not inline and (bool(cases) or names_case(shadow, node, tracking))


class _Headings(Sequence[str]):
    """Own text of the entries above an item, nearest first, computed on demand and
    once per meeting (``texts`` is shared by the items of a meeting). Readers mostly
    look at the nearest few, so the chain is walked as they go."""

    def __init__(self, shadow: str, node: Node, texts: dict[int, str]) -> None:
        self.shadow, self.node, self.texts = shadow, node, texts

    def __iter__(self):  # type: ignore[no-untyped-def]
        current = self.node.parent
        while current is not None:
            yield self._text(current)
            current = current.parent

    def __len__(self) -> int:
        return len(self._chain())

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        return self._text(self._chain()[index])

    def _chain(self) -> list[Node]:
        chain, current = [], self.node.parent
        while current is not None:
            chain.append(current)
            current = current.parent
        return chain

    def _text(self, node: Node) -> str:
        text = self.texts.get(id(node))
        if text is None:
            text = self.texts[id(node)] = collapse(self.shadow[node.body : node.own_end])
        return text


def _heading_agencies(headings: Sequence[str], context: Context) -> list:  # type: ignore[type-arg]
    for head in headings:
        found = context.heading_agencies.get(head)
        if found is None:
            found = context.heading_agencies[head] = assigned_agencies(head, context)
        if found:
            return found
    return []


# 「空氣品質感測器維護案持續辦理」: an item that opens with the case it decides about.
_LEADING_CASE = re.compile(
    r"^(?:有關|關於)?(?!同意|請|准予|本案|經|已|擬|建請|照)"
    r"([^，,。；;：:\s「」]{2,30}?(?:(?<![立結列銷備本該提一專草議])案|計畫))(?=持續|繼續|賡續|同意|准予|請|已|予以|解除|維持|，|,)"
)
_CASE_CELL_END = re.compile(r"[，,。]?\s*(?:提請討論|提請審議|請討論|請審議|案請公決)[。]?$")


def _case_cell(text: str) -> str:
    """A table's 案由 cell as a case name (without 「」 or 提請討論)."""
    name = _CASE_CELL_END.sub("", collapse(text)).strip(" 。「」『』")
    return name if 2 <= len(name) <= 80 else ""


def _column_agencies(columns: dict[str, str], context: Context) -> list:  # type: ignore[type-arg]
    """The lead and supporting agencies a table row's columns name."""
    found = []
    for kind, role in (("lead", "lead"), ("supporting", "supporting")):
        for ref in find_agencies(columns.get(kind, ""), context):
            found.append(replace(ref, role=role))
    return found


# A council's resolution that adopts a proposal as it stands or as reviewed.
_ADOPTED = re.compile(r"^(?:照|依)?(?:案|原案|審查意見|審查會意見|委員會審查意見)?(?:修正)?通過")
_PART = {
    part: re.compile(rf"^[ \t\u3000\-•|]*{pattern}[ \t\u3000|]*[：:]?[ \t\u3000|]*(.*)$", re.M)
    for part, pattern in (
        ("review", r"(?:委員會)?審\s*查\s*(?:會\s*)?意\s*見"),
        ("reason", r"案\s*由"),
        ("method", r"辦\s*法"),
        ("explanation", r"說\s*明"),
    )
}
# The label of the part after a value (說明, 審查意見, 議決, 提案人, 大會決議日期 …).
_NEXT_PART = re.compile(
    r"^[ \t\u3000\-•|]*(?:[壹貳參肆伍陸柒捌玖拾一二三四五六七八九十\d]{1,4}[、.．]?[ \t\u3000]*)?"
    r"(?:(?:委員會)?審\s*查\s*(?:會\s*)?意\s*見|案\s*由|辦\s*法|說\s*明|理\s*由|提\s*案\s*人"
    r"|連\s*署\s*人|附\s*署\s*人|(?:大會|二讀|三讀)?(?:決\s*議|議\s*決)(?:文)?|決\s*定|備\s*註"
    r"|[^\s：:，。、]{0,8}(?:日期|附件|結果|字號|情形))[ \t\u3000|]*(?:[：:]|$|(?<=[ \t\u3000])(?=\S))",
    re.M,
)


def _proposal_agencies(shadow: str, entry: tuple[int, int], text: str, context: Context) -> list:  # type: ignore[type-arg]
    """The party a council's adopted proposal names (建請市府… → 市府): that of its
    adopted review opinion (照審查意見通過), else of its 案由, of its 辦法, and last
    of its 說明 (a proposal whose 案由 names only the work)."""
    parts = ("review", "reason", "method", "explanation")
    if "審查" not in text:
        parts = parts[1:]
    for part in parts:
        values = [_part_value(shadow, m, entry[1]) for m in _PART[part].finditer(shadow, *entry)]
        for value in reversed(values) if part == "review" else values:
            found = assigned_agencies(collapse(value), context)
            if found:
                return found
    return []


def _part_value(shadow: str, match: re.Match[str], end: int) -> str:
    """A part's value: after its label, on its line and the lines that continue it,
    up to the next part's label (a value hard-wrapped over lines, or on the next)."""
    start = match.start(1)
    stop = _NEXT_PART.search(shadow, match.end(), end)
    return shadow[start : stop.start() if stop else end]


_NOTED = re.compile(r"[（(]([^（）()\n]{2,16})[）)]\s*。?\s*(?:\n|$)")


def _noted_agencies(headings: Sequence[str], context: Context) -> list:  # type: ignore[type-arg]
    """The agency noted in brackets at the end of a heading line (…案。（地政局））: in
    charge of what the heading's decision decides. A report's author is not."""
    for head in headings:
        for match in _NOTED.finditer(head):
            found = assigned_agencies(match.group(1), context)
            if found:
                return found
    return []


def collapse(text: str) -> str:
    """Item text as a reader wants it: debris blanks and empty lines removed."""
    if "\n" in text:  # most items are one line: spare the regex its pass
        text = _LINE_BREAKS.sub("\n", text)
    if "\t" in text or "\u3000" in text or "  " in text:  # else nothing to change
        text = _BLANKS.sub(" ", text)
    return text.strip()


def _trim(shadow: str, start: int, end: int) -> int:
    """End of the last non-blank character before ``end``."""
    while end > start and shadow[end - 1] in _TRAILING:
        end -= 1
    return end
