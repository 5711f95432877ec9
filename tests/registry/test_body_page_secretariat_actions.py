def test_secretariat_sees_its_tools_on_the_body_page(client, world):
    client.force_login(world.secretary)
    html = client.get(world.body.get_absolute_url()).content.decode()
    assert f"/imports/bodies/{world.body.pk}/" in html
    assert f"/reports/bodies/{world.body.pk}/table/" in html


def test_officer_and_public_do_not_see_secretariat_tools(client, world):
    assert "/imports/bodies/" not in client.get(world.body.get_absolute_url()).content.decode()
    client.force_login(world.officer)
    assert "/imports/bodies/" not in client.get(world.body.get_absolute_url()).content.decode()
