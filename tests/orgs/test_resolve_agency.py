from livinglab.orgs.services import resolve_agency


def test_full_name_resolves_to_itself(world):
    assert resolve_agency("新北市政府經濟發展局") == world.economic


def test_alias_resolves_within_the_meeting_city(world):
    assert resolve_agency("產發局", city=world.taipei) == world.industry


def test_city_prefix_in_the_mention_picks_that_city(world):
    assert resolve_agency("新北市經發局", city=world.taipei) == world.economic
    assert resolve_agency("新北市政府經濟發展局", city=world.taipei) == world.economic


def test_unambiguous_short_name_resolves_without_a_city(world):
    assert resolve_agency("交通局") == world.transport


def test_unknown_name_resolves_to_nothing(world):
    assert resolve_agency("月球事務局", city=world.taipei) is None
    assert resolve_agency("  ") is None
