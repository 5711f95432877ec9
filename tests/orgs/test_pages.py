def test_organisation_list_searches_by_alias(client, world):
    response = client.get("/organisations/", {"q": "經發局"})
    html = response.content.decode()
    assert "新北市政府經濟發展局" in html
    assert "臺北市政府交通局" not in html


def test_htmx_search_returns_only_the_rows(client, world):
    response = client.get("/organisations/", {"q": "交通"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "臺北市政府交通局" in html


def test_organisation_page_lists_aliases_and_escapes_names(client, world):
    world.company.name = "<script>alert(1)</script>公司"
    world.company.save()
    response = client.get(f"/organisations/{world.company.pk}/")
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    detail = client.get(f"/organisations/{world.industry.pk}/").content.decode()
    assert "產發局" in detail
