"""What the reader returns: dataclasses that print as the JSON contract.

The small values (an agency reference, a deadline, a lineage) are frozen: the
reader shares one AgencyRef among every item that names the agency. Items and
meetings are not: each is the caller's own, and a frozen dataclass's __init__
costs about five times a plain one's (3% of reading an archive).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True, slots=True)
class AgencyRef:
    mention: str
    name: str
    role: str | None = None  # "lead" (主辦) or "supporting" (協辦) where the text says

    def to_dict(self) -> dict[str, Any]:
        found = {"mention": self.mention, "name": self.name}
        if self.role:  # optional: only where the text says (an importer defaults to lead)
            found["role"] = self.role
        return found


@dataclass(frozen=True, slots=True)
class Deadline:
    mention: str
    date: dt.date | None  # None: a period from a meeting whose date is unknown
    period: str | None = None  # a relative deadline as an ISO 8601 period (P2W, P1M)

    def to_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {"mention": self.mention, "date": _iso(self.date)}
        if self.period and self.date is None:  # no date to give: the period instead
            found["period"] = self.period
        return found


@dataclass(frozen=True, slots=True)
class CaseRelation:
    """Lineage an item states: ``merge`` of sources into target, or ``rename``."""

    kind: str
    sources: list[str]
    target: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "sources": list(self.sources), "target": self.target}


@dataclass(slots=True)
class Item:
    path: list[str]
    text: str
    cases: list[str]
    agencies: list[AgencyRef]
    deadline: Deadline | None
    status: str | None
    span: tuple[int, int]
    relations: list[CaseRelation] = field(default_factory=list)
    confidence: float = 0.5
    cues: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": list(self.path),
            "text": self.text,
            "cases": list(self.cases),
            "agencies": [a.to_dict() for a in self.agencies],
            "deadline": self.deadline.to_dict() if self.deadline else None,
            "status": self.status,
            "span": list(self.span),
            "relations": [r.to_dict() for r in self.relations],
            "confidence": round(self.confidence, 2),
            "cues": list(self.cues),
        }


@dataclass(slots=True)
class Meeting:
    title: str | None
    date: dt.date | None
    time: str | None
    location: str | None
    chair: str | None
    recorder: str | None
    span: tuple[int, int]
    items: list[Item]
    confidence: float = 0.5
    cues: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "date": _iso(self.date),
            "time": self.time,
            "location": self.location,
            "chair": self.chair,
            "recorder": self.recorder,
            "span": list(self.span),
            "items": [i.to_dict() for i in self.items],
            "confidence": round(self.confidence, 2),
            "cues": list(self.cues),
        }


@dataclass(frozen=True, slots=True)
class Document:
    """``text`` is the decoded source text that every span indexes into."""

    source: str
    text: str
    meetings: list[Meeting]

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "meetings": [m.to_dict() for m in self.meetings]}
