from livinglab.tracking.models import Case, CaseLink
from livinglab.tracking.services.importing import import_minutes
from livinglab.tracking.services.lifecycle import review_link
from tests.tracking.documents import document, item, meeting


def _import_two_meetings(world, reader):
    first = meeting("2024-03-01", [item(["智慧停車導引系統建置案"], "tracked")])
    second = meeting("2024-04-01", [item(["智慧停車收費系統"], "tracked")])
    upload = reader.add(b"x", document(first, second))
    import_minutes(world.secretary, world.body, [upload], confirm=True)


def test_low_confidence_link_goes_to_review_queue(world, reader):
    _import_two_meetings(world, reader)

    [link] = CaseLink.objects.review_queue()
    assert link.name == "智慧停車收費系統"
    assert link.case.title == "智慧停車收費系統"  # a new case, not a guess
    assert link.suggested_case.title == "智慧停車導引系統建置案"
    assert 0.6 <= link.confidence or link.method == "new"


def test_accepting_a_review_merges_into_the_suggested_case(world, reader):
    _import_two_meetings(world, reader)
    link = CaseLink.objects.review_queue().get()

    review_link(world.secretary, link, accept=True)

    target = Case.objects.get(title="智慧停車導引系統建置案")
    assert not CaseLink.objects.review_queue().exists()
    assert Case.objects.get(title="智慧停車收費系統").merged_into == target
    assert "智慧停車收費系統" in target.aliases.values_list("name", flat=True)


def test_rejecting_a_review_keeps_two_cases(world, reader):
    _import_two_meetings(world, reader)

    review_link(world.secretary, CaseLink.objects.review_queue().get(), accept=False)

    assert Case.objects.tracked().count() == 2
    assert not CaseLink.objects.review_queue().exists()
