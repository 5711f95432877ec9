from django.urls import reverse


def test_menu_offers_dashboards_to_secretariat_and_officers_only(client, world):
    link = f'href="{reverse("reports:dashboards")}"'
    for person, shown in [("secretary", True), ("officer", True), ("proposer", False)]:
        client.force_login(getattr(world, person))
        html = client.get(reverse("core:home")).content.decode()
        assert (link in html) is shown, person
