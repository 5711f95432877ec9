"""`{{ case.deadline|official_date }}`: 113年9月27日 in zh-Hant, 2024-09-27 in English;
`{{ event.at|official_time }}` adds the time of day in Taipei."""

from django import template

from livinglab.core import roc

register = template.Library()


@register.filter
def official_date(value):
    return roc.official_date(value) if value else ""


@register.filter
def official_time(value):
    return roc.official_time(value) if value else ""


@register.filter
def official_quarter(key: str) -> str:
    """`2024Q2` as 113年第2季 or 2024 Q2."""
    year, quarter = str(key).split("Q")
    return roc.official_quarter(int(year), int(quarter))
