"""The call's secretariat assigns committee reviewers, by hand or from suggestions; the
reviewer is told; the proposal goes under review; everything is on its history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from livinglab.orgs.models import Membership
from livinglab.proposals.models import Proposal
from livinglab.reviews import services
from livinglab.reviews.models import Assignment
from livinglab.work.models import Notification

from .conftest import reviewer


def test_assigning_from_the_page(client, reviews):
    client.force_login(reviews.world.secretary)
    response = client.post(
        f"/reviews/proposals/{reviews.proposal.pk}/assign/", {"reviewer": reviews.second.pk}
    )
    assert response.status_code == 302
    a = Assignment.objects.get()
    assert (a.reviewer, a.assigned_by) == (reviews.second, reviews.world.secretary)
    reviews.proposal.refresh_from_db()
    assert reviews.proposal.status == Proposal.Status.UNDER_REVIEW
    event = reviews.proposal.events.get(kind="review_assigned")
    assert event.actor == reviews.world.secretary and event.payload["reviewer"] == reviews.second.pk
    assert not event.shown_to_proposer
    note = Notification.objects.get(user=reviews.second, kind="review_assigned")
    assert note.url == f"/reviews/assignments/{a.pk}/"


def test_suggestions_put_expertise_first_then_load(reviews):
    names = [s.key for s in services.suggest(reviews.world.secretary, reviews.proposal)]
    # 李 knows transport and traffic; 王 (reviewer) transport; 周 nothing
    assert names == [reviews.second.pk, reviews.first.pk, reviews.third.pk]
    services.assign(reviews.world.secretary, reviews.other, reviews.second)
    services.assign(reviews.world.secretary, reviews.other, reviews.first)
    # the same expertise order holds; load only breaks ties
    names = [s.key for s in services.suggest(reviews.world.secretary, reviews.proposal)]
    assert names[0] == reviews.second.pk


def test_load_breaks_ties_of_expertise(reviews):
    services.assign(reviews.world.secretary, reviews.other, reviews.first)
    late = reviewer("reviewer4", "吳委員", reviews.world.body)
    reviews.call.reviewers.add(late)
    from livinglab.reviews.models import Expertise
    from tests.pipeline import domain

    Expertise.objects.create(reviewer=late, domain=domain("transport"))
    keys = [s.key for s in services.suggest(reviews.world.secretary, reviews.proposal)]
    assert keys.index(late.pk) < keys.index(reviews.first.pk)


def test_one_click_from_a_suggestion_on_the_page(client, reviews):
    client.force_login(reviews.world.secretary)
    page = client.get(f"/reviews/proposals/{reviews.proposal.pk}/").content.decode()
    assert "李委員" in page
    client.post(
        f"/reviews/proposals/{reviews.proposal.pk}/assign/", {"reviewer": reviews.second.pk}
    )
    page = client.get(f"/reviews/proposals/{reviews.proposal.pk}/").content.decode()
    assert "李委員" in page  # now in the reviewers' table


def test_outside_the_committee_is_refused(reviews):
    outsider = reviewer("outsider", "外部委員", reviews.world.private_body)
    with pytest.raises(ValidationError):
        services.assign(reviews.world.secretary, reviews.proposal, outsider)


def test_a_proposer_of_the_organisation_is_never_assigned(reviews):
    Membership.objects.create(
        user=reviews.third, role="proposer", organisation=reviews.proposal.organisation
    )
    with pytest.raises(ValidationError):
        services.assign(reviews.world.secretary, reviews.proposal, reviews.third)
    keys = [s.key for s in services.suggest(reviews.world.secretary, reviews.proposal)]
    assert reviews.third.pk not in keys


def test_twice_is_refused(reviews):
    services.assign(reviews.world.secretary, reviews.proposal, reviews.first)
    with pytest.raises(ValidationError):
        services.assign(reviews.world.secretary, reviews.proposal, reviews.first)
    assert Assignment.objects.count() == 1


def test_a_draft_is_not_reviewed(reviews):
    from tests.pipeline import make_proposal

    draft = make_proposal(reviews.world, reviews.call, title="草稿")
    with pytest.raises(ValidationError):
        services.assign(reviews.world.secretary, draft, reviews.first)


def test_only_the_secretariat_of_the_calls_body_assigns(client, reviews):
    for person in (reviews.first, reviews.world.officer, reviews.world.proposer):
        with pytest.raises(PermissionDenied):
            services.assign(person, reviews.proposal, reviews.second)
    client.force_login(reviews.first)
    response = client.post(
        f"/reviews/proposals/{reviews.proposal.pk}/assign/", {"reviewer": reviews.second.pk}
    )
    assert response.status_code == 404  # a reviewer not on it cannot even see the proposal
    assert not Assignment.objects.exists()
