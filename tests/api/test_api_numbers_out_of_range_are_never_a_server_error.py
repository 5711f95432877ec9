"""Every API operation answers numbers out of range in its path or query with 4xx,
never a 500: each integer parameter of the OpenAPI document is sent too big, negative
and zero, by an admin (who reaches every handler)."""

import pytest
from django.test import Client

from livinglab.api import api

WILD = ("0", "-1", str(2**63), str(10**30))


def _integer_parameters():
    schema = api.get_openapi_schema()
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            for parameter in operation.get("parameters", []):
                kind = parameter.get("schema", {})
                types = {kind.get("type")} | {
                    option.get("type") for option in kind.get("anyOf", [])
                }
                if "integer" in types:
                    yield method, path, parameter


def _url(path: str, parameter: dict, value: str) -> str:
    url = path.replace("{" + parameter["name"] + "}", value) if parameter["in"] == "path" else path
    url = url.replace("{identifier}", "context.population")
    url = url.replace("{", "").replace("}", "")  # other path parameters: letters, a 422
    if parameter["in"] == "query":
        url += f"?{parameter['name']}={value}"
    return url


@pytest.mark.django_db
def test_every_integer_parameter_refuses_wild_numbers(world):
    client = Client(raise_request_exception=False)
    client.force_login(world.admin)
    checked, wrong = 0, []
    for method, path, parameter in _integer_parameters():
        for value in WILD:
            url = _url(path, parameter, value)
            if method == "get":
                response = client.get(url)
            else:
                response = client.generic(method.upper(), url, "{}", "application/json")
            checked += 1
            if response.status_code >= 500:
                wrong.append(f"{method.upper()} {url}: {response.status_code}")
    assert checked > 100
    assert not wrong, "\n".join(wrong)
