from django.contrib.auth.models import AnonymousUser

from livinglab.needs.models import Need
from tests.pipeline import make_need


def test_a_draft_need_is_seen_by_its_agency_and_the_secretariat_only(world):
    draft = make_need(world, "智慧路燈故障回報", status=Need.Status.DRAFT)
    published = make_need(world, "公宅用電尖峰調節", domain_key="housing")

    def seen_by(user):
        return set(Need.objects.visible_to(user))

    assert seen_by(world.officer) == {draft, published}
    assert seen_by(world.secretary) == {draft, published}
    assert seen_by(world.admin) == {draft, published}
    for outsider in (AnonymousUser(), world.other_officer, world.proposer, world.reviewer):
        assert seen_by(outsider) == {published}
    assert set(Need.objects.public()) == {published}
