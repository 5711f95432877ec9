"""Meetings reported in prose: a page that tracks a case (or any text without a header
of its own) tells which meetings decided about it, each by its date and its name,
followed by what it decided:

    經提報108年11月20日第9次工作會議，裁示：本案先行結案…
    …決議，同意結案；並經108年3月27日第1次委員會大會同意結案。

Each such mention opens a meeting of its own (its title and date as written); the
decisions that follow it, up to the next mention, are its items. An item that runs
on into the next mention is cut before it (at the clause stop before 並經…).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import parse_date

_N = r"[\d０-９]"
_DATE = rf"(?:中華民國|民國)?[ \t]*{_N}{{2,4}}[ \t]*年[ \t]*{_N}{{1,2}}[ \t]*月[ \t]*{_N}{{1,2}}[ \t]*日"
_NAME_CHAR = r"[^，,。；;：:\s「」（）()]"
# 經提報 DATE 第N次…會議 (討論)，裁示 / 決議 / 同意…
MENTION = re.compile(
    rf"(?:(?:並|復|再|嗣)?經(?:提報|提送|提)?|於)?[ \t]*(?P<date>{_DATE})[ \t]*(?:召開|舉行)?(?:之|的)?[ \t]*"
    rf"(?P<title>{_NAME_CHAR}{{0,30}}?第[ \t]*[\d一二三四五六七八九十百]+[ \t]*次{_NAME_CHAR}{{0,30}}?"
    r"(?:會議|大會|臨時會|會報|審議會|審查會))"
    r"(?=(?:討論|審議|審查|報告)?[ \t]*[，,]?[ \t]*(?:會議)?"
    r"(?:決議|裁示|決定|結論|同意|通過|准予|照案|予以|先行))"
)


@dataclass(slots=True)
class Reported:
    """A meeting named in the text: where its mention begins, its title and date."""

    start: int
    end: int
    title: str
    date: dt.date | None


def reported_meetings(shadow: str, start: int, end: int) -> list[Reported]:
    """The meetings ``shadow[start:end]`` reports with a decision after each."""
    if "次" not in shadow[start:end]:  # no 第N次: nothing to look for
        return []
    found = []
    for match in MENTION.finditer(shadow, start, end):
        date, _ = parse_date(match.group("date"))
        title = re.sub(r"[ \t]+", "", match.group("title"))
        found.append(Reported(match.start(), match.end(), title, date))
    return found


def owner(meetings: list[Reported], start: int, end: int) -> int:
    """Index of the meeting a span's decision belongs to: the last one named before
    the span ends (0: before any)."""
    index = 0
    for number, meeting in enumerate(meetings):
        if meeting.start < end:
            index = number
    return index


def cut_points(meetings: list[Reported], start: int, end: int) -> list[int]:
    """Where a span that runs into later mentions is cut: at each mention that begins
    inside it (not at its start)."""
    return [m.start for m in meetings if start < m.start < end]
