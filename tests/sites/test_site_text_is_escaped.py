"""Names and addresses typed by people are shown as text on every page, never as HTML."""

import pytest

from livinglab.sites.models import FieldSite


@pytest.mark.parametrize("page", ["/sites/", "/sites/map/", "/sites/{pk}/"])
def test_markup_in_a_site_name_is_shown_as_text(client, world, page):
    site = FieldSite.objects.create(
        name='<img src=x onerror="alert(1)">河濱公園',
        address="<b>新北市</b>",
        agency=world.economic,
        latitude=25.0,
        longitude=121.5,
        is_public=True,
    )
    html = client.get(page.format(pk=site.pk)).content.decode()
    assert "<img src=x" not in html and "<b>新北市</b>" not in html
    assert "&lt;img src=x" in html or "\\u003Cimg src=x" in html
