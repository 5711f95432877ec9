"""Names of the cases an item decides about, and the lineage it states.

Forms: a head before a colon (電競產業推動合作案：…), a name in 「」, a list joined by
、 ending in 等 8 案, 案由：…案; merges (A及B合併為C) and renames (定名為「X」).
Annotations such as （原雙北合作案） or （臺北市動物保護處提案） are not part of a name.
"""

from __future__ import annotations

import re

from .model import CaseRelation
from .numbering import Node
from .sections import case_head, head_before_colon, is_category, is_strong_name

_ANNOTATION = re.compile(r"[ \t]*[（(]([^（）()\n]{2,40})[）)][ \t]*")
_ANNOTATION_CONTENT = re.compile(
    r"^\s*(?:原|均|為原|計|共|\d|[一二三四五六七八九十]+\s*案)|(?:提案|合作案|主辦|辦理|單位)\s*$"
)
_QUOTES = "「」『』“”\"'"
_LIST_END = re.compile(r"等\s*(?:\d+|[一二三四五六七八九十]+)\s*[案項件]")
_MERGE_INTO = re.compile(r"(.+?)合併(?:為|成|至|入)\s*(.+)")
_RENAME = re.compile(
    r"(?:定名為|更名為|改名為|名稱(?:修正|變更|調整|更改)為|更名成)\s*[「『]([^」』\n]{2,80})[」』]"
)
_REASON = re.compile(r"案由\s*[：:]\s*(?:有關|關於)?\s*([^，,。；;\n]{2,80}?案)(?=[，,。；;\s]|$)")
_INTO = re.compile(r"併入\s*[「『]([^」』\n]{2,80})[」』]")
_QUOTED_PART = re.compile(r"[「『]([^」』\n]{2,80})[」』]")
_QUOTED_HEAD = re.compile(r"^[ \t]*「([^」\n]{2,80})」")
_SPACES = re.compile(r"[ \t\u3000][ \t\u3000]*")  # a set first: see reader._BLANKS
# What _clean changes (with 有關/關於 before a name and 一案 after it).
_UNCLEAN = re.compile(rf"[\s（({re.escape(_QUOTES)}]")
_PREFIXES = ("有關", "關於")
_LINE_END = re.compile(r"[ \t\u3000]*\n")
_SOURCE_SEPARATOR = re.compile(r"以及|及|與|、")


def item_cases(
    shadow: str, node: Node, text: str, tracking: bool = True, parent: Node | None = None
) -> tuple[list[str], list[CaseRelation]]:
    """(cases, relations) of an item; ``text`` is the item's collapsed text.

    Outside tracking records a head before a colon names a case only when it ends
    in 案 or is quoted (see ``sections``)."""
    names, merged = _names(shadow, node, tracking)
    if not names and parent is not None:  # a decision under its agenda entry (案由：…案)
        names, merged = _from_body(shadow[parent.body : parent.own_end], False)
    rename = _RENAME.search(text)
    into = _INTO.search(text)
    if not (merged or rename or into):
        return names, []  # most items state no lineage
    relations: list[CaseRelation] = []
    target = _clean(rename.group(1)) if rename else None
    if into and names and not merged:  # 本案併入「X」辦理
        merged = (list(names), _clean(into.group(1)))
    if merged and (merged[1] or target):
        relations.append(CaseRelation("merge", merged[0], merged[1] or target or ""))
    elif target and names and target not in names:
        relations.append(CaseRelation("rename", list(names), target))
    for relation in relations:
        if relation.target not in names:
            names.append(relation.target)
    return names, relations


def _names(
    shadow: str, node: Node, tracking: bool
) -> tuple[list[str], tuple[list[str], str | None] | None]:
    head = case_head(shadow, node, tracking)
    start, end = node.body, node.own_end
    if not head:
        return _from_body(shadow[start:end], tracking)
    # Past the head and its colon (case_head takes the head from the entry's own text)
    rest = shadow.find(head, start, end) + len(head) + 1
    # 研擬新增合作提案：⏎ 新興能源經驗交流合作案：… — the first head is a category
    if is_category(head) or (
        _LINE_END.match(shadow, rest, end)
        and (following := shadow[rest:end].strip())  # nothing: no head to ask for
        and head_before_colon(following)
    ):
        return _from_body(shadow[rest:end], tracking)
    return _from_head(head)


def _from_head(head: str) -> tuple[list[str], tuple[list[str], str | None] | None]:
    head = _strip_annotations(head)
    into = _MERGE_INTO.match(head) if "合併" in head else None  # most heads merge nothing
    if into:
        sources = _split_sources(into.group(1))
        target = _clean(into.group(2))
        return [*sources, target], (list(sources), target)
    if head.endswith("合併"):
        sources = _split_sources(head[:-2])
        return sources, (list(sources), None) if len(sources) > 1 else None
    name = _clean(head)
    return ([name] if name else []), None


def _from_body(
    text: str, tracking: bool = True
) -> tuple[list[str], tuple[list[str], str | None] | None]:
    body = text.lstrip(" \t\n\u3000")
    second = head_before_colon(body)
    if second and (tracking or is_strong_name(second)):
        return _from_head(second)
    listed = _list(body)
    if listed:
        return listed, None
    quoted = _QUOTED_HEAD.match(body) or _REASON.search(body)
    return ([_clean(quoted.group(1))] if quoted else []), None


def _list(text: str) -> list[str]:
    """雙北A、雙北B（5 案為原雙北合作案）、C 等 8 案 → [A, B, C]."""
    stripped = _strip_annotations(text)
    end = _LIST_END.search(stripped)
    if not end:
        return []
    start = max(stripped.rfind(c, 0, end.start()) for c in "：:。；\n") + 1
    parts = _split_outside_quotes(stripped[start : end.start()], "、")
    names = [_clean(p) for p in parts]
    return [n for n in names if n] if len(names) > 1 else []


def _split_sources(text: str) -> list[str]:
    parts = _SOURCE_SEPARATOR.split(text)
    return [n for n in (_clean(p) for p in parts) if n]


def _split_outside_quotes(text: str, separator: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in text:
        depth += char in "「『" and 1 or (char in "」』" and -1 or 0)
        if char == separator and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _strip_annotations(text: str) -> str:
    if "（" not in text and "(" not in text:
        return text
    return _ANNOTATION.sub(_drop_annotation, text)


def _drop_annotation(match: re.Match[str]) -> str:
    return "" if _ANNOTATION_CONTENT.search(match.group(1)) else match.group()


def _clean(name: str) -> str:
    # Most names hold nothing to change: no blank, annotation or quote, no 有關/關於
    # before or 一案 after them.
    if _UNCLEAN.search(name) or name.startswith(_PREFIXES) or name.endswith("一案"):
        name = _SPACES.sub(" ", _strip_annotations(name).replace("\n", "")).strip()
        quoted = _QUOTED_PART.findall(name) if "「" in name or "『" in name else ()
        if len(quoted) == 1 and len(name) - len(quoted[0]) <= 10:
            name = quoted[0]  # 「板橋車站周邊改善計畫」（工務局）, 新增「X」提案
        name = name.strip(_QUOTES + " ").removeprefix("有關").removeprefix("關於").strip()
        if name.endswith("一案") and len(name) > 4:
            name = name[:-2] + "案"
    return name if 2 <= len(name) <= 80 else ""
