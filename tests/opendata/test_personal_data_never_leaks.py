"""Personal data held by the models (a meeting's recorder, a need's contact person and
e-mail, people's accounts) appears in no dataset, catalogue or API answer."""

import pytest
from django.urls import reverse

from livinglab.opendata.catalogue import DATASETS
from tests.opendata.conftest import PERSONAL


@pytest.fixture
def need_with_contact(published):
    from livinglab.needs.models import Domain, Need

    return Need.objects.create(
        title="路口車流即時調控",
        problem="尖峰壅塞。",
        domain=Domain.objects.get(key="transport"),
        agency=published.world.transport,
        contact_name=PERSONAL[1],
        contact_email=PERSONAL[2],
        status=Need.Status.PUBLISHED,
        created_by=published.world.officer,
    )


def _everything_public(client) -> str:
    parts = []
    for dataset in DATASETS:
        for fmt in ("csv", "json"):
            response = client.get(reverse("opendata:download", args=[dataset.slug, fmt]))
            parts.append(b"".join(response.streaming_content).decode("utf-8-sig"))
        parts.append(client.get(reverse("opendata:dataset", args=[dataset.slug])).content.decode())
    parts.append(client.get(reverse("opendata:catalogue")).content.decode())
    for action in ("package_list", "package_search"):
        parts.append(client.get(reverse("ckan", args=[action])).content.decode())
    return "\n".join(parts)


def test_no_personal_field_reaches_open_data(client, published, need_with_contact):
    text = _everything_public(client)
    assert "路口車流即時調控" in text  # the need itself is published
    for value in PERSONAL:
        assert value not in text
    for user in ("secretary", "officer", "proposer", "reviewer"):
        assert f'"{user}"' not in text and f",{user}," not in text
