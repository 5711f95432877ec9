import pytest
from django.core.exceptions import PermissionDenied

from livinglab.tracking.models import Case, CaseEvent, CaseLink
from livinglab.tracking.services.importing import import_minutes
from livinglab.tracking.services.lifecycle import split_link
from tests.tracking.documents import document, item, meeting


def _wrongly_linked(world, reader):
    """The second meeting's 智慧路燈合作 was a different matter that got the same name."""
    meetings = [
        meeting("2024-03-01", [item(["智慧路燈合作"], "tracked")]),
        meeting("2024-05-01", [item(["智慧路燈合作"], "delisted")]),
    ]
    import_minutes(
        world.secretary, world.body, [reader.add(b"x", document(*meetings))], confirm=True
    )
    return CaseLink.objects.get(decision__meeting__date="2024-05-01")


def test_split_link_moves_the_decision_and_its_effect(world, reader):
    link = _wrongly_linked(world, reader)
    origin = link.case
    assert origin.state == "closed"

    new = split_link(world.secretary, link, title="智慧路燈維護案")

    origin.refresh_from_db()
    new.refresh_from_db()
    assert origin.state == "tracked"  # the delisting belonged to the other case
    assert (new.state, new.closure) == ("closed", "delisted")
    assert [d.meeting.date.isoformat() for d in origin.decisions.filter(links__split_at=None)] == [
        "2024-03-01"
    ]
    assert new.decisions.get().meeting.date.isoformat() == "2024-05-01"
    assert origin.events.filter(kind=CaseEvent.Kind.SPLIT).exists()  # history, not edits


def test_officer_cannot_split(world, reader):
    link = _wrongly_linked(world, reader)
    with pytest.raises(PermissionDenied):
        split_link(world.officer, link, title="x")
    assert Case.objects.count() == 1


def test_moving_a_decision_away_and_back_restores_the_case(world, reader):
    meetings = [meeting("2024-03-01", [item(["智慧路燈合作"], "tracked")])]
    import_minutes(
        world.secretary, world.body, [reader.add(b"y", document(*meetings))], confirm=True
    )
    link = CaseLink.objects.get()
    origin = link.case
    assert origin.state == "tracked"

    elsewhere = split_link(world.secretary, link, title="另一案")
    back_link = CaseLink.objects.active().get(case=elsewhere)
    split_link(world.secretary, back_link, into=origin)

    origin.refresh_from_db()
    elsewhere.refresh_from_db()
    assert origin.state == "tracked"
    assert elsewhere.state == "proposed"
    assert CaseLink.objects.active().get().case == origin
