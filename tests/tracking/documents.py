"""Hand-built reader output, so the importer is tested apart from the reader."""

import datetime as dt

from livinglab.minutes import CaseRelation, Deadline, Document, Item, Meeting
from livinglab.minutes.model import AgencyRef


def item(cases, status=None, *, text=None, relations=(), agencies=(), deadline=None, path=None):
    text = text or "、".join(cases) + "：" + (status or "")
    return Item(
        path=path or ["伍", "一"],
        text=text,
        cases=list(cases),
        agencies=[AgencyRef(mention, name) for mention, name in agencies],
        deadline=Deadline(deadline[0], deadline[1]) if deadline else None,
        status=status,
        span=(0, len(text)),
        relations=[
            CaseRelation(kind, list(sources), target) for kind, sources, target in relations
        ],
    )


def meeting(date: str, items, *, title=None):
    number = date.replace("-", "")
    return Meeting(
        title=title or f"測試工作小組第 {number} 次會議",
        date=dt.date.fromisoformat(date),
        time="14:00",
        location="市政大樓 N201 會議室",
        chair="王副局長",
        recorder="林書記",
        span=(0, 10),
        items=list(items),
    )


def document(*meetings, source="紀錄.txt"):
    return Document(source=source, text="會議紀錄" * 10, meetings=list(meetings))
