"""Every service that changes cases: only the body's secretariat or an admin."""

import pytest
from django.core.exceptions import PermissionDenied

from livinglab.tracking.models import Case, CaseLink
from livinglab.tracking.services import lifecycle
from livinglab.tracking.services.importing import import_minutes, update_draft
from tests.tracking.documents import document, item, meeting

OUTSIDERS = ["officer", "other_officer", "reviewer", "proposer"]


def _cases(world, reader):
    record = meeting("2024-03-01", [item(["智慧停車導引系統建置案"], "tracked")])
    later = meeting("2024-04-01", [item(["智慧停車收費系統"], "tracked")])
    import_minutes(
        world.secretary, world.body, [reader.add(b"x", document(record, later))], confirm=True
    )
    return list(Case.objects.order_by("pk"))


SERVICES = {
    "rename": lambda user, a, b, link: lifecycle.rename_case(user, a, "新名稱"),
    "merge": lambda user, a, b, link: lifecycle.merge_cases(user, [a], b),
    "split": lambda user, a, b, link: lifecycle.split_link(user, link, title="另案"),
    "review": lambda user, a, b, link: lifecycle.review_link(user, link, accept=True),
}


@pytest.mark.parametrize("who", OUTSIDERS)
@pytest.mark.parametrize("service", SERVICES)
def test_outsiders_cannot_change_cases(world, reader, who, service):
    a, b = _cases(world, reader)
    link = CaseLink.objects.review_queue().get()
    with pytest.raises(PermissionDenied):
        SERVICES[service](getattr(world, who), a, b, link)
    assert [c.title for c in Case.objects.order_by("pk")] == [a.title, b.title]
    assert Case.objects.tracked().count() == 2


@pytest.mark.parametrize("who", ["secretary", "admin"])
@pytest.mark.parametrize("service", SERVICES)
def test_secretariat_and_admin_can_change_cases(world, reader, who, service):
    a, b = _cases(world, reader)
    link = CaseLink.objects.review_queue().get()
    SERVICES[service](getattr(world, who), a, b, link)


def test_officer_cannot_edit_a_draft(world, reader):
    [draft] = import_minutes(
        world.secretary, world.body, [reader.add(b"y", document(meeting("2024-03-01", [])))]
    )
    with pytest.raises(PermissionDenied):
        update_draft(world.officer, draft, {"meetings": {"0": {"chair": "x"}}})
