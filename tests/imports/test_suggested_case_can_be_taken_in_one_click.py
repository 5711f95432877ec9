from livinglab.meetings.models import MinutesDocument
from livinglab.tracking.models import Case
from tests.imports.conftest import form_values, upload


def test_link_to_this_case_takes_the_suggested_existing_case(client, world):
    existing = Case.objects.create(body=world.body, title="共享單車資料互通案")  # 75% alike
    client.force_login(world.secretary)
    page = client.get(upload(client, world.body)["Location"])
    assert "confidence-low" in page.content.decode()
    values = form_values(page)
    values["i0-1-use_link_0"] = f"共享單車資料互通案 #{existing.pk}"  # the button's value

    response = client.post(
        f"/imports/{MinutesDocument.objects.get().pk}/items/0/1/",
        values,
        headers={"HX-Request": "true"},
    )

    assert f'value="共享單車資料互通案 #{existing.pk}"' in response.content.decode()
    link = MinutesDocument.objects.get().proposal["meetings"][0]["items"][1]["links"][0]
    assert (link["case"], link["method"], link["review"]) == (existing.pk, "manual", False)
