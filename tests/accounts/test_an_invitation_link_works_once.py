"""An invitation e-mails a signed link that works once, until it expires; the invitee
chooses a display name and password and lands on the body's staff. A used, expired,
replaced or cancelled link says so plainly."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from livinglab.accounts import invitations
from livinglab.accounts.models import Invitation
from livinglab.orgs.models import Membership


@pytest.fixture
def en(client):
    client.cookies["django_language"] = "en"
    return client


def _sign_out(client):
    client.logout()  # which forgets every cookie, the language's too
    client.cookies["django_language"] = "en"


def _invite(client, world, django_capture_on_commit_callbacks, **extra):
    client.force_login(world.secretary)
    data = {
        "invite-email": "Lin.Ke@Example.org",
        "invite-role": "officer",
        "invite-agency": world.industry.pk,
        **extra,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meetings:staff_invite", args=[world.body.pk]), data)
    assert response.status_code == 302
    _sign_out(client)


def _path(message) -> str:
    return "/" + re.search(r"https?://[^/\s]+/(accounts/invitations/\S+/)", message.body).group(1)


ACCEPT = {
    "display_name": "林科員",
    "password": "a long and fine passphrase",
    "password_again": "a long and fine passphrase",
}


def test_the_link_signs_the_invitee_up_once(en, world, django_capture_on_commit_callbacks):
    _invite(en, world, django_capture_on_commit_callbacks)
    message = mail.outbox[-1]
    assert message.to == ["lin.ke@example.org"] and world.body.name in message.subject
    path = _path(message)
    page = en.get(path)
    assert page.status_code == 200 and world.body.name in page.content.decode()
    response = en.post(path, ACCEPT)
    assert response.status_code == 302 and response.url == world.body.get_absolute_url()
    user = get_user_model().objects.get(email="lin.ke@example.org")
    assert (user.username, user.first_name) == ("lin.ke@example.org", "林科員")
    assert user.check_password(ACCEPT["password"])
    assert en.session["_auth_user_id"] == str(user.pk)
    assert Membership.objects.filter(
        user=user, role="officer", organisation=world.industry, body=world.body
    ).exists()
    # Used: the second time says so, and creates nothing.
    _sign_out(en)
    again = en.get(path)
    assert again.status_code == 410 and "already used" in again.content.decode()
    assert en.post(path, {**ACCEPT, "display_name": "冒名"}).status_code == 410
    assert get_user_model().objects.filter(email="lin.ke@example.org").count() == 1
    assert not Invitation.objects.pending().exists()


def test_the_staff_page_names_the_invitee_by_display_name_after(
    en, world, django_capture_on_commit_callbacks
):
    _invite(en, world, django_capture_on_commit_callbacks)
    en.post(_path(mail.outbox[-1]), ACCEPT)
    en.force_login(world.secretary)
    assert "林科員" in en.get(reverse("meetings:staff", args=[world.body.pk])).content.decode()


def test_an_expired_link_says_it_expired(en, world, django_capture_on_commit_callbacks):
    _invite(en, world, django_capture_on_commit_callbacks)
    Invitation.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    page = en.get(_path(mail.outbox[-1]))
    assert page.status_code == 410 and "This link has expired." in page.content.decode()
    assert en.post(_path(mail.outbox[-1]), ACCEPT).status_code == 410
    assert not get_user_model().objects.filter(email="lin.ke@example.org").exists()


def test_sending_again_replaces_the_old_link(en, world, django_capture_on_commit_callbacks):
    _invite(en, world, django_capture_on_commit_callbacks)
    old = _path(mail.outbox[-1])
    invitation = Invitation.objects.get()
    Invitation.objects.update(expires_at=timezone.now() - dt.timedelta(days=1))
    en.force_login(world.secretary)
    with django_capture_on_commit_callbacks(execute=True):
        en.post(reverse("meetings:invitation_resend", args=[world.body.pk, invitation.pk]))
    new = _path(mail.outbox[-1])
    assert len(mail.outbox) == 2 and new != old
    _sign_out(en)
    assert "replaced by a newer invitation" in en.get(old).content.decode()
    assert en.get(new).status_code == 200


def test_a_cancelled_invitation_says_so(en, world, django_capture_on_commit_callbacks):
    _invite(en, world, django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get()
    en.force_login(world.secretary)
    en.post(reverse("meetings:invitation_cancel", args=[world.body.pk, invitation.pk]))
    _sign_out(en)
    page = en.get(_path(mail.outbox[-1]))
    assert page.status_code == 410 and "This invitation was cancelled." in page.content.decode()


def test_an_accepted_invitation_cannot_be_cancelled(en, world, django_capture_on_commit_callbacks):
    _invite(en, world, django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get()
    Invitation.objects.update(accepted_at=timezone.now())
    en.force_login(world.secretary)
    url = reverse("meetings:invitation_cancel", args=[world.body.pk, invitation.pk])
    page = en.post(url, follow=True).content.decode()
    assert "already used or cancelled" in page and "is cancelled" not in page
    invitation.refresh_from_db()
    assert invitation.cancelled_at is None and invitation.accepted_at is not None


def test_a_tampered_link_is_not_valid(en, world, django_capture_on_commit_callbacks):
    _invite(en, world, django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get()
    forged = invitations.signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt="other")
    page = en.get(reverse("accounts:invitation", args=[forged]))
    assert page.status_code == 404 and "not valid" in page.content.decode()


def test_nothing_is_sent_when_the_invitation_is_rolled_back(
    world, django_capture_on_commit_callbacks
):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            invitations.invite(world.secretary, world.body, "x@example.org", "reviewer")
            raise RuntimeError
    assert mail.outbox == []


def test_an_existing_account_is_added_not_invited(en, world):
    en.force_login(world.secretary)
    data = {"invite-email": "officer@example.org", "invite-role": "reviewer"}
    page = en.post(reverse("meetings:staff_invite", args=[world.body.pk]), data)
    assert "already has an account" in page.content.decode()
    assert not Invitation.objects.exists() and mail.outbox == []


def test_someone_on_the_staff_is_told_so_not_invited(en, world):
    en.force_login(world.secretary)
    data = {"invite-email": "reviewer@example.org", "invite-role": "officer"}
    data["invite-agency"] = world.industry.pk
    page = en.post(reverse("meetings:staff_invite", args=[world.body.pk]), data)
    assert "reviewer@example.org is on the staff of this body already." in page.content.decode()
    assert not Invitation.objects.exists() and mail.outbox == []


def test_another_bodys_secretary_cannot_resend_or_cancel(
    en, world, django_capture_on_commit_callbacks
):
    from tests.conftest import _user

    _invite(en, world, django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get()
    outsider = _user("outsider")
    Membership.objects.create(user=outsider, role="secretariat", body=world.private_body)
    en.force_login(outsider)
    for name in ("meetings:invitation_resend", "meetings:invitation_cancel"):
        assert en.post(reverse(name, args=[world.body.pk, invitation.pk])).status_code == 403
        # Nor through the body it does serve.
        assert (
            en.post(reverse(name, args=[world.private_body.pk, invitation.pk])).status_code == 404
        )
    invitation.refresh_from_db()
    assert invitation.is_pending and len(mail.outbox) == 1
