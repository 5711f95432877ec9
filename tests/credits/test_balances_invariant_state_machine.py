"""Whatever sequence of grants, consumption, returns and adjustments is asked for, every
balance equals what its entries add up to, none goes negative, and the credits in the
programme's accounts add up to the budget funded."""

import itertools

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from livinglab.credits import ledger
from livinglab.credits.models import Account, LedgerEntry
from livinglab.orgs.models import Organisation
from tests.credits.conftest import make_programme

_runs = itertools.count()
amounts = st.integers(min_value=-50, max_value=3_000)


@pytest.mark.django_db
def test_balances_always_add_up_and_never_go_negative(world):
    teams = [Organisation.objects.create(kind="company", name=f"新創團隊{i}") for i in range(3)]
    lines = itertools.count()

    class Ledger(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.programme = make_programme(world, budget=5_000, name=f"計畫{next(_runs)}")

        def _try(self, booking):
            try:
                booking()
            except ledger.LedgerError:
                pass

        @rule(team=st.sampled_from(teams), amount=amounts)
        def grant(self, team, amount):
            self._try(lambda: ledger.grant(self.programme, team, amount, by=world.secretary))

        @rule(team=st.sampled_from(teams), amount=amounts)
        def consume(self, team, amount):
            line = f"L{next(lines)}"
            self._try(
                lambda: ledger.consume(
                    self.programme, team, amount, provider="nchc", statement_line=line
                )
            )

        @rule(team=st.sampled_from(teams), amount=amounts)
        def give_back(self, team, amount):
            self._try(
                lambda: ledger.give_back(
                    self.programme, team, amount, by=world.secretary, reason="退還"
                )
            )

        @rule(team=st.sampled_from(teams), change=st.integers(-3_000, 3_000))
        def adjust(self, team, change):
            self._try(
                lambda: ledger.adjust(
                    self.programme, team, change, by=world.secretary, reason="更正"
                )
            )

        @rule(amount=amounts)
        def fund(self, amount):
            self._try(lambda: ledger.fund(self.programme, amount, by=world.secretary))

        @invariant()
        def balances_add_up(self):
            assert ledger.balances_agree(self.programme)
            accounts = Account.objects.filter(programme=self.programme)
            assert all(a.balance >= 0 for a in accounts)
            funded = sum(
                LedgerEntry.objects.filter(programme=self.programme, source=None).values_list(
                    "amount", flat=True
                )
            )
            assert sum(a.balance for a in accounts) == funded

    run_state_machine_as_test(
        Ledger,
        settings=settings(
            max_examples=25,
            stateful_step_count=15,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
