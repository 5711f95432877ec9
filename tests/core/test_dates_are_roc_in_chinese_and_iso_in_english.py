"""Officials read 113年9月27日 in zh-Hant; English pages and the API keep ISO dates."""

import datetime as dt

from django.template import Context, Template
from django.utils import translation

from livinglab.core.roc import official_date, official_quarter, roc_quarter
from livinglab.reports.dashboard import quarter_label

DAY = dt.date(2024, 9, 27)


def test_a_date_follows_the_language_of_the_page():
    with translation.override("zh-hant"):
        assert official_date(DAY) == "113年9月27日"
        # 20:00 UTC on the 26th is already the 27th in Taipei.
        late_evening = dt.datetime(2024, 9, 26, 20, 0, tzinfo=dt.UTC)
        assert official_date(late_evening) == "113年9月27日"
    with translation.override("en"):
        assert official_date(DAY) == "2024-09-27"
    assert official_date(None) == ""


def test_quarters_are_written_as_officials_write_them():
    assert roc_quarter(2024, 2) == "113年第2季"
    with translation.override("zh-hant"):
        assert quarter_label("2024Q2") == official_quarter(2024, 2) == "113年第2季"
    with translation.override("en"):
        assert quarter_label("2024Q2") == "2024 Q2"


def test_the_template_filter_leaves_no_date_empty():
    template = Template(
        "{% load official_dates %}[{{ day|official_date }}][{{ none|official_date }}]"
    )
    with translation.override("zh-hant"):
        assert template.render(Context({"day": DAY, "none": None})) == "[113年9月27日][]"


def test_case_page_and_registry_show_roc_dates_in_chinese(client, world):
    from livinglab.tracking.models import Case

    case = Case.objects.create(body=world.body, title="智慧路燈合作", deadline=DAY)
    page = client.get(case.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hant").content.decode()
    assert "113年9月27日" in page and "2024-09-27" not in page
    client.cookies.load({"django_language": "en"})
    page = client.get(case.get_absolute_url()).content.decode()
    assert "2024-09-27" in page


def test_a_moment_is_shown_to_the_minute_in_taipei():
    from livinglab.core.roc import official_time

    # 06:05 UTC is 14:05 in Taipei.
    moment = dt.datetime(2024, 9, 27, 6, 5, tzinfo=dt.UTC)
    with translation.override("zh-hant"):
        assert official_time(moment) == "113年9月27日 14:05"
    with translation.override("en"):
        assert official_time(moment) == "2024-09-27 14:05"
    template = Template("{% load official_dates %}[{{ none|official_time }}]")
    assert template.render(Context({"none": None})) == "[]"


def test_a_period_keeps_each_end_whole_on_its_line():
    template = Template("{% load official_dates %}{{ start|official_period:end }}")
    opens = dt.datetime(2027, 3, 1, 1, 0, tzinfo=dt.UTC)  # 09:00 in Taipei
    with translation.override("zh-hant"):
        days = template.render(Context({"start": DAY, "end": dt.date(2025, 3, 31)}))
        moments = template.render(Context({"start": opens, "end": None}))
    assert days == (
        '<span class="nowrap">113年9月27日</span> – <span class="nowrap">114年3月31日</span>'
    )
    assert moments == '<span class="nowrap">116年3月1日 09:00</span> – <span class="nowrap"></span>'
    with translation.override("en"):
        english = template.render(Context({"start": DAY, "end": DAY}))
    assert (
        english == '<span class="nowrap">2024-09-27</span> – <span class="nowrap">2024-09-27</span>'
    )
