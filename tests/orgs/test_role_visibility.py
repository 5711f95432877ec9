"""Each role sees and changes only what it may, through the one access choke point."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from livinglab.core.access import get_for_user, require
from livinglab.meetings.models import Body
from livinglab.orgs.models import Membership
from livinglab.orgs.roles import roles_of


def test_roles_are_read_from_memberships(world):
    assert roles_of(world.secretary).secretariat_body_ids == {world.body.pk}
    assert roles_of(world.officer).officer_org_ids == {world.industry.pk}
    assert roles_of(world.reviewer).reviewer_body_ids == {world.body.pk}
    assert roles_of(world.proposer).is_proposer
    assert roles_of(world.admin).is_admin


def test_public_sees_only_public_bodies(world):
    from django.contrib.auth.models import AnonymousUser

    assert list(Body.objects.visible_to(AnonymousUser())) == [world.body]
    with pytest.raises(Http404):
        get_for_user(Body.objects, AnonymousUser(), world.private_body.pk)


def test_member_agency_officer_sees_a_private_body(world):
    assert world.private_body in Body.objects.visible_to(world.officer)
    assert world.private_body not in Body.objects.visible_to(world.other_officer)


@pytest.mark.parametrize(
    "username,allowed",
    [
        ("secretary", True),
        ("admin", True),
        ("officer", False),
        ("reviewer", False),
        ("proposer", False),
    ],
)
def test_only_the_secretariat_may_manage_its_body(world, username, allowed):
    user = getattr(world, username)
    if allowed:
        require(user, "manage", world.body)
    else:
        with pytest.raises(PermissionDenied):
            require(user, "manage", world.body)


def test_memberships_are_visible_to_self_and_the_bodys_secretariat(world):
    officer_membership = Membership.objects.get(user=world.officer)
    reviewer_membership = Membership.objects.get(user=world.reviewer)
    assert set(Membership.objects.visible_to(world.officer)) == {officer_membership}
    assert reviewer_membership in Membership.objects.visible_to(world.secretary)
    assert reviewer_membership not in Membership.objects.visible_to(world.proposer)


def test_organisation_directory_is_public_but_read_only(world):
    from django.contrib.auth.models import AnonymousUser

    assert (
        get_for_user(type(world.industry).objects, AnonymousUser(), world.industry.pk)
        == world.industry
    )
    with pytest.raises(PermissionDenied):
        require(AnonymousUser(), "add_alias", world.industry)
