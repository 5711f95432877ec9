"""Everyone finds the compute-credit programmes in the menu."""

from django.conf import settings
from django.urls import reverse


def test_the_menu_links_to_the_programmes_and_marks_them_current(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hant"
    home = client.get(reverse("core:home")).content.decode()
    link = f'<a href="{reverse("credits:list")}"'
    assert f"{link}>算力點數</a>" in home
    page = client.get(reverse("credits:list")).content.decode()
    assert f'{link} aria-current="page">算力點數</a>' in page
