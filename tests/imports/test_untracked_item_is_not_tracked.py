from livinglab.tracking.models import Case, Decision
from tests.imports.conftest import form_values


def test_unticked_item_becomes_a_decision_without_a_case(client, draft):
    values = form_values(client.get(f"/imports/{draft.pk}/"))
    del values["i0-1-track"]  # 共享單車資料交換案: not to be tracked

    response = client.post(f"/imports/{draft.pk}/", {**values, "action": "confirm"})

    assert response.status_code == 302
    titles = set(Case.objects.values_list("title", flat=True))
    assert "共享單車資料交換案" not in titles
    assert {"智慧路燈合作案", "電動機車充電站布建案", "夜市行動支付推廣案"} <= titles
    untracked = Decision.objects.get(position=1)
    assert not untracked.cases.exists()
