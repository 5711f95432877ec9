"""The draft of an import: what the reader found and which case each name would join.

A proposal is plain JSON stored on the minutes document, so that the secretary can
correct any field before confirming. Case keys are ids of existing cases, or
placeholders ("new:3") for cases that confirming would create; the identity index is
updated as the record is walked, so the second meeting of a file links to a case the
first meeting creates.
"""

import copy
import itertools

from livinglab.meetings.models import Meeting
from livinglab.tracking.models import Case, CaseLink
from livinglab.tracking.services.identity import NameIndex
from livinglab.tracking.services.lifecycle import referral_in

MEETING_FIELDS = {"title", "date", "time", "location", "chair", "recorder"}
ITEM_FIELDS = {"text", "status", "deadline", "agencies", "links", "relations", "track", "pending"}


def index_for_body(body) -> NameIndex:
    index = NameIndex()
    cases = Case.objects.filter(body=body).prefetch_related("aliases")
    for case in cases.only("pk", "title", "merged_into_id"):
        names = [alias.name for alias in case.aliases.all()]
        index.add(case.pk, case.title, names, merged_into=case.merged_into_id)
    return index


def build(body, document) -> dict:
    walker = _Walker(index_for_body(body))
    meetings = Meeting.objects.filter(body=body).order_by("pk")
    existing = {}
    for pk, date, title in meetings.values_list("pk", "date", "title"):
        existing.setdefault((date, title), pk)
    return {
        "source": document.source,
        "meetings": [walker.meeting(meeting, existing) for meeting in document.meetings],
    }


class _Walker:
    def __init__(self, index: NameIndex) -> None:
        self.index = index
        self.counter = itertools.count(1)

    def meeting(self, meeting, existing: dict) -> dict:
        """`existing`: the body's meetings by date and title."""
        entry = meeting.to_dict()
        entry["existing"] = existing.get((meeting.date, meeting.title))
        entry["items"] = [self.item(item, simulate=not entry["existing"]) for item in meeting.items]
        return entry

    def item(self, item, *, simulate: bool) -> dict:
        entry = item.to_dict()
        entry["track"] = bool(item.cases or item.relations)
        entry["pending"] = referral_in(item.text) if item.status in ("delisted", "regular") else ""
        entry["links"], entry["relations"] = [], []
        if simulate:
            for relation in item.relations:
                self.relation(entry, relation)
            for name in item.cases:
                self.link(entry, name)
        return entry

    def new_case(self, title: str) -> str:
        key = f"new:{next(self.counter)}"
        self.index.add(key, title)
        return key

    def link(self, entry: dict, name: str, role: str = CaseLink.Role.SUBJECT, avoid=None):
        """Add a link for `name` (unless the item already links that case); return its key.

        `avoid`: a merge's target and other sources, which a source is by definition
        not, however alike the names (桃園新北智慧農業場域交流 → 智慧農(漁)業場域交流).
        """
        match = self.index.match(name)
        if match.key is not None and match.key in (avoid or ()):
            match.key, match.score = None, 0.0
        if match.is_sure:
            key, method, suggested = match.key, match.method, None
        else:
            key, method = self.new_case(name), CaseLink.Method.NEW
            suggested = match.key if match.needs_review else None
        if key not in {link["case"] for link in entry["links"]}:
            entry["links"].append(
                {
                    "name": name,
                    "case": key,
                    "title": self.index.entries[key].title,
                    "method": method,
                    "confidence": match.score if key == match.key else 1.0,
                    "review": suggested is not None,
                    "suggested": suggested,
                    "suggested_score": match.score if suggested is not None else None,
                    "suggested_name": match.known if suggested is not None else None,
                    "role": role,
                }
            )
        if match.is_sure and name not in self.index.entries[key].names:
            self.index.add_name(key, name)
        return key

    def relation(self, entry: dict, relation) -> None:
        if relation.kind == "merge":
            target = self.link(entry, relation.target)
            role, sources = CaseLink.Role.MERGED_SOURCE, []
            for name in relation.sources:
                sources.append(self.link(entry, name, role, avoid={target, *sources}))
            for source in sources:
                self.index.merge(source, target)
            entry["relations"].append({"kind": "merge", "sources": sources, "target": target})
        elif relation.kind == "rename":
            old = relation.sources[0] if relation.sources else relation.target
            key = self.link(entry, old)
            self.index.rename(key, relation.target)
            entry["relations"].append({"kind": "rename", "case": key, "title": relation.target})


def apply_choices(proposal: dict, choices: dict) -> dict:
    """The proposal with the secretary's corrections (keyed "m" and "m.i") applied."""
    result = copy.deepcopy(proposal)
    meetings = result.get("meetings", [])
    for key, fields in (choices.get("meetings") or {}).items():
        meetings[int(key)].update({k: v for k, v in fields.items() if k in MEETING_FIELDS})
    for key, fields in (choices.get("items") or {}).items():
        m, i = (int(part) for part in key.split("."))
        item = meetings[m]["items"][i]
        item.update({k: v for k, v in fields.items() if k in ITEM_FIELDS})
    return result
