import pytest

from livinglab.credits import ledger
from livinglab.credits.models import Account, LedgerEntry


def test_a_grant_moves_credits_from_the_budget_to_the_team(world, programme):
    ledger.grant(programme, world.company, 30_000, by=world.secretary)

    team = Account.objects.get(programme=programme, organisation=world.company)
    assert team.balance == 30_000
    assert ledger.budget_account(programme).balance == 70_000
    assert ledger.balances_agree(programme)


def test_consumption_beyond_the_balance_is_refused_and_books_nothing(world, programme):
    ledger.grant(programme, world.company, 1_000, by=world.secretary)
    before = LedgerEntry.objects.count()

    with pytest.raises(ledger.LedgerError, match="1000"):
        ledger.consume(programme, world.company, 1_001, provider="nchc", statement_line="L1")

    assert LedgerEntry.objects.count() == before
    assert ledger.team_account(programme, world.company).balance == 1_000


def test_entries_cannot_be_changed_or_deleted(world, programme):
    entry = ledger.grant(programme, world.company, 10, by=world.secretary)
    entry.amount = 5
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        LedgerEntry.objects.filter(pk=entry.pk).update(amount=5)
    with pytest.raises(TypeError):
        LedgerEntry.objects.filter(pk=entry.pk).delete()
    assert LedgerEntry.objects.get(pk=entry.pk).amount == 10


def test_a_correction_is_a_new_entry_with_its_reason(world, programme):
    wrong = ledger.grant(programme, world.company, 10_000, by=world.secretary)
    fix = ledger.adjust(
        programme, world.company, -2_000, by=world.secretary, reason="核定額度誤植", corrects=wrong
    )
    assert LedgerEntry.objects.get(pk=wrong.pk).amount == 10_000
    assert fix.corrects == wrong and fix.reason == "核定額度誤植"
    assert ledger.team_account(programme, world.company).balance == 8_000


def test_an_adjustment_without_a_reason_is_refused(world, programme):
    with pytest.raises(ledger.LedgerError):
        ledger.adjust(programme, world.company, 100, by=world.secretary, reason="  ")
    assert not LedgerEntry.objects.filter(kind="adjustment").exists()


def test_an_entry_names_a_person_or_a_statement_line(world, programme):
    with pytest.raises(ledger.LedgerError):
        ledger.grant(programme, world.company, 100, by=None)


def test_expiry_returns_every_unused_balance_to_the_budget(world, programme):
    ledger.grant(programme, world.company, 5_000, by=world.secretary)
    ledger.consume(programme, world.company, 1_200, provider="nchc", statement_line="L1")

    ledger.expire_unused(programme, by=world.secretary)

    assert ledger.team_account(programme, world.company).balance == 0
    assert ledger.budget_account(programme).balance == 100_000 - 1_200
    assert ledger.usage_account(programme).balance == 1_200
    assert ledger.balances_agree(programme)
