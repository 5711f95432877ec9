"""Dates in the Republic of China calendar, as officials expect to read them.

Stored dates stay Gregorian; the ROC year is for display in zh-Hant pages, tables and
exports. English pages and the API show ISO dates.
"""

import datetime as dt

from django.utils import timezone
from django.utils.translation import get_language

ROC_OFFSET = 1911


def roc_date(date: dt.date | None) -> str:
    """113年9月27日 for 2024-09-27; empty for no date."""
    if date is None:
        return ""
    return f"{date.year - ROC_OFFSET}年{date.month}月{date.day}日"


def roc_quarter(year: int, quarter: int) -> str:
    """113年第2季 for the second quarter of 2024."""
    return f"{year - ROC_OFFSET}年第{quarter}季"


def official_month(date: dt.date) -> str:
    """113年9月 in Chinese, 2024-09 otherwise."""
    if in_chinese():
        return f"{date.year - ROC_OFFSET}年{date.month}月"
    return f"{date.year:04d}-{date.month:02d}"


def in_chinese() -> bool:
    return (get_language() or "").lower().startswith("zh")


def official_date(date: dt.date | None) -> str:
    """The date as the reader of this page expects it: ROC in Chinese, ISO otherwise."""
    if date is None:
        return ""
    if isinstance(date, dt.datetime):
        date = timezone.localtime(date).date()  # the day it was in Taipei
    return roc_date(date) if in_chinese() else date.isoformat()


def official_time(moment: dt.datetime | None) -> str:
    """A moment in Taipei to the minute: 113年9月27日 14:05 in Chinese, 2024-09-27 14:05
    otherwise."""
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    return f"{official_date(local.date())} {local:%H:%M}"


def official_quarter(year: int, quarter: int) -> str:
    return roc_quarter(year, quarter) if in_chinese() else f"{year} Q{quarter}"
