"""A team's statement downloads as a spreadsheet of its entries, newest first, with a
running balance; a statement longer than a file holds keeps the newest entries and says
so under the title instead of ending without a word."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from livinglab.core import lists
from livinglab.credits import allocation, ledger
from livinglab.credits.models import Account
from tests.credits.conftest import make_application


@pytest.fixture
def team_account(world, programme):
    make_application(world, programme, world.company, requested=30_000, score="0.8")
    allocation.commit(world.secretary, programme, allocation.plan(programme).fingerprint())
    for line in range(1, 5):
        ledger.consume(programme, world.company, 100, provider="nchc", statement_line=f"L{line}")
    return Account.objects.get(programme=programme, organisation=world.company)


def sheet_rows(client, account, fmt="xlsx"):
    response = client.get(reverse("credits:account_export", args=[account.pk, fmt]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    return [[cell for cell in row] for row in book.active.iter_rows(values_only=True)]


def test_the_statement_lists_every_entry_with_its_balance(client, world, team_account):
    client.force_login(world.secretary)
    title, header, *entries = sheet_rows(client, team_account)
    assert world.company.name in title[0] and "—" not in title[0]
    assert len(header) == 5
    lines = [row[4] for row in entries]
    assert lines[:4] == ["nchc L4", "nchc L3", "nchc L2", "nchc L1"]
    assert [row[2] for row in entries[:4]] == [-100] * 4
    assert entries[0][3] == team_account.balance
    # Each balance is the one under it plus that line's change.
    for newer, older in zip(entries, entries[1:], strict=False):
        assert newer[3] == older[3] + newer[2]


def test_a_statement_longer_than_a_file_holds_says_so(client, world, team_account, monkeypatch):
    monkeypatch.setattr(lists, "EXPORT_CAP", 3)
    client.force_login(world.secretary)
    title, _header, *entries = sheet_rows(client, team_account)
    assert len(entries) == 3
    assert "3" in title[0] and "—" in title[0]
    assert [row[4] for row in entries] == ["nchc L4", "nchc L3", "nchc L2"]


def test_the_ods_download_is_a_spreadsheet_too(client, world, team_account):
    client.force_login(world.secretary)
    response = client.get(reverse("credits:account_export", args=[team_account.pk, "ods"]))
    assert response.status_code == 200
    assert response["Content-Type"] == lists.CONTENT_TYPES["ods"]
    assert b"application/vnd.oasis.opendocument.spreadsheet" in response.content[:100]
