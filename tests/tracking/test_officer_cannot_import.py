import pytest
from django.core.exceptions import PermissionDenied

from livinglab.meetings.models import MinutesDocument
from livinglab.tracking.services.importing import confirm_import, import_minutes
from tests.tracking.documents import document, item, meeting


def _upload(reader):
    return reader.add(b"x", document(meeting("2024-03-01", [item(["甲案"], "tracked")])))


@pytest.mark.parametrize("who", ["officer", "other_officer", "reviewer", "proposer"])
def test_officer_cannot_import(world, reader, who):
    with pytest.raises(PermissionDenied):
        import_minutes(getattr(world, who), world.body, [_upload(reader)])
    assert not MinutesDocument.objects.exists()


def test_secretary_of_another_body_cannot_import(world, reader):
    with pytest.raises(PermissionDenied):
        import_minutes(world.secretary, world.private_body, [_upload(reader)])


def test_officer_cannot_confirm_a_draft(world, reader):
    [draft] = import_minutes(world.secretary, world.body, [_upload(reader)])
    with pytest.raises(PermissionDenied):
        confirm_import(world.officer, draft)
    draft.refresh_from_db()
    assert draft.status == MinutesDocument.Status.DRAFT


@pytest.mark.parametrize("who", ["secretary", "admin"])
def test_secretariat_and_admin_can_import(world, reader, who):
    [draft] = import_minutes(getattr(world, who), world.body, [_upload(reader)], confirm=True)
    assert draft.status == MinutesDocument.Status.CONFIRMED
