"""The secretariat creates and edits programmes: terms, priority domains, providers."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from livinglab.credits import programmes
from livinglab.credits.models import LedgerEntry, Programme
from tests.trials.conftest import make_domain

TERMS = {
    "name": "116年算力點數計畫",
    "budget": 200_000,
    "starts_on": dt.date(2027, 1, 1),
    "ends_on": dt.date(2027, 12, 31),
    "team_cap": 50_000,
    "minimum_grant": 5_000,
    "credits_expire_on": dt.date(2028, 3, 31),
}


def form_data(body, *, domains=(), rates=(), **changes):
    data = {**TERMS, "body": body.pk, **changes}
    for prefix, rows in (("domains", domains), ("rates", rates)):
        data[f"{prefix}-TOTAL_FORMS"] = len(rows)
        data[f"{prefix}-INITIAL_FORMS"] = 0
        for i, row in enumerate(rows):
            for key, value in row.items():
                data[f"{prefix}-{i}-{key}"] = value
    return data


def test_the_secretariat_creates_a_programme_with_domains_and_providers(client, world):
    transport, ageing = make_domain("transport"), make_domain("ageing")
    client.force_login(world.secretary)
    answer = client.post(
        reverse("credits:new"),
        form_data(
            world.body,
            domains=[
                {"domain": transport.pk, "weight": "2"},
                {"domain": ageing.pk, "weight": "1.5"},
            ],
            rates=[
                {"provider": "nchc", "gpu_class": "H100", "credits_per_hour": "10"},
                {"provider": "nchc", "gpu_class": "A100", "credits_per_hour": "6.5"},
            ],
        ),
    )
    programme = Programme.objects.get(name=TERMS["name"])
    assert answer.status_code == 302
    assert answer["Location"] == reverse("credits:programme", args=[programme.pk])
    assert programme.body == world.body and programme.team_cap == 50_000
    weights = dict(programme.priority_domains.values_list("domain__key", "weight"))
    assert weights == {"transport": Decimal(2), "ageing": Decimal("1.5")}
    assert set(programme.rates.values_list("gpu_class", "credits_per_hour")) == {
        ("H100", Decimal(10)),
        ("A100", Decimal("6.5")),
    }
    assert not LedgerEntry.objects.filter(programme=programme).exists()  # funded by a run


def test_editing_replaces_domains_and_rates_and_books_nothing(client, world, programme):
    entries = LedgerEntry.objects.count()
    ageing = make_domain("ageing")
    client.force_login(world.secretary)
    page = client.get(reverse("credits:edit", args=[programme.pk]))
    assert 'value="nchc"' in page.content.decode()  # the current rate is in the form
    answer = client.post(
        reverse("credits:edit", args=[programme.pk]),
        form_data(
            world.body,
            name=programme.name,
            budget=150_000,
            domains=[{"domain": ageing.pk, "weight": "3"}],
            rates=[{"provider": "twcc", "gpu_class": "V100", "credits_per_hour": "4"}],
        ),
    )
    assert answer.status_code == 302
    programme.refresh_from_db()
    assert programme.budget == 150_000
    assert list(programme.priority_domains.values_list("domain__key", flat=True)) == ["ageing"]
    assert list(programme.rates.values_list("provider", flat=True)) == ["twcc"]
    assert LedgerEntry.objects.count() == entries


def test_bad_terms_are_refused_with_reasons(client, world):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(world.secretary)
    answer = client.post(
        reverse("credits:new"),
        form_data(world.body, minimum_grant=60_000, ends_on=dt.date(2026, 1, 1)),
    )
    assert answer.status_code == 400
    page = answer.content.decode()
    assert "The smallest grant cannot be more than the cap per team." in page
    assert "A programme ends on or after the day it starts." in page
    assert not Programme.objects.filter(name=TERMS["name"]).exists()


def test_a_domain_listed_twice_is_refused(world):
    transport = make_domain("transport")
    with pytest.raises(ValidationError):
        programmes.create_programme(
            world.secretary,
            domains=[(transport, Decimal(2)), (transport, Decimal(3))],
            rates=[],
            body=world.body,
            **TERMS,
        )
    assert not Programme.objects.exists()


def test_only_a_bodys_secretariat_creates_or_edits_its_programmes(client, world, programme):
    for person in (world.proposer, world.officer, world.reviewer):
        with pytest.raises(PermissionDenied):
            programmes.create_programme(person, domains=[], rates=[], body=world.body, **TERMS)
        with pytest.raises(PermissionDenied):
            programmes.change_programme(person, programme, domains=[], rates=[], budget=1)
        client.force_login(person)
        assert client.get(reverse("credits:new")).status_code == 403
        assert client.get(reverse("credits:edit", args=[programme.pk])).status_code == 403
    # the secretary of one body cannot file a programme under a body they do not run
    with pytest.raises(PermissionDenied):
        programmes.create_programme(
            world.secretary, domains=[], rates=[], body=world.private_body, **TERMS
        )
    client.force_login(world.secretary)
    refused = client.post(reverse("credits:new"), form_data(world.private_body))
    assert refused.status_code == 400  # not among the body choices
    assert not Programme.objects.filter(name=TERMS["name"]).exists()
