from livinglab.meetings.models import Meeting, MinutesDocument
from livinglab.tracking.models import Case, Decision
from livinglab.tracking.services.importing import confirm_import, import_minutes, update_draft
from tests.tracking.documents import document, item, meeting


def _record():
    return document(
        meeting(
            "2024-03-01",
            [
                item(
                    ["智慧路燈合作案"],
                    "tracked",
                    deadline=("6 月底", __import__("datetime").date(2024, 6, 30)),
                ),
                item(["共享單車資料交換案"], "new"),
            ],
        )
    )


def test_import_without_confirm_stores_a_draft_only(world, reader):
    [draft] = import_minutes(world.secretary, world.body, [reader.add(b"x", _record())])

    assert draft.status == MinutesDocument.Status.DRAFT
    assert draft.text
    links = draft.proposal["meetings"][0]["items"][0]["links"]
    assert links[0]["name"] == "智慧路燈合作案"
    assert links[0]["method"] == "new"
    assert not Meeting.objects.exists()
    assert not Case.objects.exists()


def test_secretary_choices_are_applied_on_confirm(world, reader):
    [draft] = import_minutes(world.secretary, world.body, [reader.add(b"x", _record())])
    update_draft(world.secretary, draft, {"meetings": {"0": {"chair": "李局長"}}})

    confirm_import(world.secretary, draft, {"items": {"0.1": {"track": False}}})

    draft.refresh_from_db()
    assert draft.status == MinutesDocument.Status.CONFIRMED
    assert Meeting.objects.get().chair == "李局長"
    assert Decision.objects.count() == 2  # both items are decisions of the meeting
    assert list(Case.objects.values_list("title", flat=True)) == ["智慧路燈合作案"]
    assert Case.objects.get().deadline.isoformat() == "2024-06-30"
