"""Charts are SVG images served by a view (CSP allows no inline styles), with the same
numbers in tables beside them; without a CJK font the page says so and keeps the tables."""

import re

import pytest
from django.urls import reverse

from livinglab.reports import charts
from livinglab.reports.dashboard import build_dashboard
from livinglab.tracking.models import Case


@pytest.fixture
def secretary(client, registry):
    client.force_login(registry.secretary)
    return client


def test_the_machine_has_a_cjk_font():
    assert charts.cjk_font() and "CJK" in charts.cjk_font()


def test_a_cjk_font_installed_after_matplotlib_cached_its_list_is_found(monkeypatch):
    from matplotlib import font_manager

    stale = font_manager.FontManager()  # as the cache saw the machine before the fonts
    stale.ttflist = [f for f in stale.ttflist if "CJK" not in f.name]
    monkeypatch.setattr(font_manager, "fontManager", stale)
    charts.cjk_font.cache_clear()
    try:
        assert "CJK" in (charts.cjk_font() or "")
        assert any("CJK" in f.name for f in stale.ttflist)
    finally:
        charts.cjk_font.cache_clear()


def test_each_chart_is_an_svg_image_on_the_page(secretary, registry):
    html = secretary.get(reverse("reports:dashboard", args=[registry.body.pk])).content.decode()
    sources = re.findall(r'<img src="([^"]+\.svg)" alt="[^"]+"', html)
    assert len(sources) == len(charts.CHARTS)
    assert " style=" not in html and "<script>" not in html
    for src in sources:
        response = secretary.get(src)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/svg+xml"
        assert response.content.lstrip().startswith(b"<?xml") and b"<svg" in response.content
        assert b"<script" not in response.content


def test_an_unknown_chart_is_not_found(secretary, registry):
    url = reverse("reports:chart", args=[registry.body.pk, "pie"])
    assert secretary.get(url).status_code == 404


def test_timeline_draws_one_lane_per_case(registry):
    dashboard = build_dashboard(Case.objects.for_body(registry.body))
    svg = charts.render("timeline", dashboard).decode()
    # One y tick label per lane (matplotlib names them ytick_1, ytick_2, ...).
    assert len(set(re.findall(r'id="ytick_\d+"', svg))) == len(dashboard.lanes) == 4


def test_every_chart_renders_with_no_cases(world):
    dashboard = build_dashboard(Case.objects.none())
    for name in charts.CHARTS:
        assert charts.render(name, dashboard).lstrip().startswith(b"<?xml")
        assert charts.render(name, dashboard, "png").startswith(b"\x89PNG")


def test_without_a_cjk_font_the_page_keeps_its_tables_and_says_why(
    secretary, registry, monkeypatch
):
    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    html = secretary.get(reverse("reports:dashboard", args=[registry.body.pk])).content.decode()
    assert "<img" not in html
    assert "Noto Sans CJK" in html
    assert '<td class="num" data-state="tracked">2</td>' in html


def test_chinese_labels_are_drawn_with_the_cjk_font(registry, recwarn):
    dashboard = build_dashboard(Case.objects.for_body(registry.body))
    for name in charts.CHARTS:
        charts.render(name, dashboard, "png")
    assert not [w for w in recwarn if "missing from font" in str(w.message)]
