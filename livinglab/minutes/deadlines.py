"""The first deadline an item sets, resolved against the meeting date.

7 月 10 日前, 10月底, 年底, 第4季, 下半年度, 2個月內, 明天（4/8）, 12 月 9 日. A date
without a year takes the meeting's year and rolls into the next where its month
has passed, if it is a deadline (前, 底); a bare date already past is an event
reported, not a deadline.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from .dates import make_date, year_of
from .model import Deadline
from .numerals import to_int

# An optional part is written (?:…|), not (?:…)?: the same matches, but ``re`` runs
# an optional group through a repeat context that it allocates at every attempt.
_Y = r"(?:(?P<{0}>\d{{2,4}}|今|本|明|次)\s*年度?\s*|)"
_NUM = r"\d{1,3}|[一二三四五六七八九十兩]{1,3}"
DEADLINE_RE = re.compile(
    "|".join(
        [
            _Y.format("y1")
            + r"(?P<m1>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*(?P<d1>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日(?:\s*[（(][^）)\n]{1,5}[）)]|)(?:(?P<by1>\s*(?:以前|前|止|為止))|)",
            _Y.format("y2")
            + r"(?P<m2>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*(?P<part2>底|中旬|下旬|上旬|初|中(?!心|央|華|旬))",
            r"(?:(?P<y3>\d{2,4}|今|本|明|次)|)\s*年\s*底|(?:(?P<y3b>今|本|明|次)|)年度?底",
            _Y.format("y4") + r"第\s*(?P<q4>[1-4一二三四])\s*季",
            _Y.format("y5") + r"(?P<h5>上|下)半年",
            rf"(?P<n6>{_NUM})\s*(?P<u6>個月|個星期|個禮拜|週|周|星期|天|日|個工作天|工作天)\s*內",
            r"明[天日](?:\s*[（(]\s*(?P<m7>\d{1,2})\s*/\s*(?P<d7>\d{1,2})\s*[）)]|)",
            r"(?<![\d/])(?P<m8>\d{1,2})\s*/\s*(?P<d8>\d{1,2})\s*(?:前|以前)",
        ]
    )
)
_QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


# Every deadline form holds one of these; the full pattern runs only around them.
_TRIGGER = re.compile(r"月|底|季|內|/|半年|明[天日]")  # literals first: re skips in C
# Where a deadline form can begin: a number before 年, 月, a slash or a unit (112年,
# 7月, 7/10, 2個月, 兩週), 今/本/明/次 before 年, 明天, 年 (after blanks: 年底), 第,
# 上/下半年. DEADLINE_RE opens with optional groups, so ``re`` cannot skip ahead in C
# and tries its whole alternation at every position: behind these lookaheads (one
# set of first characters, then the openings) it runs only where a form can begin,
# with the same matches (a test holds the two patterns to that).
_FIRST = r"[\d\s今本明次年第上下一二三四五六七八九十兩]"
_OPENING = r"[\d一二三四五六七八九十兩]{1,4}\s*[年月/個週周星天日工]|[今本明次]\s*年|明[天日]|\s*年|第|[上下]半年"
_GATED_DEADLINE_RE = re.compile(f"(?={_FIRST})(?={_OPENING})(?:{DEADLINE_RE.pattern})")


def first_deadline(text: str, meeting: dt.date | None) -> Deadline | None:
    """The first deadline of the text; where the meeting date is unknown, only a
    period (一個月內 → P1M) or a date with its year, the period kept either way."""
    done = 0
    for trigger in _TRIGGER.finditer(text):
        at = trigger.start()
        if at < done:
            continue
        start = max(done, at - 16)
        while start > done and text[start - 1].isdigit():  # not in the middle of a year
            start -= 1
        stop = trigger.end() + 16  # re ends at the text's end
        # The window's matches in turn, up to one over the trigger (it begins at or
        # before the trigger); search, not finditer: most windows need one match.
        match = _GATED_DEADLINE_RE.search(text, start, stop)
        while match is not None and match.start() <= at:
            if match.end() > at:
                period = _period(match)
                date = _resolve(match, meeting) if meeting else _dated(match)
                if date is not None or period is not None:
                    return Deadline(match.group().strip(), date, period)
                done = match.end()
                break
            match = _GATED_DEADLINE_RE.search(text, match.end(), stop)
    return None


_PERIOD_UNIT = {"個月": "M", "週": "W", "周": "W", "星期": "W", "個星期": "W", "個禮拜": "W"}


def _period(match: re.Match[str]) -> str | None:
    """兩週內 → P2W, 一個月內 → P1M, 10天內 → P10D (ISO 8601)."""
    if _FORM_OF_GROUP.get(match.lastindex) != 6:  # type: ignore[arg-type]
        return None
    count = to_int(match["n6"]) or 0
    if count <= 0:
        return None
    return f"P{count}{_PERIOD_UNIT.get(match['u6'], 'D')}"


def _dated(match: re.Match[str]) -> dt.date | None:
    """A deadline that names its year (113年6月30日前), without a meeting date."""
    form = _FORM_OF_GROUP.get(match.lastindex)  # type: ignore[arg-type]
    year = match.groupdict().get(f"y{form}") if form else None
    if not year or not year.isdigit():
        return None
    return _resolve(match, dt.date(year_of(year) or 1, 1, 1))


def deadline_matches(text: str, start: int, stop: int) -> Iterator[re.Match[str]]:
    """The matches of ``DEADLINE_RE.finditer(text, start, stop)``, tried only where
    a deadline form can begin (see _OPENING)."""
    return _GATED_DEADLINE_RE.finditer(text, start, stop)


# The number in a group's name tells the form that holds it (y1, m1, d1, by1: the
# first), so the last group that matched tells the form in one look-up.
_FORM_OF_GROUP = {
    index: int(re.sub(r"\D", "", name)) for name, index in DEADLINE_RE.groupindex.items()
}
_PART_DAY = {"底": 0, "下旬": 0, "中旬": 20, "中": 15, "上旬": 10, "初": 10}  # 0: the last


def _resolve(match: re.Match[str], meeting: dt.date) -> dt.date | None:
    form = _FORM_OF_GROUP.get(match.lastindex)  # type: ignore[arg-type]
    if form == 1:
        year, month, day, by = match.group("y1", "m1", "d1", "by1")
        return _day(year, to_int(month) or 0, to_int(day) or 0, meeting, bool(by))
    if form == 2:
        year, month, part = match.group("y2", "m2", "part2")
        return _day(year, to_int(month) or 0, _PART_DAY[part], meeting, True)
    if form == 3 or (form is None and match.group().endswith("底")):  # 年底 holds no group
        return dt.date(_year(match["y3"] or match["y3b"], meeting), 12, 31)
    if form == 4:
        month, day = _QUARTER_END[to_int(match["q4"]) or 4]
        return _day(match["y4"], month, day, meeting, True)
    if form == 5:
        month, day = (6, 30) if match["h5"] == "上" else (12, 31)
        return _day(match["y5"], month, day, meeting, True)
    if form == 6:
        return _after(meeting, to_int(match["n6"]) or 0, match["u6"])
    if form == 7:
        return _day(None, int(match["m7"]), int(match["d7"]), meeting, True)
    if form is None:  # 明天, without a date in brackets
        return meeting + dt.timedelta(days=1)
    return _day(None, int(match["m8"]), int(match["d8"]), meeting, True)


def _year(text: str | None, meeting: dt.date) -> int:
    if text in (None, "今", "本"):
        return meeting.year
    if text in ("明", "次"):
        return meeting.year + 1
    return year_of(text) or meeting.year  # type: ignore[arg-type]


def _day(year: str | None, month: int, day: int, meeting: dt.date, by: bool) -> dt.date | None:
    """A day of the month (0 = its last day); roll or drop a past yearless date."""
    resolved = meeting.year if year is None else _year(year, meeting)  # None: most dates
    if not 1 <= month <= 12:
        return None
    date = make_date(resolved, month, day or _days_in(resolved, month))
    if date is None or year is not None:
        return date
    if date < meeting:
        if not by or month == meeting.month:
            return None if not by else date
        return make_date(resolved + 1, month, day or _days_in(resolved + 1, month))
    return date


def _after(meeting: dt.date, count: int, unit: str) -> dt.date | None:
    if count <= 0 or count > 120:
        return None
    if unit == "個月":
        month = meeting.month - 1 + count
        year, month = meeting.year + month // 12, month % 12 + 1
        return dt.date(year, month, min(meeting.day, _days_in(year, month)))
    days = count * 7 if unit in ("週", "周", "星期") else count
    return meeting + dt.timedelta(days=days)


def _days_in(year: int, month: int) -> int:
    """Days of a month (calendar.monthrange also computes a weekday: slower)."""
    return calendar.mdays[month] + (month == 2 and calendar.isleap(year))
