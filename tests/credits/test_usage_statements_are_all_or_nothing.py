"""A provider's usage statement books every line as consumption, or nothing: each bad line
is named with its reason, and importing the same statement again books nothing twice."""

import json

import pytest

from livinglab.credits import ledger, statements
from livinglab.credits.models import LedgerEntry, Statement
from tests.credits.conftest import make_team

HEADER = "line_id,team,gpu_class,gpu_hours,used_on\n"


@pytest.fixture
def team(world, programme):
    team = make_team("甲號誌科技")
    ledger.grant(programme, team, 1_000, by=world.secretary)  # 100 H100-hours at 10 credits
    return team


def upload(world, programme, text, name="usage.csv"):
    return statements.upload(world.secretary, programme, "nchc", name, text.encode())


def consumed(programme):
    return ledger.usage_account(programme).balance


def test_a_good_statement_is_previewed_then_booked(world, programme, team):
    statement = upload(world, programme, HEADER + "n-1,甲號誌科技,H100,12.5,2026-03-02\n")
    lines = statements.preview(world.secretary, statement)
    assert [(line.line_id, line.credits) for line in lines] == [("n-1", 125)]
    assert consumed(programme) == 0

    statements.apply(world.secretary, statement)

    entry = LedgerEntry.objects.get(kind="consumption")
    assert (entry.statement_line, entry.amount, entry.provider) == ("n-1", 125, "nchc")
    assert ledger.team_account(programme, team).balance == 875


def test_a_json_statement_is_read_too(world, programme, team):
    document = {
        "lines": [{"line_id": "j-1", "team": "甲號誌科技", "gpu_class": "H100", "gpu_hours": 2}]
    }
    statement = upload(world, programme, json.dumps(document), name="usage.json")
    statements.apply(world.secretary, statement)
    assert consumed(programme) == 20


def test_every_bad_line_is_named_and_nothing_is_booked(world, programme, team):
    text = HEADER + (
        "n-1,甲號誌科技,H100,1,2026-03-02\n"
        "n-2,無名公司,H100,1,2026-03-02\n"
        "n-3,甲號誌科技,H100,-4,2026-03-02\n"
        "n-4,甲號誌科技,H100,很多,2026-03-02\n"
        "n-1,甲號誌科技,H100,1,2026-03-02\n"
        "n-6,甲號誌科技,A100,1,2026-03-02\n"
    )
    with pytest.raises(statements.StatementRejected) as refused:
        upload(world, programme, text)

    errors = refused.value.errors
    assert [e.split(":")[0] for e in errors] == ["Line 2", "Line 3", "Line 4", "Line 5", "Line 6"]
    assert "無名公司" in errors[0] and "-4" in errors[1] and "很多" in errors[2]
    assert "n-1" in errors[3] and "A100" in errors[4]
    assert not Statement.objects.exists()
    assert consumed(programme) == 0


def test_lines_beyond_the_team_balance_refuse_the_file(world, programme, team):
    text = HEADER + "n-1,甲號誌科技,H100,60,\nn-2,甲號誌科技,H100,41,\n"
    with pytest.raises(statements.StatementRejected) as refused:
        upload(world, programme, text)
    assert refused.value.errors[0].startswith("Line 2") and "1000" in refused.value.errors[0]
    assert consumed(programme) == 0


def test_importing_the_same_statement_again_books_nothing_twice(world, programme, team):
    text = HEADER + "n-1,甲號誌科技,H100,10,\nn-2,甲號誌科技,H100,20,\n"
    statements.apply(world.secretary, upload(world, programme, text))
    again = upload(world, programme, text + "n-3,甲號誌科技,H100,1,\n")

    lines = statements.preview(world.secretary, again)
    assert [line.already_booked for line in lines] == [True, True, False]
    statements.apply(world.secretary, again)
    statements.apply(world.secretary, again)

    assert LedgerEntry.objects.filter(kind="consumption").count() == 3
    assert consumed(programme) == 310


def test_a_statement_checked_against_the_ledger_again_when_applied(world, programme, team):
    statement = upload(world, programme, HEADER + "n-1,甲號誌科技,H100,90,\n")
    ledger.consume(programme, team, 500, provider="nchc", statement_line="other")

    with pytest.raises(statements.StatementRejected):
        statements.apply(world.secretary, statement)
    assert Statement.objects.get().applied_at is None
    assert consumed(programme) == 500


def test_only_the_secretariat_imports_statements(world, programme, team):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        statements.upload(
            world.proposer,
            programme,
            "nchc",
            "u.csv",
            (HEADER + "n-1,甲號誌科技,H100,1,\n").encode(),
        )
