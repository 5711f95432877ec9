"""Scores of the reader against labelled records, in process (the labels' schema is
that of ../shared/minutes-corpus: NAME.json beside NAME.txt/.docx/.odt/.pdf).

The measures follow the shared scoring tool's rules: meeting fields (date exact, the
others by containment once blanks and punctuation are dropped), items found (a gold
item is matched to the next unused item whose text holds its quote's first line,
else to the item of the same path), and, over matched items, statuses, deadlines
(relative periods resolved from the meeting date) and agencies (F1).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from livinglab.minutes import read_minutes

_DROP = re.compile(r"[\s（）()「」『』、，,。.:：;；\-*]")
SUFFIXES = (".txt", ".docx", ".odt", ".pdf")


def _norm(value: object) -> str:
    if value is None:
        return ""
    return _DROP.sub("", unicodedata.normalize("NFKC", str(value)))


def _path(value: object) -> tuple[str, ...]:
    parts = value.split("/") if isinstance(value, str) else list(value or [])
    return tuple(p for p in map(_norm, parts) if p)


def _close(gold: object, found: object) -> bool:
    a, b = _norm(gold), _norm(found)
    return bool(a) and bool(b) and (a in b or b in a)


def _gold_deadline(gold: str, meeting: str | None) -> str | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold):
        return gold
    if not meeting:
        return None
    day = dt.date.fromisoformat(meeting)
    months = re.fullmatch(r"P(\d+)M", gold)
    if months:
        y, m = divmod(day.month - 1 + int(months.group(1)), 12)
        return f"{day.year + y:04d}-{m + 1:02d}"
    days = re.fullmatch(r"P(\d+)([DW])", gold)
    if days:
        count = int(days.group(1)) * (7 if days.group(2) == "W" else 1)
        return (day + dt.timedelta(days=count)).isoformat()
    return None


@dataclass
class Score:
    meta: list[int] = field(default_factory=lambda: [0, 0])
    items: list[int] = field(default_factory=lambda: [0, 0])
    status: list[int] = field(default_factory=lambda: [0, 0])
    deadline: list[int] = field(default_factory=lambda: [0, 0])
    agencies: list[int] = field(default_factory=lambda: [0, 0, 0])  # tp, fp, fn

    def rates(self) -> dict[str, float]:
        def rate(pair: list[int]) -> float:
            return pair[0] / pair[1] if pair[1] else 1.0

        tp, fp, fn = self.agencies
        return {
            "meta": rate(self.meta),
            "items": rate(self.items),
            "status": rate(self.status),
            "agencies": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0,
            "deadline": rate(self.deadline),
        }


def score_folder(folder: Path) -> Score:
    total = Score()
    for label in sorted(folder.glob("*.json")):
        source = next(
            (label.with_suffix(s) for s in SUFFIXES if label.with_suffix(s).exists()), None
        )
        if source is not None:
            score_record(
                json.loads(label.read_text("utf-8")), read_minutes(source).to_dict(), total
            )
    return total


def score_record(gold: dict, document: dict, total: Score) -> None:  # noqa: C901
    meetings = document["meetings"]
    golds = gold.get("meetings") or [gold]
    for index, gm in enumerate(golds):
        found = meetings[index] if index < len(meetings) else {}
        for key in ("date", "chair", "location", "recorder"):
            if gm.get(key) is None:
                continue
            total.meta[1] += 1
            ok = gm[key] == found.get(key) if key == "date" else _close(gm[key], found.get(key))
            total.meta[0] += ok
    if len(golds) > 1:
        total.meta[1] += 1
        total.meta[0] += len(meetings) == len(golds)
    items = [item for meeting in meetings for item in meeting["items"]]
    order = {id(item): n for n, item in enumerate(items)}
    by_path: dict[tuple[tuple[str, ...], int], dict] = {}
    seen: dict[tuple[str, ...], int] = {}
    for item in items:
        key = _path(item["path"])
        seen[key] = seen.get(key, 0) + 1
        by_path[key, seen[key]] = item
    used: set[int] = set()
    last, gold_seen = -1, {}
    for gm in golds:
        for gi in gm.get("items", []):
            key = _path(gi.get("path", ""))
            gold_seen[key] = gold_seen.get(key, 0) + 1
            match = _align(gi, items, order, used, last) or by_path.get((key, gold_seen[key]))
            if match is not None and id(match) in used:
                match = None
            total.items[1] += 1
            wanted = gi.get("agencies") or []
            if match is None:
                total.agencies[2] += len(wanted)
                total.status[1] += bool(gi.get("status"))
                total.deadline[1] += bool(gi.get("deadline"))
                continue
            used.add(id(match))
            last = max(last, order[id(match)])
            total.items[0] += 1
            if gi.get("status"):
                total.status[1] += 1
                total.status[0] += gi["status"] == match.get("status")
            if gi.get("deadline"):
                total.deadline[1] += 1
                want = _gold_deadline(gi["deadline"], gm.get("date"))
                have = (match.get("deadline") or {}).get("date") or ""
                total.deadline[0] += have.startswith(want) if want else bool(match.get("deadline"))
            names = [(a.get("mention"), a.get("name")) for a in match.get("agencies") or []]
            taken: set[int] = set()
            for agency in wanted:
                hit = next(
                    (
                        n
                        for n, (mention, name) in enumerate(names)
                        if n not in taken and (_close(agency, mention) or _close(agency, name))
                    ),
                    None,
                )
                if hit is None:
                    total.agencies[2] += 1
                else:
                    taken.add(hit)
                    total.agencies[0] += 1
            total.agencies[1] += len(names) - len(taken)


def _align(gi: dict, items: list[dict], order: dict, used: set[int], last: int) -> dict | None:
    quote = _norm((gi.get("quote") or "").split("\n")[0].rstrip(" |"))
    if not quote:
        return None
    holding = [i for i in items if id(i) not in used and quote in _norm(i["text"])]
    after = [i for i in holding if order[id(i)] > last] or holding
    if not after:
        return None
    best = after[0]
    for item in after[1:]:
        inner, outer = item["span"], best["span"]
        if (
            outer[0] <= inner[0]
            and inner[1] <= outer[1]
            and inner[1] - inner[0] < outer[1] - outer[0]
        ):
            best = item
    return best
