"""Personal data held by the models (a meeting's recorder, a need's contact person and
e-mail, people's accounts, who supplied or typed a KPI value, the words of a progress
report and of its review, which the case's published progress is built beside) appears in
no dataset, catalogue or API answer, nor on the public registry and case pages that show
each case's progress."""

import pytest
from django.urls import reverse

from livinglab.opendata.catalogue import DATASETS
from tests.opendata.conftest import PERSONAL


@pytest.fixture
def need_with_contact(published):
    from livinglab.needs.models import Domain, Need

    return Need.objects.create(
        title="路口車流即時調控",
        problem="尖峰壅塞。",
        domain=Domain.objects.get(key="transport"),
        agency=published.world.transport,
        contact_name=PERSONAL[1],
        contact_email=PERSONAL[2],
        status=Need.Status.PUBLISHED,
        created_by=published.world.officer,
    )


@pytest.fixture
def kpi_value_with_supplier(published):
    import datetime as dt

    from livinglab.kpis.services.catalogue import get_definition
    from livinglab.kpis.services.scopes import create_scope
    from livinglab.kpis.services.values import write_value

    scope = create_scope(code="tpe-hall", name_zh="市政大樓", kind="building")
    water = get_definition("water.consumption@1")
    write_value(water, scope, dt.date(2025, 1, 1), 42, supplier=PERSONAL[4])
    write_value(water, scope, dt.date(2025, 2, 1), 43, user=published.world.officer)


@pytest.fixture
def progress_report_with_words(published):
    """An accepted progress report naming a person in its text and review comment: the
    case's progress is published (its percent and history), the words are not."""
    from livinglab.tracking.models import Case
    from livinglab.work import services as work
    from livinglab.work.models import Assignment

    world = published.world
    work.sync_assignments(Case.objects.filter(pk=published.case.pk))
    assignment = Assignment.objects.get(case=published.case)
    text = f"已與{PERSONAL[1]}（{PERSONAL[2]}）完成訪談。"
    report = work.file_report(world.officer, assignment, work.NewReport(text, 40))
    work.review_report(world.secretary, report, accept=True, comment=PERSONAL[4])


@pytest.fixture
def hand_change_by_a_named_secretary(published):
    """The secretariat changes the case by hand: the history says what and when; who
    did it is for the city's staff only."""
    import datetime as dt

    from livinglab.tracking.services import editing

    secretary = published.world.secretary
    secretary.first_name = "林書記"
    secretary.save()
    editing.set_deadline(secretary, published.case, dt.date(2031, 3, 31))


def _everything_public(client) -> str:
    parts = []
    for dataset in DATASETS:
        for fmt in ("csv", "json"):
            response = client.get(reverse("opendata:download", args=[dataset.slug, fmt]))
            parts.append(b"".join(response.streaming_content).decode("utf-8-sig"))
        parts.append(client.get(reverse("opendata:dataset", args=[dataset.slug])).content.decode())
    parts.append(client.get(reverse("opendata:catalogue")).content.decode())
    parts.append(client.get(reverse("opendata:kpis")).content.decode())
    for action in ("package_list", "package_search"):
        parts.append(client.get(reverse("ckan", args=[action])).content.decode())
    return "\n".join(parts)


def _public_pages(client, case) -> str:
    """The registry and the case's page, as a visitor sees them (with its progress)."""
    pages = [reverse("tracking:list"), case.get_absolute_url()]
    return "\n".join(client.get(url).content.decode() for url in pages)


def test_no_personal_field_reaches_open_data(
    client, published, need_with_contact, kpi_value_with_supplier, progress_report_with_words
):
    text = _everything_public(client)
    assert '"progress_percent": 40' in text  # the case's progress is published
    assert "路口車流即時調控" in text  # the need itself is published
    assert "市政大樓" in text  # so is the KPI value
    for value in PERSONAL:
        assert value not in text
    for user in ("secretary", "officer", "proposer", "reviewer"):
        assert f'"{user}"' not in text and f",{user}," not in text


def test_no_personal_field_reaches_the_public_registry_pages(
    client, published, progress_report_with_words, hand_change_by_a_named_secretary
):
    text = _public_pages(client, published.case)
    assert "2031" in text or "120年3月31日" in text  # the change itself is public
    assert "林書記" not in text
    assert '<progress max="100" value="40"' in text  # on the list and on the case page
    assert text.count('value="40"') == 2
    assert "辦理情形填報於" in text  # when it was reported, not what or by whom
    assert "完成訪談" not in text
    for value in PERSONAL:
        assert value not in text
    for user in ("secretary", "officer"):
        assert f">{user}<" not in text and f" {user}," not in text and f"— {user}" not in text
