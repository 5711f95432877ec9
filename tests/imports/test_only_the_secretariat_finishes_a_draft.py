import pytest
from django.core.exceptions import PermissionDenied

from livinglab.meetings.models import MinutesDocument
from livinglab.tracking.services import drafting
from tests.imports.records import INDUSTRY_MEETING

OPERATIONS = {
    "add_meeting": lambda user, d: drafting.add_meeting(user, d),
    "delete_meeting": lambda user, d: drafting.delete_meeting(user, d, 0),
    "split_meeting": lambda user, d: drafting.split_meeting(user, d, 0, 1),
    "join_meetings": lambda user, d: drafting.join_meetings(user, d, 0),
    "add_item": lambda user, d: drafting.add_item(user, d, 0),
    "passage": lambda user, d: drafting.add_item(user, d, None, drafting.Passage(0, 5)),
    "delete_item": lambda user, d: drafting.delete_item(user, d, 0, 0),
    "split_item": lambda user, d: drafting.split_item(user, d, 0, 0),
    "join_items": lambda user, d: drafting.join_items(user, d, 0, 0),
    "discard": lambda user, d: drafting.discard_draft(user, d),
    "read_again": lambda user, d: drafting.read_again(user, d, replace_edits=True),
    "confirm": lambda user, d: drafting.confirm_draft(user, d, empty_ok=True),
}


@pytest.fixture
def stored_draft(world) -> MinutesDocument:
    from livinglab.tracking.services.importing import import_minutes

    [draft] = import_minutes(world.secretary, world.body, [("紀錄.txt", INDUSTRY_MEETING.encode())])
    return draft


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("who", ["officer", "reviewer", "proposer"])
def test_other_roles_are_refused_by_the_service_and_nothing_changes(
    world, stored_draft, operation, who
):
    before = stored_draft.proposal

    with pytest.raises(PermissionDenied):
        OPERATIONS[operation](getattr(world, who), stored_draft)

    stored_draft.refresh_from_db()
    assert stored_draft.proposal == before
    assert stored_draft.status == MinutesDocument.Status.DRAFT


@pytest.mark.parametrize("operation", OPERATIONS)
def test_the_secretariat_of_the_body_may(world, stored_draft, operation):
    from livinglab.tracking.services.importing import ImportFailed

    try:
        OPERATIONS[operation](world.secretary, stored_draft)
    except ImportFailed:
        pass  # refused for what the draft holds (no second meeting to join), not for who


@pytest.mark.parametrize("who", ["officer", "other_officer", "proposer", "reviewer"])
def test_the_pages_of_the_operations_answer_403_or_404(client, world, stored_draft, who):
    client.force_login(getattr(world, who))
    posts = [
        (f"/imports/{stored_draft.pk}/", {"op": "add-meeting"}),
        (f"/imports/{stored_draft.pk}/", {"op": "passage", "passage_text": "智慧路燈"}),
        (f"/imports/{stored_draft.pk}/discard/", {}),
        (f"/imports/{stored_draft.pk}/read-again/", {"replace_edits": "1"}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code in (403, 404), url
    stored_draft.refresh_from_db()
    assert len(stored_draft.proposal["meetings"]) == 1
