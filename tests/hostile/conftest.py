"""The permission tests' world (a non-public body and one of each of its objects), built
once for the module and rolled back at its end; pages in Traditional Chinese."""

import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def hostile_world(django_db_setup, django_db_blocker):
    from tests.permissions.world import build

    with django_db_blocker.unblock(), transaction.atomic():
        world = build()
        yield world
        transaction.set_rollback(True)
