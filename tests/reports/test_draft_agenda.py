"""The draft agenda of a body's next meeting: cases proposed for delisting by accepted
progress reports, new proposals and overdue items; as a page and as .odt/.docx."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from livinglab.orgs.models import Membership
from livinglab.reports.agenda import build_agenda
from livinglab.work.models import Assignment, Proposal
from livinglab.work.services import NewReport, file_report, review_report, sync_assignments
from tests.reports.readback import rows_of


@pytest.fixture
def proposed_delisting(registry):
    """The transport bureau proposes delisting 河濱自行車道串連; the secretary accepts.
    It also proposes regular exchange for 共享電動機車停放管理, which is returned."""
    officer = get_user_model().objects.create_user("transport_officer")
    Membership.objects.create(user=officer, role="officer", organisation=registry.transport)
    sync_assignments(registry.body.cases.all())
    bikes = Assignment.objects.get(case__title="河濱自行車道串連")
    scooters = Assignment.objects.get(case__title="共享電動機車停放管理")
    done = NewReport("接點改善工程已完工並開放通行。", 100, proposal=Proposal.DELIST)
    review_report(registry.secretary, file_report(officer, bikes, done), accept=True)
    routine = NewReport("停放原則已公告，改由例行稽查。", 90, proposal=Proposal.REGULAR)
    review_report(registry.secretary, file_report(officer, scooters, routine), accept=False)
    return registry


def test_agenda_lists_the_three_parts(proposed_delisting, fixed_today):
    agenda = build_agenda(proposed_delisting.body)
    assert [(i.case.title, i.proposal) for i in agenda.delisting] == [
        ("河濱自行車道串連", Proposal.DELIST)
    ]
    assert "接點改善工程已完工" in agenda.delisting[0].reports[0]
    assert [(i.case.title, i.agencies) for i in agenda.proposals] == [
        ("老舊社區防災演練觀摩", ["新北市政府經濟發展局"])
    ]
    overdue = [(i.assignment.case.title, i.assignment.organisation.name) for i in agenda.overdue]
    assert overdue == [
        ("共享電動機車停放管理", "臺北市政府交通局"),
        ("河濱自行車道串連", "臺北市政府交通局"),
    ]
    assert agenda.overdue[0].days == (fixed_today - agenda.overdue[0].assignment.deadline).days
    assert agenda.number == 2  # the record's last meeting was no. 1 of 114


def test_agenda_page_shows_each_part(client, proposed_delisting):
    client.force_login(proposed_delisting.secretary)
    html = client.get(reverse("reports:agenda", args=[proposed_delisting.body.pk])).content
    html = html.decode()
    for text in ("河濱自行車道串連", "解除列管", "老舊社區防災演練觀摩", "共享電動機車停放管理"):
        assert text in html


@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_agenda_exports_read_back(client, proposed_delisting, fmt):
    client.force_login(proposed_delisting.secretary)
    response = client.get(reverse("reports:agenda_file", args=[proposed_delisting.body.pk, fmt]))
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    assert zipfile.is_zipfile(io.BytesIO(data))
    text = "\n".join("\t".join(row) for row in rows_of(fmt, data))
    assert "雙北產業合作工作小組" in text
    for title in ("河濱自行車道串連", "老舊社區防災演練觀摩", "共享電動機車停放管理"):
        assert title in _all_text(fmt, data)


def _all_text(fmt: str, data: bytes) -> str:
    if fmt == "docx":
        from docx import Document

        document = Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    from odf import teletype
    from odf.opendocument import load
    from odf.text import P

    return "\n".join(teletype.extractText(p) for p in load(io.BytesIO(data)).getElementsByType(P))


def test_only_the_secretariat_reaches_the_agenda(client, registry):
    url = reverse("reports:agenda", args=[registry.body.pk])
    for person in ("officer", "other_officer", "reviewer", "proposer"):
        client.force_login(getattr(registry, person))
        assert client.get(url).status_code == 403, person
    client.force_login(registry.secretary)
    assert client.get(url).status_code == 200
