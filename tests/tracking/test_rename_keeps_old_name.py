from livinglab.tracking.models import Case, CaseEvent
from livinglab.tracking.services.importing import import_minutes
from livinglab.tracking.services.lifecycle import rename_case
from tests.tracking.documents import document, item, meeting


def test_rename_in_a_record_keeps_the_old_name(world, reader):
    rename = item(
        ["觀光工廠合作案", "觀光工廠見學交流"],
        "renamed",
        relations=[("rename", ["觀光工廠合作案"], "觀光工廠見學交流")],
    )
    later = item(["觀光工廠見學交流"], "delisted")
    upload = reader.add(
        b"x", document(meeting("2024-03-01", [rename]), meeting("2024-05-01", [later]))
    )

    import_minutes(world.secretary, world.body, [upload], confirm=True)

    case = Case.objects.get()
    assert case.title == "觀光工廠見學交流"
    assert list(case.aliases.values_list("name", flat=True)) == ["觀光工廠合作案"]
    assert (case.state, case.closure) == ("closed", "delisted")
    renamed = case.events.get(kind=CaseEvent.Kind.RENAMED)
    assert renamed.payload == {"from": "觀光工廠合作案", "to": "觀光工廠見學交流"}
    assert renamed.meeting.date.isoformat() == "2024-03-01"


def test_slip_in_the_first_record_gives_way_to_the_usual_spelling(world, reader):
    meetings = [
        meeting("2024-03-01", [item(["山區捕獸銹宣導交流"], "new")]),
        meeting("2024-06-01", [item(["山區捕獸鋏宣導交流"], "tracked")]),
        meeting("2024-09-01", [item(["山區捕獸鋏宣導交流"], "tracked")]),
    ]
    import_minutes(
        world.secretary, world.body, [reader.add(b"x", document(*meetings))], confirm=True
    )

    case = Case.objects.get()
    assert case.title == "山區捕獸鋏宣導交流"
    assert "山區捕獸銹宣導交流" in case.aliases.values_list("name", flat=True)


def test_secretary_renames_a_case(world):
    case = Case.objects.create(body=world.body, title="舊名稱")
    rename_case(world.secretary, case, "新名稱")
    case.refresh_from_db()
    assert case.title == "新名稱"
    assert list(case.aliases.values_list("name", flat=True)) == ["舊名稱"]
