"""The allocation run shares the budget by review score × domain weight, capped per team,
with a minimum grant, the same way every time, and says why each team got what it got."""

import pytest

from livinglab.credits import allocation, ledger
from livinglab.credits.models import AllocationRun, LedgerEntry
from tests.credits.conftest import make_application, make_team


@pytest.fixture
def teams(world, programme):
    # budget 100 000, cap 40 000, minimum 5 000, transport weighs 2
    a, b, c, d = (make_team(name) for name in ("甲號誌科技", "乙醫聯網", "丙宅智能", "丁健康"))
    make_application(world, programme, a, requested=50_000, score="0.6", domain="transport")
    make_application(world, programme, b, requested=30_000, score="0.9", domain="health")
    make_application(world, programme, c, requested=26_000, score="0.5", domain="housing")
    make_application(world, programme, d, requested=20_000, score="0.3", domain="health")
    return a, b, c, d


def granted(plan):
    return {line.team: line.granted for line in plan.lines}


def test_teams_are_served_by_priority_capped_and_above_the_minimum(world, programme, teams):
    plan = allocation.plan(programme)

    assert [line.team for line in plan.lines] == ["甲號誌科技", "乙醫聯網", "丙宅智能", "丁健康"]
    assert granted(plan) == {
        "甲號誌科技": 40_000,
        "乙醫聯網": 30_000,
        "丙宅智能": 26_000,
        "丁健康": 0,
    }
    assert plan.left_over == 4_000


def test_each_line_says_why(world, programme, teams):
    lines = {line.team: " ".join(line.reasons) for line in allocation.plan(programme).lines}

    assert "120.0" in lines["甲號誌科技"] and "40000" in lines["甲號誌科技"]  # 60 × 2, capped
    assert "4000" in lines["丁健康"] and "5000" in lines["丁健康"]  # left, below the minimum


def test_the_preview_books_nothing_and_is_the_same_every_time(world, programme, teams):
    before = LedgerEntry.objects.count()
    first, second = allocation.plan(programme), allocation.plan(programme)

    assert first.fingerprint() == second.fingerprint()
    assert LedgerEntry.objects.count() == before


def test_committing_books_the_grants_and_keeps_the_plan(world, programme, teams):
    a, b, c, d = teams
    run = allocation.commit(world.secretary, programme, allocation.plan(programme).fingerprint())

    assert ledger.team_account(programme, a).balance == 40_000
    assert ledger.budget_account(programme).balance == 4_000
    assert run.lines[0]["team"] == "甲號誌科技" and run.lines[0]["change"] == 40_000
    assert AllocationRun.objects.filter(programme=programme).count() == 1
    assert ledger.balances_agree(programme)


def test_a_plan_that_changed_since_the_preview_is_not_committed(world, programme, teams):
    stale = allocation.plan(programme).fingerprint()
    programme.budget = 90_000
    programme.save()

    with pytest.raises(allocation.PlanChanged):
        allocation.commit(world.secretary, programme, stale)
    assert not LedgerEntry.objects.filter(kind="grant").exists()


def test_rerun_after_a_budget_cut_keeps_what_was_consumed(world, programme, teams):
    a, b, c, d = teams
    allocation.commit(world.secretary, programme, allocation.plan(programme).fingerprint())
    ledger.consume(programme, c, 20_000, provider="nchc", statement_line="L1")
    programme.budget = 70_000
    programme.save()

    plan = allocation.plan(programme)
    allocation.commit(world.secretary, programme, plan.fingerprint())

    # 20 000 consumed by 丙 are set aside; 50 000 are shared again from the top
    assert granted(plan) == {
        "甲號誌科技": 40_000,
        "乙醫聯網": 10_000,
        "丙宅智能": 20_000,
        "丁健康": 0,
    }
    assert ledger.team_account(programme, c).balance == 0
    assert ledger.usage_account(programme).balance == 20_000
    assert allocation.funded(programme) == 70_000
    assert ledger.balances_agree(programme)


def test_only_the_secretariat_runs_the_allocation(world, programme, teams):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        allocation.commit(world.proposer, programme, allocation.plan(programme).fingerprint())
