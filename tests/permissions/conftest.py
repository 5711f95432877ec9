"""One world for the whole module, built once and rolled back at the end."""

import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def matrix_world(django_db_setup, django_db_blocker):
    from tests.permissions.world import build

    with django_db_blocker.unblock(), transaction.atomic():
        world = build()
        yield world
        transaction.set_rollback(True)
