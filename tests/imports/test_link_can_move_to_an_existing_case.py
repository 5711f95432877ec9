from livinglab.tracking.models import Case, CaseLink
from tests.imports.conftest import form_values


def test_decision_is_linked_to_the_existing_case_the_secretary_picks(client, world, draft):
    existing = Case.objects.create(body=world.body, title="雙北路燈智慧化推動案")
    page = client.get(f"/imports/{draft.pk}/")
    assert f"雙北路燈智慧化推動案 #{existing.pk}" in page.content.decode()  # offered
    values = form_values(page)
    values["i0-0-link_0"] = f"雙北路燈智慧化推動案 #{existing.pk}"

    client.post(f"/imports/{draft.pk}/", {**values, "action": "confirm"})

    link = CaseLink.objects.get(decision__position=0)
    assert link.case_id == existing.pk
    assert link.method == CaseLink.Method.MANUAL
    assert Case.objects.count() == 4  # the existing case and the three other items' cases
    existing.refresh_from_db()
    names = {existing.title, *existing.aliases.values_list("name", flat=True)}
    assert {"雙北路燈智慧化推動案", "智慧路燈合作案"} <= names


def test_a_new_name_makes_a_new_case_with_that_title(client, draft):
    values = form_values(client.get(f"/imports/{draft.pk}/"))
    values["i0-2-link_0"] = "電動機車充電設施布建案"

    client.post(f"/imports/{draft.pk}/", {**values, "action": "confirm"})

    assert Case.objects.filter(title="電動機車充電設施布建案").exists()
    assert not Case.objects.filter(title="電動機車充電站布建案").exists()
