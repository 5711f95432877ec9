"""The programme page shows everyone the totals and the totals by domain; team names and
statements only to the secretariat and, for its own statement, to the team."""

import pytest
from django.urls import reverse

from livinglab.credits import allocation, ledger
from tests.credits.conftest import make_application, make_team


@pytest.fixture
def granted(world, programme):
    other = make_team("乙醫聯網")
    make_application(world, programme, world.company, requested=30_000, score="0.8")
    make_application(world, programme, other, requested=20_000, score="0.7", domain="health")
    allocation.commit(world.secretary, programme, allocation.plan(programme).fingerprint())
    ledger.consume(programme, world.company, 4_000, provider="nchc", statement_line="L1")
    return other


def signed_in(client, user):
    client.force_login(user)
    return client


def test_the_public_sees_totals_and_domains_but_no_team(client, world, programme, granted):
    page = client.get(reverse("credits:programme", args=[programme.pk])).content.decode()

    assert 'id="figure-granted">50,000<' in page and 'id="figure-consumed">4,000<' in page
    assert "智慧交通" in page and "智慧醫療" in page
    assert "晨光感測" not in page and "乙醫聯網" not in page
    assert (
        client.get(reverse("credits:burn", args=[programme.pk]))["Content-Type"] == "image/svg+xml"
    )


def test_the_secretariat_sees_every_team(client, world, programme, granted):
    page = signed_in(client, world.secretary).get(reverse("credits:programme", args=[programme.pk]))
    assert "晨光感測" in page.content.decode() and "乙醫聯網" in page.content.decode()


def test_a_team_reads_its_own_statement_only(client, world, programme, granted):
    own = ledger.team_account(programme, world.company)
    other = ledger.team_account(programme, granted)
    signed_in(client, world.proposer)

    page = client.get(reverse("credits:account", args=[own.pk]))
    assert page.status_code == 200
    assert 'id="balance">26,000<' in page.content.decode()
    assert client.get(reverse("credits:account", args=[other.pk])).status_code == 404
    export = client.get(reverse("credits:account_export", args=[own.pk, "ods"]))
    assert export.status_code == 200 and export.content[:2] == b"PK"


def test_the_allocation_page_previews_then_books(client, world, programme):
    make_application(world, programme, world.company, requested=30_000, score="0.8")
    signed_in(client, world.secretary)
    url = reverse("credits:allocate", args=[programme.pk])

    preview = client.get(url)
    assert "30000" in preview.content.decode()
    assert ledger.team_account(programme, world.company).balance == 0
    client.post(url, {"fingerprint": preview.context["plan"].fingerprint()})
    assert ledger.team_account(programme, world.company).balance == 30_000


def test_a_refused_statement_lists_its_bad_lines(client, world, programme, granted):
    from django.core.files.uploadedfile import SimpleUploadedFile

    signed_in(client, world.secretary)
    text = "line_id,team,gpu_class,gpu_hours,used_on\nx-1,無名公司,H100,1,\n"
    answer = client.post(
        reverse("credits:upload", args=[programme.pk]),
        {"provider": "nchc", "file": SimpleUploadedFile("u.csv", text.encode())},
    )
    assert answer.status_code == 400
    assert "無名公司" in answer.content.decode()
    assert ledger.usage_account(programme).balance == 4_000


def test_the_programme_page_reads_in_traditional_chinese(client, world, programme, granted):
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hant"
    page = client.get(reverse("credits:programme", args=[programme.pk])).content.decode()
    assert "已核配" in page and "點數使用趨勢" in page
    assert "期間：115年1月1日" in page  # a full-width colon after Chinese text, an ROC date
    assert '<dd id="figure-budget">100,000</dd>' in page  # amounts with thousands separators


def test_a_teams_statement_reads_in_traditional_chinese(client, world, programme, granted):
    from django.conf import settings

    from livinglab.credits import ledger

    account = ledger.team_account(programme, world.company)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hant"
    signed_in(client, world.proposer)
    page = client.get(reverse("credits:account", args=[account.pk])).content.decode()
    assert f'餘額：<strong id="balance">{account.balance:,}</strong> 點' in page
    assert ": <strong" not in page
