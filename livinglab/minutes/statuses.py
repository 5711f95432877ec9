"""What an item decides about its case: tracked, delisted, new, merged, renamed,
regular or noted.

A delisting or a turn to regular exchange that is conditional or still to be
considered (…辦理完成後解除列管, 再研議是否…解列, 提報至第4季小組會議解除列管, 年底辦理
完成轉為常態交流) keeps the case tracked for now; one referred upward (提至副首長會議解列)
is decided now.

Regular exchange needs a decision formula: a verb of change (轉為/改為/列入/納入/回歸
常態…) or 常態性辦理 as the predicate of the decision. Describing the work as routine
(本項業務為各市常態例行性業務, 已屬常態業務) decides nothing about the case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .clauses import CLAUSE_STOP, clause_start

PRECEDENCE = ("merged", "renamed", "new", "regular", "delisted", "tracked", "noted")
# The words of each status. Every alternative begins with a literal character: a
# regex whose alternatives all start with literals lets ``re`` skip in C to the
# characters that can begin a match, where named groups around them make it try a
# match at every position of the text (three times slower; see _STATUS_RE).
_CLAUSE_WORDS = r"[^，,。；;\n]{0,4}?"
_PATTERNS = {
    "merged": ["合併", "併入", "併案"],
    "renamed": ["定名為", "更名", "改名為", "名稱(?:修正|變更|調整|更改)為"],
    "new": [
        "同意新增",
        "新增立案",
        "同意立案",
        "同意列案",
        "新增(?:合作)?提案",
        "新增列管",
        "新提案",
        "新增為",
    ],
    "regular": [
        *(rf"{verb}(?:為|成|入)?[ \t]*常態" for verb in ("回歸", "轉", "改", "列", "納")),
        r"常態(?:性|化)?[ \t]*(?:辦理|交流|推動|執行|運作)",
    ],
    "delisted": [
        "解除列管",
        "解列",
        *(
            f"{verb}(?:結案|銷案)"
            for verb in ("同意", "予以", "准予", "先行", "先予", "逕予", "逕行", "本案")
        ),
        "免予?列管",
        "停止列管",
    ],
    "tracked": [
        "列(?<!解除列)管",  # 列管 but not 解除列管
        *(
            f"{verb}{_CLAUSE_WORDS}(?:推動|辦理|列管|交流|合作|執行|進行|追蹤|分享)"
            for verb in ("持續", "繼續", "賡續")
        ),
        f"維持{_CLAUSE_WORDS}(?:交流|合作|列管|辦理)",
    ],
    "noted": ["准予備查", "同意備查", "洽悉", "准予核備", "准予備案", "備查"],
}
# One alternation in the order above (the first alternative that matches wins);
# the empty group closing each alternative tells its kind by ``lastindex``.
_KINDS = [kind for kind, words in _PATTERNS.items() for _ in words]
_STATUS_RE = re.compile("|".join(f"{word}()" for words in _PATTERNS.values() for word in words))
_NEGATION = re.compile(r"不|未|免|毋|無須|無需|暫")
_PENDING = re.compile(
    r"是否|研議|評估|再議|完成後|之後|後再|俟|待|提報|下次|下一次|預計|擬於|將於|屆時"
    # 於年底辦理完成轉為…, 請於…完成後: a completion still to come (not 已…完成)
    + "".join(
        f"|{word}(?:(?!已)[^，,。；;]){{0,12}}完成" for word in ("於", "底", "年度", "季", "請")
    )
)
# Literal-first alternatives (see _STATUS_RE), here and in _PENDING.
# 為/屬/係/已 … 常態性辦理: the work described as routine, not a turn decided now.
_DESCRIBED = re.compile(r"為(?<![轉改列作成認]為)|屬|係|已")
_CHANGE = ("回歸", "轉", "改", "列", "納")
_LATER = re.compile(r"下次|將於|提請|提案列管|後續再")
_NOT_NOW = re.compile(f"{_NEGATION.pattern}|{_LATER.pattern}")  # one search for both
_FURTHER_WORK = re.compile(r"請|持續|繼續|未來|將於")
_UPWARD = re.compile(r"副首長|首長會議|副市長|市長|市政會議")


def statuses(text: str) -> set[str]:
    found: set[str] = set()
    for match in _STATUS_RE.finditer(text):
        kind = _KINDS[match.lastindex - 1]  # type: ignore[operator]
        found.add(kind if kind in _UNQUALIFIED else _qualify(kind, text, match))
    found.discard("")
    return found


def _decided(text: str) -> str | None:
    """``decide(statuses(text))``, without qualifying a word that cannot outrank the
    status already found (qualifying keeps a kind, drops it or turns it to tracked:
    never ranks it higher)."""
    best = _NONE
    for match in _STATUS_RE.finditer(text):
        rank = _RANKS[match.lastindex - 1]  # type: ignore[operator]
        if rank >= best:
            continue
        kind = PRECEDENCE[rank]
        if kind not in _UNQUALIFIED:
            kind = _qualify(kind, text, match)
            if not kind:
                continue
            rank = _RANK[kind]
        best = rank
        if best == 0:
            break  # merged: nothing outranks it
    return PRECEDENCE[best] if best < _NONE else None


_RANK = {kind: rank for rank, kind in enumerate(PRECEDENCE)}
_RANKS = [_RANK[kind] for kind in _KINDS]
_NONE = len(PRECEDENCE)  # the rank of no status
# Kinds that their clause does not qualify (see _qualify): no clause to read.
_UNQUALIFIED = frozenset(("merged", "renamed", "new", "noted"))


def _qualify(kind: str, text: str, match: re.Match[str]) -> str:
    """The kind that a status word states in its clause (see the module docstring)."""
    at = match.start()
    clause = text[clause_start(text, at, CLAUSE_STOP) : at]
    if kind == "tracked" and _NOT_NOW.search(clause):
        return ""  # 尚未提至副首長會議列管, 暫不…提請列管, 於下次會議提案列管
    if kind == "regular" and not match.group().startswith(_CHANGE) and _DESCRIBED.search(clause):
        return ""
    if kind in ("delisted", "regular"):
        if _NEGATION.search(clause[-4:]):
            return "tracked"  # 不予解列
        if _PENDING.search(clause) and not (_UPWARD.search(clause) and "是否" not in clause):
            return "tracked"
    return kind


def decide(found: set[str]) -> str | None:
    for kind in PRECEDENCE:
        if kind in found:
            return kind
    return None


def item_status(text: str, headings: Sequence[str], names_case: bool) -> str | None:
    """The item's status; else what the nearest heading over it states (列管合作案,
    新增提案); else tracked for a named case that is given further work."""
    own = _decided(text)
    inherited = _inherited(headings) if own in (None, "tracked") else None
    if inherited == "new" and own in (None, "tracked"):
        return "new"  # a new proposal to be tracked from now on
    if own or inherited:
        return own or inherited
    if names_case and _FURTHER_WORK.search(text):
        return "tracked"
    return None


def _inherited(headings: Sequence[str]) -> str | None:
    for head in headings:
        found = _heading_status(head)
        if found:
            return found
    return None


@lru_cache(maxsize=4096)
def _heading_status(head: str) -> str | None:
    """What a heading states for the items under it (headings repeat: cached)."""
    return decide(statuses(head) & {"tracked", "new", "delisted"})
