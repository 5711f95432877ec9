"""The OpenAPI document the API serves is a valid OpenAPI 3 document, so that another
city's system can generate a client from it."""

import pytest
from openapi_spec_validator import validate


@pytest.mark.django_db
def test_openapi_document_validates(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)  # raises on the first error, naming where it is


@pytest.mark.django_db
def test_every_operation_has_a_unique_id_and_a_response(client):
    document = client.get("/api/openapi.json").json()
    ids = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            assert operation.get("responses"), f"{method.upper()} {path} declares no response"
            ids.append(operation["operationId"])
    assert len(ids) == len(set(ids))
