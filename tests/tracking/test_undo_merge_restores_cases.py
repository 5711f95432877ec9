import pytest
from django.core.exceptions import PermissionDenied

from livinglab.tracking.models import Case, CaseEvent
from livinglab.tracking.services.importing import import_minutes
from livinglab.tracking.services.lifecycle import merge_cases, unmerge_case
from tests.tracking.documents import document, item, meeting


def _two_tracked_cases(world, reader):
    record = meeting("2024-03-01", [item(["甲案"], "tracked"), item(["乙案"], "tracked")])
    import_minutes(world.secretary, world.body, [reader.add(b"x", document(record))], confirm=True)
    return Case.objects.get(title="甲案"), Case.objects.get(title="乙案")


def test_undo_merge_restores_cases(world, reader):
    a, b = _two_tracked_cases(world, reader)
    merge_cases(world.secretary, [a], b)

    unmerge_case(world.secretary, Case.objects.get(pk=a.pk))

    a.refresh_from_db()
    assert (a.state, a.closure, a.merged_into) == ("tracked", "", None)
    assert not b.aliases.exists()
    # History keeps both the merge and its undoing.
    kinds = list(a.events.values_list("kind", flat=True))
    assert kinds == [CaseEvent.Kind.TRACKED, CaseEvent.Kind.MERGED, CaseEvent.Kind.UNMERGED]


def test_officer_cannot_merge_or_undo(world, reader):
    a, b = _two_tracked_cases(world, reader)
    with pytest.raises(PermissionDenied):
        merge_cases(world.officer, [a], b)
    merge_cases(world.admin, [a], b)
    with pytest.raises(PermissionDenied):
        unmerge_case(world.reviewer, Case.objects.get(pk=a.pk))
