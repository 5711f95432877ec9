"""`{{ case.deadline|official_date }}`: 113年9月27日 in zh-Hant, 2024-09-27 in English;
`{{ event.at|official_time }}` adds the time of day in Taipei;
`{{ trial.starts_on|official_period:trial.ends_on }}` writes a period from one to the other."""

import datetime as dt

from django import template
from django.utils.html import format_html

from livinglab.core import roc

register = template.Library()


@register.filter
def official_date(value):
    return roc.official_date(value) if value else ""


@register.filter
def official_time(value):
    return roc.official_time(value) if value else ""


@register.filter
def official_period(start, end):
    """From one day (or moment) to another, each kept whole on its line: a narrow table
    cell breaks a period at its dash, never inside 116年5月6日."""
    return format_html(
        '<span class="nowrap">{}</span> – <span class="nowrap">{}</span>',
        _official(start),
        _official(end),
    )


def _official(value) -> str:
    """A moment to the minute, a day as a day; nothing for no value."""
    return roc.official_time(value) if isinstance(value, dt.datetime) else roc.official_date(value)


@register.filter
def official_quarter(key: str) -> str:
    """`2024Q2` as 113年第2季 or 2024 Q2."""
    year, quarter = str(key).split("Q")
    return roc.official_quarter(int(year), int(quarter))
