"""Periods as written in files and the API: 2025, 2025-Q2, 2025-04, 2025-04-17."""

import datetime as dt
import re

from django.utils.translation import gettext as _

from livinglab.kpis.models import Frequency, period_label

_FORMS = [
    (re.compile(r"^(\d{4})$"), Frequency.YEAR),
    (re.compile(r"^(\d{4})-?[Qq]([1-4])$"), Frequency.QUARTER),
    (re.compile(r"^(\d{4})[-/](\d{1,2})$"), Frequency.MONTH),
    (re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$"), Frequency.DAY),
]


class PeriodError(ValueError):
    pass


def parse_period(text: str) -> tuple[str, dt.date]:
    """The frequency the text is written at and the period's first day."""
    text = (text or "").strip()
    for pattern, frequency in _FORMS:
        found = pattern.match(text)
        if not found:
            continue
        numbers = [int(n) for n in found.groups()]
        try:
            if frequency == Frequency.YEAR:
                return frequency, dt.date(numbers[0], 1, 1)
            if frequency == Frequency.QUARTER:
                return frequency, dt.date(numbers[0], numbers[1] * 3 - 2, 1)
            if frequency == Frequency.MONTH:
                return frequency, dt.date(numbers[0], numbers[1], 1)
            return frequency, dt.date(*numbers)
        except ValueError:
            break
    raise PeriodError(
        _("“%(period)s” is not a period (write 2025, 2025-Q2, 2025-04 or 2025-04-17).")
        % {"period": text}
    )


def write_period(frequency: str, start: dt.date) -> str:
    return period_label(frequency, start)


def period_of(frequency: str, day: dt.date) -> dt.date:
    """The first day of the period of `frequency` that holds `day`."""
    if frequency == Frequency.DAY:
        return day
    if frequency == Frequency.MONTH:
        return day.replace(day=1)
    if frequency == Frequency.QUARTER:
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return dt.date(day.year, 1, 1)
