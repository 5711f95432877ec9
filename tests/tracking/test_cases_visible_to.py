from django.contrib.auth.models import AnonymousUser

from livinglab.tracking.models import Case, CaseAgency


def test_public_body_cases_are_public_and_private_ones_are_not(world):
    public = Case.objects.create(body=world.body, title="公開案")
    hidden = Case.objects.create(body=world.private_body, title="內部案")

    assert list(Case.objects.visible_to(AnonymousUser())) == [public]
    assert set(Case.objects.visible_to(world.admin)) == {public, hidden}


def test_officer_sees_their_agency_cases_in_a_private_body(world):
    hidden = Case.objects.create(body=world.private_body, title="內部案")
    CaseAgency.objects.create(case=hidden, organisation=world.industry)

    assert hidden in Case.objects.visible_to(world.officer)
    assert hidden not in Case.objects.visible_to(world.other_officer)
    assert list(Case.objects.for_agency(world.industry)) == [hidden]
