"""Dates in the Republic of China calendar, as officials expect to read them."""

import datetime as dt

ROC_OFFSET = 1911


def roc_date(date: dt.date | None) -> str:
    """113年9月27日 for 2024-09-27; empty for no date."""
    if date is None:
        return ""
    return f"{date.year - ROC_OFFSET}年{date.month}月{date.day}日"
