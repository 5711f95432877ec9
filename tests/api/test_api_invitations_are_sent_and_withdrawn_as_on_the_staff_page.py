"""A body's secretariat invites people to its staff through the API as on the staff page:
the same form, service, e-mail and permissions. Others are refused and nothing is sent;
the link's token is only ever in the e-mail."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from livinglab.accounts import invitations
from livinglab.accounts.models import Invitation
from livinglab.orgs.models import Membership
from tests.api.conftest import TokenClient
from tests.conftest import _user

FIELDS = {"id", "email", "role", "agency", "invited_by", "sent_at", "expires_at", "expired"}


def _delete(api, path: str):
    return api.client.delete(path, content_type="application/json", **api.headers)


def _path(world) -> str:
    return f"/api/bodies/{world.body.pk}/invitations"


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """`sent(api, path, data)`: the answer to a POST, with its e-mail sent after commit."""

    def post(api, path, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            return api.post(path, data)

    return post


def _invite(api, world, sent, email="Lin.Ke@Example.org", **extra):
    data = {"email": email, "role": "officer", "agency_id": world.industry.pk, **extra}
    return sent(api, _path(world), data)


def _token_in(message) -> str:
    return re.search(r"/accounts/invitations/(\S+)/", message.body).group(1)


def test_the_secretary_invites_someone_and_an_email_is_sent(world, api_as, sent):
    api = api_as("secretary")
    answer = _invite(api, world, sent)
    assert answer.status_code == 201, answer.content
    shown = answer.json()
    assert set(shown) == FIELDS
    assert (shown["email"], shown["role"], shown["expired"]) == (
        "lin.ke@example.org",
        "officer",
        False,
    )
    assert shown["agency"] == {"id": world.industry.pk, "name": world.industry.name}
    invitation = Invitation.objects.get(pk=shown["id"])
    assert (invitation.body, invitation.invited_by, invitation.organisation) == (
        world.body,
        world.secretary,
        world.industry,
    )
    [message] = mail.outbox
    assert message.to == ["lin.ke@example.org"] and world.body.name in message.subject
    # The e-mailed link is the one that works: the invitee can open it.
    assert invitations.open_link(_token_in(message)).invitation == invitation


def test_the_pending_invitations_are_listed_without_their_token(world, api_as, sent):
    api = api_as("secretary")
    first = _invite(api, world, sent)
    second = _invite(api, world, sent, email="chen@example.org", role="reviewer", agency_id=None)
    listed = api.get(_path(world))
    assert listed.status_code == 200
    assert [i["email"] for i in listed.json()] == ["chen@example.org", "lin.ke@example.org"]
    assert listed.json() == [second.json(), first.json()]
    assert second.json()["agency"] is None and second.json()["invited_by"] == "secretary"
    answers = [listed.content.decode(), first.content.decode(), second.content.decode()]
    for invitation, message in zip(Invitation.objects.all(), reversed(mail.outbox), strict=True):
        token = invitations.token_for(invitation)
        assert token == _token_in(message)
        for text in answers:
            assert token not in text and invitation.nonce not in text
    assert not any("token" in text or "nonce" in text for text in answers)


def test_sending_again_mails_a_new_link_and_the_old_stops_working(world, api_as, sent):
    api = api_as("secretary")
    invitation_id = _invite(api, world, sent).json()["id"]
    old = _token_in(mail.outbox[-1])
    again = sent(api, f"{_path(world)}/{invitation_id}/resend")
    assert again.status_code == 200, again.content
    new = _token_in(mail.outbox[-1])
    assert len(mail.outbox) == 2 and new != old
    assert new not in again.content.decode() and old not in again.content.decode()
    assert invitations.open_link(old).problem == invitations.Problem.REPLACED
    assert invitations.open_link(new).problem is None


def test_a_withdrawn_invitation_leaves_the_list_and_its_link_stops_working(world, api_as, sent):
    api = api_as("secretary")
    kept = _invite(api, world, sent, email="chen@example.org", role="reviewer").json()
    withdrawn = _invite(api, world, sent).json()
    token = _token_in(mail.outbox[-1])
    answer = _delete(api, f"{_path(world)}/{withdrawn['id']}")
    assert answer.status_code == 200, answer.content
    assert answer.json() == [kept]
    assert Invitation.objects.get(pk=withdrawn["id"]).cancelled_at is not None
    assert invitations.open_link(token).problem == invitations.Problem.CANCELLED
    assert api.get(_path(world)).json() == [kept]
    # Withdrawing it again, or sending it again, says it is over.
    twice = _delete(api, f"{_path(world)}/{withdrawn['id']}")
    assert twice.status_code == 400
    assert "already used or cancelled" in twice.json()["detail"]
    resent = sent(api, f"{_path(world)}/{withdrawn['id']}/resend")
    assert resent.status_code == 400 and "already used or cancelled" in resent.json()["detail"]
    assert len(mail.outbox) == 2


def test_an_accepted_invitation_is_not_withdrawn(world, api_as, sent):
    api = api_as("secretary")
    shown = _invite(api, world, sent).json()
    invitations.accept(_token_in(mail.outbox[-1]), "林科員", "a long and fine passphrase")
    answer = _delete(api, f"{_path(world)}/{shown['id']}")
    assert answer.status_code == 400 and "already used" in answer.json()["detail"]
    assert Invitation.objects.get(pk=shown["id"]).cancelled_at is None
    assert Membership.objects.filter(user__email="lin.ke@example.org", body=world.body).exists()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"email": "not an address"}, "E-mail address: Enter a valid email address."),
        ({"email": "proposer@example.org"}, "proposer@example.org already has an account"),
        ({"email": "Reviewer@Example.org"}, "is on the staff of this body already"),
        ({"agency_id": None}, "needs the agency"),
        ({"agency_id": "company"}, "valid choice"),
    ],
)
def test_a_refused_invitation_says_why_and_sends_nothing(world, api_as, sent, data, words):
    if data.get("agency_id") == "company":
        data["agency_id"] = world.company.pk
    answer = _invite(api_as("secretary"), world, sent, **data)
    assert answer.status_code == 400
    assert words in answer.json()["detail"]
    assert not Invitation.objects.exists() and mail.outbox == []


def test_an_account_is_pointed_to_the_staff_not_to_the_page(world, api_as, sent):
    detail = _invite(api_as("secretary"), world, sent, email="proposer@example.org").json()
    assert detail["detail"] == (
        "proposer@example.org already has an account: add the person to the staff by login"
        " name or e-mail instead."
    )


def test_inviting_the_same_address_twice_is_refused(world, api_as, sent):
    api = api_as("secretary")
    assert _invite(api, world, sent).status_code == 201
    twice = _invite(api, world, sent, email="LIN.KE@example.org ")
    assert twice.status_code == 400
    assert twice.json()["detail"] == (
        "lin.ke@example.org is already invited to this body: send that invitation again instead."
    )
    assert Invitation.objects.count() == 1 and len(mail.outbox) == 1


def test_a_refusal_is_in_the_callers_language(world, client, sent):
    api = TokenClient(client, world.secretary)
    api.headers["HTTP_ACCEPT_LANGUAGE"] = "zh-hant"
    answer = _invite(api, world, sent, email="proposer@example.org")
    assert answer.status_code == 400
    assert "已有帳號" in answer.json()["detail"]


@pytest.mark.parametrize(
    "data",
    [
        {"email": "x@example.org", "role": "proposer"},
        {"email": "", "role": "reviewer"},
        {"email": "a" * 250 + "@example.org", "role": "reviewer"},
        {"email": "x@example.org", "role": "reviewer", "agency_id": 0},
        {"role": "reviewer"},
    ],
)
def test_malformed_invitations_are_refused_with_422(world, api_as, sent, data):
    assert sent(api_as("secretary"), _path(world), data).status_code == 422
    assert not Invitation.objects.exists() and mail.outbox == []


@pytest.mark.parametrize("role", ["officer", "reviewer", "proposer", "other_officer"])
def test_those_who_do_not_run_the_body_are_refused(world, api_as, sent, role):
    shown = _invite(api_as("secretary"), world, sent).json()
    path = f"{_path(world)}/{shown['id']}"
    api = api_as(role)
    assert api.get(_path(world)).status_code == 403
    assert _invite(api, world, sent, email="chen@example.org").status_code == 403
    assert sent(api, f"{path}/resend").status_code == 403
    assert _delete(api, path).status_code == 403
    assert Invitation.objects.get().is_pending and len(mail.outbox) == 1


def test_the_secretariat_of_another_body_is_refused(world, client, api_as, sent):
    shown = _invite(api_as("secretary"), world, sent).json()
    outsider = _user("outsider")
    Membership.objects.create(user=outsider, role="secretariat", body=world.private_body)
    api = TokenClient(client, outsider)
    path = f"{_path(world)}/{shown['id']}"
    assert api.get(_path(world)).status_code == 403
    assert _invite(api, world, sent, email="chen@example.org").status_code == 403
    assert sent(api, f"{path}/resend").status_code == 403
    assert _delete(api, path).status_code == 403
    # Nor through the body it does serve: there, the invitation does not exist.
    own = f"/api/bodies/{world.private_body.pk}/invitations"
    assert api.get(own).json() == []
    assert sent(api, f"{own}/{shown['id']}/resend").status_code == 404
    assert _delete(api, f"{own}/{shown['id']}").status_code == 404
    assert Invitation.objects.get().is_pending and len(mail.outbox) == 1


def test_the_secretary_does_not_reach_a_body_it_cannot_see(world, api_as, sent):
    api = api_as("secretary")
    hidden = f"/api/bodies/{world.private_body.pk}/invitations"
    assert api.get(hidden).status_code == 404
    assert sent(api, hidden, {"email": "chen@example.org", "role": "reviewer"}).status_code == 404
    assert not Invitation.objects.exists() and mail.outbox == []


def test_an_admin_invites_and_anonymous_callers_are_asked_to_sign_in(world, api_as, client, sent):
    assert _invite(api_as("admin"), world, sent).status_code == 201
    assert client.get(_path(world)).status_code == 401
    answer = client.post(
        _path(world),
        {"email": "x@example.org", "role": "reviewer"},
        content_type="application/json",
    )
    assert answer.status_code == 401
    assert client.delete(f"{_path(world)}/{Invitation.objects.get().pk}").status_code == 401
    assert Invitation.objects.get().is_pending and len(mail.outbox) == 1


def _queries(api, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert api.get(path).status_code == 200
    return len(queries)


def test_the_list_queries_do_not_grow_with_its_length(world, api_as, sent):
    api = api_as("secretary")
    _invite(api, world, sent)
    api.get(_path(world))  # the token's first use is recorded once
    few = _queries(api, _path(world))
    for n in range(5):
        _invite(api, world, sent, email=f"person{n}@example.org")
    assert _queries(api, _path(world)) == few
    assert len(api.get(_path(world)).json()) == 6
