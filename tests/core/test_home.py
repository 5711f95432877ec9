def test_home_says_what_the_platform_is_in_chinese(client, world):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="zh-Hant-TW">' in html
    assert "列管" in html


def test_home_in_english_after_switching_language(client, world):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Tracking" in html


def test_pages_carry_a_favicon_and_the_old_address_leads_to_it(client, db):
    page = client.get("/").content.decode()
    assert 'rel="icon"' in page and "favicon.svg" in page
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response.url.endswith("img/favicon.svg")
