"""The pages walk the same path as the services: the team files (bad input refused with
nothing saved), an officer decides in their queue, the secretariat grants, changes; the
public list names no person; the pages read in Traditional Chinese."""

import datetime as dt

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from livinglab.sandbox.models import Application, Consent, Permit
from tests.sandbox.conftest import PDF, consent_all


def form(world, sandbox, **extra):
    today = timezone.localdate()
    data = {
        "site": sandbox.trial.site_id,
        "rules": "無駕駛座車輛上路",
        "starts_on": today.isoformat(),
        "ends_on": (today + dt.timedelta(days=30)).isoformat(),
        "safety_plan": "安全員隨車",
        "insurance": "責任險",
        "agencies": [world.transport.pk, sandbox.police.pk],
    }
    data.update(extra)
    return data


def test_the_team_files_from_the_page(client, world, sandbox):
    client.force_login(world.proposer)
    url = reverse("sandbox:apply", args=[sandbox.trial.pk])
    assert client.get(url).status_code == 200
    data = form(world, sandbox, attachments=[SimpleUploadedFile("計畫.pdf", PDF)])
    answer = client.post(url, data)
    application = Application.objects.get()
    assert answer.status_code == 302 and answer.url == application.get_absolute_url()
    assert application.attachments.count() == 1


def test_bad_input_on_the_form_saves_nothing(client, world, sandbox):
    client.force_login(world.proposer)
    url = reverse("sandbox:apply", args=[sandbox.trial.pk])
    today = timezone.localdate()
    for bad in (
        {"agencies": []},
        {"rules": "  "},
        {"ends_on": (today - dt.timedelta(days=1)).isoformat()},
        {"agencies": [world.company.pk]},
        {"attachments": [SimpleUploadedFile("x.pdf", b"<script>alert(1)</script>")]},
    ):
        assert client.post(url, form(world, sandbox, **bad)).status_code == 400, bad
    assert not Application.objects.exists()


def test_the_officer_decides_from_the_queue(client, world, sandbox, application):
    client.force_login(sandbox.police_officer)
    queue = client.get(reverse("sandbox:queue")).content.decode()
    police = application.consents.get(organisation=sandbox.police)
    assert reverse("sandbox:consent", args=[police.pk]) in queue
    url = reverse("sandbox:consent", args=[police.pk])
    assert client.post(url, {"decision": "refuse", "reason": ""}).status_code == 400
    answer = client.post(url, {"decision": "consent", "condition_1": "夜間停駛"})
    assert answer.status_code == 302
    assert Consent.objects.get(pk=police.pk).conditions.get().text == "夜間停駛"
    assert "自駕接駁車" not in client.get(reverse("sandbox:queue")).content.decode()


def test_the_secretariat_grants_and_suspends(client, world, sandbox, application):
    client.force_login(world.secretary)
    grant = reverse("sandbox:grant", args=[application.pk])
    values = {"valid_from": application.starts_on, "valid_until": application.ends_on}
    assert client.post(grant, values).status_code == 400  # consents missing
    consent_all(sandbox, application)
    assert client.post(grant, {"valid_from": "x"}).status_code == 400
    assert client.post(grant, values).status_code == 302
    permit = Permit.objects.get()
    change = reverse("sandbox:change", args=[permit.pk])
    assert client.post(change, {"change": "suspended", "reason": ""}).status_code == 400
    assert client.post(change, {"change": "suspended", "reason": "查核"}).status_code == 302
    assert Permit.objects.get().status == "suspended"


def test_the_public_list_shows_permits_and_sites_only(client, world, sandbox, permit):
    page = client.get(reverse("sandbox:public")).content.decode()
    assert permit.number in page and sandbox.trial.site.name in page
    assert "proposer" not in page and "安全員" not in page and "2,000" not in page


def test_the_pages_read_in_traditional_chinese(client, world, sandbox, permit):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hant"
    assert "有效的監理沙盒許可" in client.get(reverse("sandbox:public")).content.decode()
    client.force_login(world.proposer)
    page = client.get(reverse("sandbox:permit", args=[permit.pk])).content.decode()
    assert "附帶條件" in page and "通報事故" in page


def test_the_team_finds_where_to_apply(client, world, sandbox):
    client.force_login(world.proposer)
    page = client.get(reverse("sandbox:mine")).content.decode()
    assert reverse("sandbox:apply", args=[sandbox.trial.pk]) in page
    client.force_login(world.officer)
    page = client.get(reverse("sandbox:mine")).content.decode()
    assert reverse("sandbox:apply", args=[sandbox.trial.pk]) not in page
