from livinglab.tracking.models import Case, CaseAgency
from livinglab.work.models import Assignment
from livinglab.work.services import sync_assignments
from tests.imports.conftest import post_draft


def test_a_hand_item_with_case_agencies_and_deadline_becomes_assignments(
    client, world, blank_draft
):
    Case.objects.create(body=world.body, title="夜市行動支付推廣案")
    post_draft(client, blank_draft, op="passage", passage_text="大家同意再找三處夜市試辦")

    response = post_draft(
        client,
        blank_draft,
        action="confirm",
        **{
            "m0-date": "2024-10-15",
            "i0-0-case": "夜市行動支付推廣案",
            "i0-0-status": "tracked",
            "i0-0-agencies": "產業局",
            "i0-0-supporting": "新北市政府經濟發展局",
            "i0-0-deadline": "2024-12-31",
        },
    )

    assert response.status_code == 302
    [case] = Case.objects.all()  # the existing case, not a new one
    assert case.state == Case.State.TRACKED
    assert case.deadline.isoformat() == "2024-12-31"
    roles = dict(CaseAgency.objects.values_list("organisation__name", "role"))
    assert roles == {"臺北市政府產業發展局": "lead", "新北市政府經濟發展局": "supporting"}
    sync_assignments(Case.objects.all())
    assignments = Assignment.objects.values_list("organisation__name", "role", "deadline")
    assert {(name, role, d.isoformat()) for name, role, d in assignments} == {
        ("臺北市政府產業發展局", "lead", "2024-12-31"),
        ("新北市政府經濟發展局", "supporting", "2024-12-31"),
    }
    registry = client.get("/cases/").content.decode()
    assert "經濟發展局(supporting)" in registry or "新北市經濟發展局(supporting)" in registry


def test_an_agency_not_in_the_directory_is_refused_by_name(client, blank_draft):
    post_draft(client, blank_draft, op="add-meeting")
    post_draft(client, blank_draft, op="add-item:0")

    response = post_draft(client, blank_draft, **{"i0-0-supporting": "火星市政府觀光局"})

    assert response.status_code == 400
    assert "Not in the organisation directory: 火星市政府觀光局" in response.content.decode()


def test_a_tracked_item_needs_a_case_to_be_confirmed(client, blank_draft):
    post_draft(client, blank_draft, op="add-meeting")
    post_draft(client, blank_draft, op="add-item:0")

    response = post_draft(client, blank_draft, action="confirm", **{"i0-0-text": "試辦"})

    assert response.status_code == 400
    assert "Name the case this decision is about" in response.content.decode()
    assert not Case.objects.exists()


def test_a_new_case_name_creates_the_case(client, blank_draft):
    post_draft(client, blank_draft, op="passage", passage_text="大家同意再找三處夜市試辦")

    post_draft(
        client,
        blank_draft,
        action="confirm",
        **{"m0-date": "2024-10-15", "i0-0-case": "夜市試辦案"},
    )

    assert Case.objects.get().title == "夜市試辦案"
