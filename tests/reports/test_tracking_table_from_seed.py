"""After importing a year of working-group minutes, the table for the next meeting lists
the cases still tracked, in all four formats, and leaves out the closed ones."""

import pytest
from django.core.management import call_command

from livinglab.meetings.models import Body
from livinglab.reports.exports import FORMATS
from livinglab.tracking.models import Case
from tests.reports.readback import case_titles, rows_of
from tests.working_group import BODY, STILL_TRACKED, import_working_group


@pytest.fixture
def exported(db, tmp_path):
    import_working_group()
    files = {}
    for fmt in FORMATS:
        out = tmp_path / f"table.{fmt}"
        call_command("tracking_table", "--body", BODY, "--format", fmt, "-o", str(out))
        files[fmt] = out.read_bytes()
    return files


@pytest.mark.seeds
@pytest.mark.parametrize("fmt", FORMATS)
def test_table_lists_exactly_the_tracked_cases(exported, fmt):
    body = Body.objects.get(name=BODY)
    tracked = set(Case.objects.for_body(body).tracked().values_list("title", flat=True))
    closed = set(Case.objects.for_body(body).closed().values_list("title", flat=True))
    titles = case_titles(fmt, exported[fmt])
    assert tracked and set(titles) == tracked
    assert not closed & set(titles)
    assert len(titles) == len(tracked)


@pytest.mark.seeds
@pytest.mark.parametrize("fmt", FORMATS)
def test_table_has_title_and_roc_dated_decisions(exported, fmt):
    rows = rows_of(fmt, exported[fmt])
    text = "\n".join("\t".join(row) for row in rows)
    assert BODY in text
    # 青創交流合作 was decided on at the meeting of 2024-09-27, among others.
    youth = next(row for row in rows if len(row) >= 7 and row[1] == "青創交流合作")
    assert "113年9月27日" in youth[3]
    assert youth[5] == "繼續列管"


@pytest.mark.seeds
@pytest.mark.parametrize("fmt", FORMATS)
def test_acceptance_four_cases_still_tracked(exported, fmt):
    assert set(case_titles(fmt, exported[fmt])) == STILL_TRACKED
