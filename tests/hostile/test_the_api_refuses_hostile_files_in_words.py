"""The API's one file entry (POST /api/kpis/imports, the file as the body) with each
hostile file: 400 with a sentence (no program words), nothing staged, never a 500."""

import pytest
from django.db import transaction

from tests.hostile.files import CONTENT
from tests.hostile.refusals import PROGRAM_WORDS
from tests.hostile.test_hostile_files_are_refused_in_words_and_leave_nothing import client_for


@pytest.mark.django_db
@pytest.mark.parametrize("label", list(CONTENT))
def test_kpi_import_through_the_api(hostile_world, label):
    from livinglab.kpis.models import ExchangeImport

    _name, make = CONTENT[label]
    client = client_for(hostile_world, "secretary")
    with transaction.atomic():
        before = ExchangeImport.objects.count()
        response = client.post("/api/kpis/imports", make(), content_type="application/octet-stream")
        after = ExchangeImport.objects.count()
        transaction.set_rollback(True)
    assert response.status_code == 400
    assert after == before
    detail = response.json()["detail"]
    assert detail and not PROGRAM_WORDS.search(detail), detail
