from livinglab.tracking.models import Case, CaseEvent
from livinglab.tracking.services.importing import import_minutes
from livinglab.tracking.services.lifecycle import merge_cases
from tests.tracking.documents import document, item, meeting


def test_merge_in_a_record_keeps_old_names_as_aliases(world, reader):
    merge = item(
        ["雙北路燈合作案", "北桃路燈合作案", "智慧路燈合作"],
        "merged",
        relations=[("merge", ["雙北路燈合作案", "北桃路燈合作案"], "智慧路燈合作")],
    )
    upload = reader.add(b"x", document(meeting("2024-03-01", [merge])))

    import_minutes(world.secretary, world.body, [upload], confirm=True)

    target = Case.objects.get(title="智慧路燈合作")
    assert target.state == "tracked"
    assert set(target.aliases.values_list("name", flat=True)) == {
        "雙北路燈合作案",
        "北桃路燈合作案",
    }
    for title in ("雙北路燈合作案", "北桃路燈合作案"):
        source = Case.objects.get(title=title)
        assert (source.state, source.closure, source.merged_into) == ("closed", "merged", target)
    assert target.events.filter(kind=CaseEvent.Kind.MERGED_IN).count() == 2


def test_later_records_using_an_old_name_reach_the_merged_case(world, reader):
    merge = item(
        ["甲案", "乙案", "甲乙合作案"],
        "merged",
        relations=[("merge", ["甲案", "乙案"], "甲乙合作案")],
    )
    later = item(["乙案"], "tracked")
    upload = reader.add(
        b"x", document(meeting("2024-03-01", [merge]), meeting("2024-04-01", [later]))
    )

    import_minutes(world.secretary, world.body, [upload], confirm=True)

    assert Case.objects.get(title="甲乙合作案").decisions.count() == 2


def test_secretary_merges_two_cases(world):
    a = Case.objects.create(body=world.body, title="甲案")
    b = Case.objects.create(body=world.body, title="乙案")

    merge_cases(world.secretary, [a], b)

    a.refresh_from_db()
    assert (a.state, a.closure, a.merged_into) == ("closed", "merged", b)
    assert list(b.aliases.values_list("name", flat=True)) == ["甲案"]
