from django.urls import reverse


def test_menu_offers_dashboards_to_secretariat_and_officers_only(client, world):
    link = f'href="{reverse("reports:dashboards")}"'
    for person, shown in [("secretary", True), ("officer", True), ("proposer", False)]:
        client.force_login(getattr(world, person))
        html = client.get(reverse("core:home")).content.decode()
        assert (link in html) is shown, person


def test_only_the_dashboard_item_is_current_on_a_dashboard(client, world):
    client.force_login(world.secretary)
    html = client.get(reverse("reports:dashboard", args=[world.body.pk])).content.decode()
    current = [part.split(">")[1].split("<")[0] for part in html.split('aria-current="page"')[1:]]
    assert current == ["儀表板"]
