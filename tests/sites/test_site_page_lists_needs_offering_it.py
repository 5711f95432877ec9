"""A site page names the public needs that offer the site; drafts stay hidden."""

from django.utils import timezone

from livinglab.needs.models import Domain, Need
from livinglab.sites import services


def need(world, title: str, status: str) -> Need:
    return Need.objects.create(
        title=title,
        problem="尖峰時段公車延滯嚴重。",
        domain=Domain.objects.get(key="transport"),
        agency=world.transport,
        status=status,
        published_at=timezone.now() if status != "draft" else None,
    )


def test_the_site_page_lists_public_needs_offering_it(client, world, public_site):
    published = need(world, "公車路口優先通行", "published")
    draft = need(world, "尚未公告的號誌需求", "draft")
    public_site.needs.set([published, draft])
    html = client.get(f"/sites/{public_site.pk}/").content.decode()
    assert "公車路口優先通行" in html
    assert "尚未公告的號誌需求" not in html
    assert "公告徵求中" in html
    api = client.get(f"/api/sites/{public_site.pk}").json()
    assert [n["title"] for n in api["needs"]] == ["公車路口優先通行"]


def test_the_managing_agency_links_needs_on_the_edit_form(client, world, public_site):
    offered = need(world, "園區自駕接駁", "published")
    client.force_login(world.officer)
    form = client.get(f"/sites/{public_site.pk}/edit/").content.decode()
    assert "園區自駕接駁" in form
    services.update_site(world.officer, public_site, needs=[offered])
    assert list(offered.field_sites.all()) == [public_site]
