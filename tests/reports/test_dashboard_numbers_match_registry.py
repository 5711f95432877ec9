import pytest
from django.core.management import call_command
from django.urls import reverse

from livinglab.meetings.models import Body
from livinglab.reports.dashboard import build_dashboard
from livinglab.tracking.models import Case
from livinglab.work.services import sync_assignments
from tests.conftest import seeds_or_skip
from tests.work.conftest import make_case


@pytest.mark.seeds
def test_counts_by_state_match_the_registry_after_a_seed_import(db):
    path = seeds_or_skip() / "004_485b4fef11a00f44.txt"
    call_command("import_minutes", "--body", "產業民生組", "--create-body", "--confirm", str(path))
    cases = Case.objects.for_body(Body.objects.get(name="產業民生組"))
    dashboard = build_dashboard(cases)
    for state in Case.State.values:
        assert dashboard.by_state[state] == cases.filter(state=state).count()
    assert sum(dashboard.by_state.values()) == cases.count()
    assert sum(dashboard.closed.values()) == cases.closed().count()


def test_overdue_by_agency_counts_open_assignments_past_deadline(client, world):
    import datetime as dt

    make_case(world, "逾期案", lead=world.industry, deadline=dt.date(2020, 1, 1))
    make_case(world, "未逾期案", lead=world.industry, deadline=dt.date(2999, 1, 1))
    sync_assignments(Case.objects.all())
    assert build_dashboard(Case.objects.all()).overdue_by_agency == [("臺北市政府產業發展局", 1)]
    client.force_login(world.secretary)
    page = client.get(reverse("reports:dashboard", args=[world.body.pk]))
    assert page.status_code == 200 and "臺北市政府產業發展局" in page.content.decode()
    client.force_login(world.officer)
    assert client.get(reverse("reports:dashboard", args=[world.body.pk])).status_code == 403
