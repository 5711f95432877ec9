"""Chart axes speak like the pages around them: ROC dates in Chinese, ISO in English,
amounts grouped by thousands."""

import datetime as dt

from django.utils import translation
from matplotlib import dates as mdates
from matplotlib.figure import Figure

from livinglab.reports.charts import amount_axis, date_axis

DAY = dt.date(2026, 12, 7)


def _tick(axis, value) -> str:
    return axis.get_major_formatter()(value, 0)


def test_dates_on_an_axis_are_roc_dates_in_chinese_and_iso_in_english():
    axes = Figure().add_subplot()
    date_axis(axes.xaxis)
    monthly = Figure().add_subplot()
    date_axis(monthly.xaxis, by_month=True)
    at = mdates.date2num(DAY)
    with translation.override("zh-hant"):
        assert _tick(axes.xaxis, at) == "115年12月7日"
        assert _tick(monthly.xaxis, at) == "115年12月"
    with translation.override("en"):
        assert _tick(axes.xaxis, at) == "2026-12-07"
        assert _tick(monthly.xaxis, at) == "2026-12"


def test_amounts_on_an_axis_are_grouped_by_thousands():
    axes = Figure().add_subplot()
    amount_axis(axes.yaxis)
    assert _tick(axes.yaxis, 150000.0) == "150,000"
    assert _tick(axes.yaxis, 0.0) == "0"
