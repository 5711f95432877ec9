"""Dates and times as officials write them: 民國 years, full-width digits, Chinese
numerals (中華民國一百十三年三月五日), 上午/下午/中午, 14:00."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .numerals import to_int

_N = r"[\d〇零○一二三四五六七八九十百兩元]"
DATE_RE = re.compile(
    rf"(?:中華民國|民國)?[ \t]*(?P<y>{_N}{{2,5}})[ \t]*年[ \t]*(?P<m>{_N}{{1,3}})[ \t]*月[ \t]*(?P<d>{_N}{{1,4}})[ \t]*日"
    r"|(?P<y2>(?:19|20)\d\d|\d{2,3})[ \t]*[/\-.．][ \t]*(?P<m2>\d{1,2})[ \t]*[/\-.．][ \t]*(?P<d2>\d{1,2})(?!\d)"
)
TIME_RE = re.compile(
    rf"(?P<half>上午|下午|中午|晚上|晚間|早上|凌晨|傍晚)?[ \t]*(?P<h>{_N}{{1,3}})[ \t]*(?:時|點|[:：])"
    rf"[ \t]*(?:(?P<half_hour>半)|(?P<min>{_N}{{1,3}})[ \t]*分?)?"
)
_AFTERNOON = {"下午", "晚上", "晚間", "傍晚"}


def year_of(text: str) -> int | None:
    """Gregorian year of a year as written: 112 (民國) or 2023."""
    value = to_int(text)
    if value is None:
        return None
    if value < 1000:
        return value + 1911 if 0 < value < 300 else None
    return value if 1900 <= value <= 2200 else None


def make_date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Header values are parsed several times each (to cluster fields into records, to
# tell whether a record opens, for the meeting date): the same few strings.
@lru_cache(maxsize=1024)
def parse_date(text: str) -> tuple[dt.date | None, int]:
    """First date in the text, and the offset where it ends (0 if none)."""
    for match in DATE_RE.finditer(text):
        if match.group("y"):
            parts = (match.group("y"), match.group("m"), match.group("d"))
        else:
            parts = (match.group("y2"), match.group("m2"), match.group("d2"))
        date = make_date(year_of(parts[0]), to_int(parts[1]), to_int(parts[2]))
        if date:
            return date, match.end()
    return None, 0


def parse_time(text: str) -> str | None:
    """First clock time in the text as HH:MM (24-hour)."""
    for match in TIME_RE.finditer(text):
        hour = to_int(match.group("h"))
        minute = 30 if match.group("half_hour") else to_int(match.group("min") or "0")
        if hour is None or minute is None or hour > 24 or minute > 59:
            continue
        half = match.group("half")
        if half in _AFTERNOON and hour < 12:
            hour += 12
        elif half == "中午" and hour < 6:
            hour += 12
        if not half and ":" not in match.group() and "：" not in match.group() and hour > 24:
            continue
        return f"{hour:02d}:{minute:02d}"
    return None


def parse_title_date(text: str) -> dt.date | None:
    """A date in a title: a full date, or a year and a (3/23) style day."""
    date, _ = parse_date(text)
    if date:
        return date
    year = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)|(?<!\d)(\d{2,3})\s*年", text)
    day = re.search(
        r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])|(\d{1,2})\s*月\s*(\d{1,2})\s*日", text
    )
    if not year or not day:
        return None
    month_day = [g for g in day.groups() if g]
    return make_date(year_of(year.group(1) or year.group(2)), int(month_day[0]), int(month_day[1]))
