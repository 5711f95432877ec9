"""Ids and page numbers beyond what a database holds are refused with a message (422),
never a server error, for anyone including anonymous callers."""

import pytest

HUGE = str(2**70)

URLS = [
    f"/api/cases?offset={HUGE}",
    f"/api/cases?limit={HUGE}",
    f"/api/cases?body={HUGE}",
    f"/api/cases?meeting={HUGE}",
    f"/api/cases?agency={HUGE}",
    "/api/cases?body=-1",
    f"/api/bodies?offset={HUGE}",
    f"/api/organisations?offset={HUGE}",
    f"/api/organisations?city_id={HUGE}",
    f"/api/organisations/resolve?name=交通局&city_id={HUGE}",
    f"/api/cases/{HUGE}",
    f"/api/organisations/{HUGE}",
    "/api/cases/0",
]


@pytest.mark.parametrize("url", URLS)
def test_out_of_range_numbers_are_a_clear_client_error(client, registry, url):
    response = client.get(url)
    assert response.status_code == 422, (url, response.status_code)
    assert response.json()["detail"]


def test_the_largest_id_is_simply_not_found(client, registry):
    assert client.get(f"/api/cases/{2**63 - 1}").status_code == 404
