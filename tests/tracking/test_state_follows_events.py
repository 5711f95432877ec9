from livinglab.tracking.models import Case, CaseEvent
from livinglab.tracking.services.importing import import_minutes
from tests.tracking.documents import document, item, meeting


def test_new_proposal_is_proposed_until_a_later_decision_tracks_it(world, reader):
    meetings = [
        meeting("2024-03-01", [item(["寵物友善公園合作案"], "new")]),
        meeting("2024-06-01", [item(["寵物友善公園合作案"], "tracked")]),
        meeting("2024-09-01", [item(["寵物友善公園合作案"], "regular")]),
    ]
    upload = reader.add(b"x", document(*meetings))

    import_minutes(world.secretary, world.body, [upload], confirm=True)

    case = Case.objects.get()
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds == [CaseEvent.Kind.PROPOSED, CaseEvent.Kind.TRACKED, CaseEvent.Kind.REGULAR]
    assert (case.state, case.closure) == ("closed", "regular")
    assert all(event.decision and event.meeting for event in case.events.all())
    assert all(event.actor == world.secretary for event in case.events.all())


def test_case_first_seen_without_a_status_was_already_tracked(world, reader):
    upload = reader.add(b"x", document(meeting("2024-03-01", [item(["既有合作案"], None)])))
    import_minutes(world.secretary, world.body, [upload], confirm=True)
    assert Case.objects.get().state == "tracked"
