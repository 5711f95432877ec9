"""A GET is safe: reading the pages that show notifications (the list, the bell, the
home page, the desk, the plate) leaves every notification unread."""

import pytest
from django.db import transaction
from django.urls import reverse

from tests.permissions.probe import client_for

PAGES = ("work:notifications", "work:bell", "core:home", "proposals:desk", "work:plate")


@pytest.mark.django_db
def test_reading_pages_marks_nothing_read(matrix_world):
    from livinglab.work.models import Notification

    client = client_for(matrix_world, "officer")
    with transaction.atomic():
        for name in PAGES:
            assert client.get(reverse(name)).status_code == 200, name
        unread = Notification.objects.filter(pk=matrix_world.notification.pk, read_at=None)
        assert unread.exists()
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_the_token_page_is_never_stored(matrix_world):
    client = client_for(matrix_world, "secretary")
    assert "no-store" in client.get(reverse("accounts:tokens"))["Cache-Control"]
